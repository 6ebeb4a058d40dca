/**
 * Every file NN Lab writes goes through `writeFileAtomic`: the bytes go to a new temporary file in
 * the target's folder (so the rename stays on one file system), are flushed, and the temporary file
 * is renamed over the target in one step. A reader therefore sees the old file or the new one,
 * never half of it, and a failure (full disk, read-only folder, a crash) leaves no partial file:
 * the temporary file is removed. Errors come back as one clear line.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The file-system calls the writer makes; injectable so a failure mid-write can be tested. */
export interface AtomicWriteFs {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

/** Why a write failed, as one line naming the target; `code` is Node's errno code when there is one. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

/** The temporary name used for `target`: hidden, in the same folder, unique. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** One line saying why writing `target` failed. */
export function writeErrorMessage(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  const folder = path.dirname(target);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${target}: the folder ${folder} is not writable (permission denied)`;
    case 'EROFS':
      return `cannot write ${target}: the folder ${folder} is on a read-only file system`;
    case 'ENOENT':
      return `cannot write ${target}: the folder ${folder} does not exist`;
    case 'ENOSPC':
      return `cannot write ${target}: the disk is full`;
    case 'EISDIR':
      return `cannot write ${target}: it is a folder`;
    case 'EDQUOT':
      return `cannot write ${target}: the disk quota is exceeded`;
    default:
      return `cannot write ${target}: ${code ?? (e instanceof Error ? e.message : String(e))}`;
  }
}

/** Writes `data` to `target` atomically (temporary file + rename); throws `WriteError`, leaving no temporary file behind. */
export function writeFileAtomic(target: string, data: Uint8Array | string, io: AtomicWriteFs = fs): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx', 0o666);
    let written = 0;
    while (written < bytes.length) written += io.writeSync(fd, bytes, written, bytes.length - written);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      io.unlinkSync(temp);
    } catch {
      /* never created, or already gone */
    }
    throw new WriteError(writeErrorMessage(e, target), (e as NodeJS.ErrnoException).code);
  }
}
