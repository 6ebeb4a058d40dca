/**
 * Reads the CSV files configs refer to for the live check, without blocking the extension host:
 * asynchronous file access through the safe reader (regular files only, whatever the size a
 * FIFO or device claims), the data path policy, and a cache keyed on the opened file's size and
 * modification time so a keystroke does not re-read it. Files beyond a size limit are not read.
 */
import { shownText } from '../../core/data/shown-text';
import { allowedPath, type DataAccess } from '../files/path-policy';
import { readTextFile } from '../files/read-file';

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

  /**
   * The text of `relative` resolved against `dir`, within `access` (default: anywhere). Rejects with
   * a `FileReadError` (missing, not a regular file, outside the folder…) or a `FileTooBigError`.
   */
  async read(dir: string, relative: string, access: DataAccess = {}): Promise<string> {
    const shown = shownText(relative, 120);
    const file = await allowedPath(dir, relative, shown, access);
    const { text, version } = await readTextFile(file, 'data', shown, (v) => {
      if (v.size > this.maxBytes) throw new FileTooBigError(file, v.size);
      const cached = this.files.get(file);
      return cached && cached.mtimeMs === v.mtimeMs && cached.size === v.size ? cached.text : undefined;
    });
    this.files.set(file, { ...version, text });
    return text;
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
  }
}
