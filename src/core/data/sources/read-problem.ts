/**
 * The problem of a data file that cannot be read, shared by the sources that read files and by the
 * editor's live check, so "file not found" reads the same wherever a path is.
 */
import { quote, type JsonPath, type Problem } from '../../problems';
import { shownText } from '../shown-text';

/** True when `e` says the file is missing (ENOENT / ENOTDIR, or a message naming ENOENT). */
export function isMissingFile(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  return code === 'ENOENT' || code === 'ENOTDIR' || (code === undefined && /ENOENT/.test(message));
}

/** The problem of a file that cannot be read (missing: "data file not found"; anything else: the reader's own sentence). */
export function readProblem(path: JsonPath, file: string, e: unknown): Problem {
  // The reader's own sentences (not a regular file, too big, outside the folder…) are shown as they are;
  // a missing file keeps the short "not found" that the quick fixes key on.
  if (isMissingFile(e)) return { path, severity: 'error', code: 'file-not-found', message: `data file not found: ${shownText(file, 200)}` };
  const message = e instanceof Error ? e.message : String(e);
  return { path, severity: 'error', code: 'data-file', message: shownText(message.split('\n')[0], 400) };
}

/** The problem of a block whose file cannot be read because the caller gave no file access. */
export function noAccessProblem(path: JsonPath, file: string): Problem {
  return { path, severity: 'error', code: 'data', message: `cannot read ${quote(file)}: no file access here` };
}
