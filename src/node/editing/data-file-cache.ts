/**
 * Reads the data files configs refer to for the live check (CSV text, IDX headers), without blocking the extension host:
 * asynchronous file access through the safe reader (regular files only, whatever the size a
 * FIFO or device claims), the data path policy, and a cache keyed on the opened file's size and
 * modification time so a keystroke does not re-read it. CSV files beyond a size limit are not read; of an
 * IDX file only its first bytes are (its header gives its sizes).
 */
import { shownText } from '../../core/data/shown-text';
import { allowedPath, type DataAccess } from '../files/path-policy';
import { readBytesFile, readTextFile } from '../files/read-file';

/** Files larger than this are not loaded for live checks (the trainer still reads them). */
export const MAX_CHECKED_FILE_BYTES = 4 * 1024 * 1024;

/** Thrown when a data file exists but is too big to check while typing. */
export class FileTooBigError extends Error {
  constructor(
    readonly file: string,
    readonly bytes: number,
  ) {
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
      return cached && cached.mtimeMs === v.mtimeMs && cached.size === v.size && typeof cached.content === 'string' ? cached.content : undefined;
    });
    this.files.set(file, { ...version, content: text });
    return text;
  }

  /**
   * The first `PREFIX_BYTES` bytes of the IDX file `relative` (enough to learn its sizes from its header), read
   * asynchronously through the safe reader within `access`; rejects like `read`.
   */
  async readPrefix(dir: string, relative: string, access: DataAccess = {}): Promise<Uint8Array> {
    const shown = shownText(relative, 120);
    const file = await allowedPath(dir, relative, shown, access);
    const key = `${file}#prefix`;
    const { bytes, version } = await readBytesFile(file, 'idx', shown, {
      prefix: PREFIX_BYTES,
      unchanged: (v) => {
        const cached = this.files.get(key);
        return cached && cached.mtimeMs === v.mtimeMs && cached.size === v.size && typeof cached.content !== 'string' ? cached.content : undefined;
      },
    });
    this.files.set(key, { ...version, content: bytes });
    return bytes;
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
  }
}
