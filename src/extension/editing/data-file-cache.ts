/**
 * Reads the data files configs refer to (CSV text, IDX bytes, IDX headers), cached by path and
 * modification time so a keystroke does not re-read them; files beyond a size limit are not read
 * (only their existence is checked, and for IDX files their first bytes).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'fs';
import * as path from 'path';

/** Files larger than this are not loaded for live checks (the trainer still reads them). */
export const MAX_CHECKED_FILE_BYTES = 4 * 1024 * 1024;

/** Thrown when a data file exists but is too big to check while typing. */
export class FileTooBigError extends Error {
  constructor(readonly file: string, readonly bytes: number) {
    super(`${file} is ${(bytes / 1048576).toFixed(1)} MB, too big to check while typing`);
    this.name = 'FileTooBigError';
  }
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  /** The text, the bytes, or (key suffixed with `#prefix`) the first bytes. */
  content: string | Uint8Array;
}

/** Bytes read from the start of an IDX file to learn its sizes (enough for a gzip header and first block). */
export const PREFIX_BYTES = 16 * 1024;

/** A path → text cache keyed on mtime and size. */
export class DataFileCache {
  private readonly files = new Map<string, CachedFile>();

  constructor(private readonly maxBytes = MAX_CHECKED_FILE_BYTES) {}

  /** The text of `relative` resolved against `dir`; throws ENOENT-like errors and `FileTooBigError`. */
  read(dir: string, relative: string): string {
    return this.cached(dir, relative, '', true, (file) => readFileSync(file, 'utf8')) as string;
  }

  /** The bytes of `relative` resolved against `dir`; throws like `read`. */
  readBytes(dir: string, relative: string): Uint8Array {
    return this.cached(dir, relative, '#bytes', true, (file) => readFileSync(file)) as Uint8Array;
  }

  /** The first PREFIX_BYTES bytes of `relative` (whatever its size); throws ENOENT-like errors. */
  readPrefix(dir: string, relative: string): Uint8Array {
    return this.cached(dir, relative, '#prefix', false, (file) => {
      const fd = openSync(file, 'r');
      try {
        const buffer = new Uint8Array(PREFIX_BYTES);
        return buffer.subarray(0, readSync(fd, buffer, 0, PREFIX_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    }) as Uint8Array;
  }

  private cached(dir: string, relative: string, kind: string, limited: boolean, load: (file: string) => string | Uint8Array): string | Uint8Array {
    const file = path.resolve(dir, relative);
    const stat = statSync(file);
    if (limited && stat.size > this.maxBytes) throw new FileTooBigError(file, stat.size);
    const key = file + kind;
    const cached = this.files.get(key);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.content;
    const content = load(file);
    this.files.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, content });
    return content;
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
  }
}
