/**
 * Reads the CSV files configs refer to, cached by path and modification time so a keystroke
 * does not re-read them; files beyond a size limit are not read (only their existence is checked).
 */
import { readFileSync, statSync } from 'fs';
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
  text: string;
}

/** A path → text cache keyed on mtime and size. */
export class DataFileCache {
  private readonly files = new Map<string, CachedFile>();

  constructor(private readonly maxBytes = MAX_CHECKED_FILE_BYTES) {}

  /** The text of `relative` resolved against `dir`; throws ENOENT-like errors and `FileTooBigError`. */
  read(dir: string, relative: string): string {
    const file = path.resolve(dir, relative);
    const stat = statSync(file);
    if (stat.size > this.maxBytes) throw new FileTooBigError(file, stat.size);
    const cached = this.files.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
    const text = readFileSync(file, 'utf8');
    this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, text });
    return text;
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
  }
}
