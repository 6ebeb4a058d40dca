/**
 * The live check of a config's text, with the same validator as the CLI and the trainer, but cheap
 * enough for every keystroke: generated and built-in data are sized without being generated, CSV
 * files come from a cache (too-big files are not loaded), and IDX files are sized from their headers.
 */
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig } from '../../core/config/validate';
import { prepareRun } from '../../core/config/load';
import type { Problem } from '../../core/problems';
import { DataFileCache, FileTooBigError } from './data-file-cache';
import type { DataAccess } from '../files/path-policy';
import { idxShapes } from './idx-check';

/** What a check found: the problems, or that the text is not JSON (the JSON extension reports that). */
export interface ConfigCheck {
  problems: Problem[];
  syntaxError: boolean;
}

/**
 * Checks `text`; `dir` is where relative data files are resolved and `access` where they may come
 * from. Never throws. The data file (if any) is read asynchronously before the synchronous check,
 * so the extension host never waits on the disk (or on a FIFO) while the user types.
 */
export async function checkConfigText(text: string, dir: string, files: DataFileCache, access: DataAccess = {}): Promise<ConfigCheck> {
  const parsed = parseConfigText(stripComments(text));
  if (parsed.problems.length || parsed.value === undefined) return { problems: [], syntaxError: true };
  let checked = validateConfig(parsed.value);
  if (checked.data?.kind === 'idx' || checked.testData?.kind === 'idx') {
    const idx = await idxShapes(checked, dir, files, access);
    if (idx.problems.length) return { problems: [...checked.problems, ...idx.problems], syntaxError: false };
    checked = validateConfig(parsed.value, { dataShape: idx.dataShape, testDataShape: idx.testDataShape });
  }
  if (checked.data?.kind !== 'csv' || checked.shapeChecked) return { problems: checked.problems, syntaxError: false };
  const csv = checked.data.csv;
  let loaded: { text: string } | { error: unknown };
  try {
    loaded = { text: await files.read(dir, csv, access) };
  } catch (e) {
    if (e instanceof FileTooBigError) return { problems: checked.problems, syntaxError: false };
    loaded = { error: e };
  }
  const prepared = prepareRun(parsed.value, {
    readFile: (relative) => {
      if (relative !== csv) throw Object.assign(new Error(`file not found: ${relative}`), { code: 'ENOENT' });
      if ('error' in loaded) throw loaded.error;
      return loaded.text;
    },
  });
  return { problems: prepared.problems, syntaxError: false };
}

/** The text with `//` and block comments blanked out (same length), as a jsonc document may hold them. */
function stripComments(text: string): string {
  if (!text.includes('/')) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop - 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else out += ch;
  }
  return out;
}
