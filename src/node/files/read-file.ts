/**
 * Reading the files NN Lab is given (descriptions, CSV data, model files), safely: regular files
 * only, whatever a path or symlink points at. The file is opened with O_NONBLOCK (so a FIFO cannot
 * block the open), checked with fstat on the open descriptor (so what is checked is what is read),
 * refused when it is a FIFO, a device, a folder or a socket, refused when bigger than its kind's
 * limit, and read to at most that limit even if it grows meanwhile. Every refusal is a
 * `FileReadError` whose message is one clear line naming the file. Node-only: the core gets the
 * text through a `readFile` callback.
 */
import { closeSync, constants, fstatSync, openSync, readSync, promises as fsp, type Stats } from 'fs';
import { shownText } from '../../core/data/shown-text';
import { FILE_LIMITS, KIND_NAMES, limitText, megabytes, type FileKind } from './file-limits';

/** Why a file was not read; `code` is `ENOENT` for a missing file (as Node's errors), else NN Lab's own. */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code: 'ENOENT' | 'not-regular' | 'too-big' | 'denied' | 'loop' | 'outside' | 'unreadable',
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** How a file is named in messages: as the user wrote it, escaped and cut short. */
export function shownPath(file: string): string {
  return shownText(file, 120);
}

/** The error for a failed open (or realpath) of `shown`. */
export function openError(e: unknown, shown: string): FileReadError {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileReadError(`file not found: ${shown}`, 'ENOENT');
    case 'EACCES':
    case 'EPERM':
      return new FileReadError(`cannot read ${shown}: permission denied`, 'denied');
    case 'ELOOP':
      return new FileReadError(`cannot read ${shown}: a loop of symbolic links`, 'loop');
    case 'ENXIO':
      return new FileReadError(`cannot read ${shown}: it is a socket or a device without a reader, not a regular file`, 'not-regular');
    case 'EISDIR':
      return new FileReadError(`cannot read ${shown}: it is a folder, not a file`, 'not-regular');
    case 'ENAMETOOLONG':
      return new FileReadError(`cannot read ${shown}: the path is too long`, 'unreadable');
    default:
      return new FileReadError(`cannot read ${shown}: ${code ?? (e instanceof Error ? e.message : String(e))}`, 'unreadable');
  }
}

/** A Node error (with an errno `code`) as a `FileReadError`; other errors (ours, the caller's) as they are. */
function asReadError(e: unknown, shown: string): unknown {
  return e instanceof FileReadError || typeof (e as { code?: unknown }).code !== 'string' ? e : openError(e, shown);
}

/** What a non-regular file is, in words. */
function typeOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a plain file';
}

/** Throws unless `stat` is a regular file within the limit of `kind`. */
export function checkStat(stat: Stats, kind: FileKind, shown: string): void {
  if (stat.isDirectory()) throw new FileReadError(`cannot read ${shown}: it is a folder, not a file`, 'not-regular');
  if (!stat.isFile()) throw new FileReadError(`cannot read ${shown}: it is ${typeOf(stat)}, not a regular file`, 'not-regular');
  if (stat.size > FILE_LIMITS[kind]) throw tooBig(shown, kind, stat.size);
}

function tooBig(shown: string, kind: FileKind, bytes: number, grew = false): FileReadError {
  if (grew) return new FileReadError(`cannot read ${shown}: it grew past the ${limitText(kind)} limit for ${KIND_NAMES[kind]} while being read`, 'too-big');
  return new FileReadError(`cannot read ${shown}: it is ${megabytes(bytes)}, more than the ${limitText(kind)} limit for ${KIND_NAMES[kind]}`, 'too-big');
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const decoder = new TextDecoder('utf-8');

/** Reads `file` (a path, symlinks followed) as UTF-8 text, synchronously; `shown` names it in messages. */
export function readTextFileSync(file: string, kind: FileKind, shown = shownPath(file)): string {
  return decoder.decode(readBytesSync(file, kind, shown));
}

/**
 * Reads `file` as bytes, synchronously: regular files only (opened without blocking, checked with fstat), never
 * more than the limit of `kind` even if the file grows while it is read; `shown` names it in messages.
 */
export function readBytesSync(file: string, kind: FileKind, shown = shownPath(file)): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, shown);
  }
  try {
    const stat = fstatSync(fd);
    checkStat(stat, kind, shown);
    const limit = FILE_LIMITS[kind];
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(limit, stat.size) + 1);
    let used = 0;
    for (;;) {
      if (used === buffer.length) buffer = grow(buffer, used, limit, kind, shown);
      const n = readSync(fd, buffer, used, buffer.length - used, null);
      if (n === 0) break;
      used += n;
      if (used > limit) throw tooBig(shown, kind, used, true);
    }
    return buffer.subarray(0, used);
  } catch (e) {
    throw asReadError(e, shown);
  } finally {
    closeSync(fd);
  }
}

/** A bigger buffer holding the `used` bytes read so far, for a file that grew since fstat (never past limit + 1). */
function grow(buffer: Buffer, used: number, limit: number, kind: FileKind, shown: string): Buffer {
  if (used > limit) throw tooBig(shown, kind, used, true);
  const more = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(64 * 1024, buffer.length * 2)));
  buffer.copy(more, 0, 0, used);
  return more;
}

/** The size and modification time of an opened regular file, for caches. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

/**
 * Reads `file` as UTF-8 text without blocking the event loop. `unchanged`, when given, is asked
 * with the open file's size and time first: if it returns a text, that is returned without reading
 * (and what it throws is thrown, e.g. a cache's own size limit).
 */
export async function readTextFile(
  file: string,
  kind: FileKind,
  shown = shownPath(file),
  unchanged?: (v: FileVersion) => string | undefined,
): Promise<{ text: string; version: FileVersion }> {
  let cachedText: string | undefined;
  const { bytes, version } = await readBytesFile(file, kind, shown, {
    unchanged:
      unchanged &&
      ((v) => {
        cachedText = unchanged(v);
        return cachedText === undefined ? undefined : new Uint8Array(0);
      }),
  });
  return { text: cachedText ?? decoder.decode(bytes), version };
}

/**
 * Reads `file` as bytes without blocking the event loop: regular files only, never past the limit of
 * `kind`. `prefix` reads only the first bytes (whatever the file's size: an IDX header); `unchanged` is
 * asked with the open file's size and time first, and what it returns is returned without reading.
 */
export async function readBytesFile(
  file: string,
  kind: FileKind,
  shown = shownPath(file),
  options: { prefix?: number; unchanged?: (v: FileVersion) => Uint8Array | undefined } = {},
): Promise<{ bytes: Uint8Array; version: FileVersion }> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, shown);
  }
  try {
    const stat = await handle.stat();
    checkStat(stat, kind, shown);
    const version = { size: stat.size, mtimeMs: stat.mtimeMs };
    const cached = options.unchanged?.(version);
    if (cached !== undefined) return { bytes: cached, version };
    if (options.prefix !== undefined) {
      const head = Buffer.allocUnsafe(options.prefix);
      let used = 0;
      while (used < head.length) {
        const { bytesRead } = await handle.read(head, used, head.length - used, null);
        if (bytesRead === 0) break;
        used += bytesRead;
      }
      return { bytes: head.subarray(0, used), version };
    }
    const limit = FILE_LIMITS[kind];
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(limit, stat.size) + 1);
    let used = 0;
    for (;;) {
      if (used === buffer.length) buffer = grow(buffer, used, limit, kind, shown);
      const { bytesRead } = await handle.read(buffer, used, buffer.length - used, null);
      if (bytesRead === 0) break;
      used += bytesRead;
      if (used > limit) throw tooBig(shown, kind, used, true);
    }
    return { bytes: buffer.subarray(0, used), version };
  } catch (e) {
    throw asReadError(e, shown);
  } finally {
    await handle.close();
  }
}
