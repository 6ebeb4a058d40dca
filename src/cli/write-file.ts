/**
 * Writing output files from the CLI atomically: the content goes to a temporary file in the
 * same folder, which is then renamed over the target, so a reader never sees half a file.
 */
import { renameSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { oneLine } from '../core/problems';

/** Writes `content` to `file` through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** The reason of a failed write, in one line (the file's name and the system's words escaped). */
export function writeError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const shown = oneLine(file);
  if (code === 'ENOENT') return `cannot write ${shown}: its folder does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot write ${shown}: permission denied`;
  if (code === 'EISDIR') return `cannot write ${shown}: it is a folder`;
  return `cannot write ${shown}: ${oneLine(e instanceof Error ? e.message : String(e))}`;
}
