/**
 * Reading a description from disk for the CLI: the file's text and readers for the files
 * it names (CSV text, IDX bytes), resolved relative to the description's folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The description's text and readers for files next to it, or why the file cannot be read. */
export function readConfigFile(file: string): {
  text?: string; readFile: (relativePath: string) => string; readBinaryFile: (relativePath: string) => Uint8Array; error?: string;
} {
  const base = dirname(resolve(file));
  const readFile = (relativePath: string): string => readFileSync(resolve(base, relativePath), 'utf8');
  const readBinaryFile = (relativePath: string): Uint8Array => readFileSync(resolve(base, relativePath));
  try {
    return { text: readFileSync(file, 'utf8'), readFile, readBinaryFile };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const error = code === 'ENOENT' ? `file not found: ${file}` : code === 'EISDIR' ? `${file} is a folder, not a file` : `cannot read ${file}: ${(e as Error).message}`;
    return { readFile, readBinaryFile, error };
  }
}
