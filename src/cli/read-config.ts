/**
 * Reading a description from disk for the CLI: the file's text and readers for the files it names (CSV
 * text, IDX bytes), resolved relative to the description's folder. All go through the safe reader (regular
 * files only, size limits) and data files (CSV, IDX, test data) must stay inside the current working folder or the
 * description's folder (after symlinks are resolved), as a workspace is to the editor, unless `--allow-outside` is given.
 */
import { dirname, resolve } from 'node:path';
import { binaryDataFileReader, dataFileReader } from '../node/files/data-reader';
import { oneLine } from '../core/problems';
import type { FileKind } from '../node/files/file-limits';
import { FileReadError, readTextFileSync, shownPath } from '../node/files/read-file';
import { isModelFileName } from '../core/config/file-names';

/** How to read: the kind of the file itself (its size limit) and whether data may come from outside the two folders. */
export interface ReadConfigOptions {
  kind?: FileKind;
  allowOutside?: boolean;
  /** The working folder that bounds data files besides the description's folder; default `process.cwd()`. */
  cwd?: string;
}

/** The kind of a file named on the command line: an exported `*.model.json` or a description. */
export function kindOfPath(file: string): FileKind {
  return isModelFileName(file) ? 'model' : 'config';
}

/** The description's text and readers for files next to it, or why the file cannot be read (one line). */
export function readConfigFile(
  file: string,
  options: ReadConfigOptions = {},
): {
  text?: string;
  readFile: (relativePath: string) => string;
  readBinaryFile: (relativePath: string) => Uint8Array;
  error?: string;
} {
  const base = dirname(resolve(file));
  const access = { root: base, workingDir: options.cwd ?? process.cwd(), allowOutside: options.allowOutside === true, scope: 'cli' as const };
  const readFile = dataFileReader(base, access);
  const readBinaryFile = binaryDataFileReader(base, access);
  try {
    return { text: readTextFileSync(file, options.kind ?? kindOfPath(file), shownPath(file)), readFile, readBinaryFile };
  } catch (e) {
    return {
      readFile,
      readBinaryFile,
      error: e instanceof FileReadError ? e.message : `cannot read ${shownPath(file)}: ${oneLine(e instanceof Error ? e.message : String(e))}`,
    };
  }
}
