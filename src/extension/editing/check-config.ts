/**
 * The live check of a config's text, with the same JSON front end and validator as the CLI and the
 * trainer, but cheap enough for every keystroke: generated and built-in data are sized without being
 * generated, CSV files are read asynchronously through a cache (too-big files are not loaded), and IDX
 * files are sized from their headers.
 */
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig } from '../../core/config/validate';
import { prepareRun } from '../../core/config/load';
import { oneLine, type Problem } from '../../core/problems';
import type { DataAccess } from '../files/path-policy';
import { DataFileCache, FileTooBigError } from './data-file-cache';
import { idxShapes } from './idx-check';

/**
 * What a check found. When the text is not strict JSON (`syntaxError`), `problems` holds the
 * first syntax error with its text span (`at`), as the CLI reports it; duplicate keys likewise.
 */
export interface ConfigCheck {
  problems: Problem[];
  syntaxError: boolean;
}

/**
 * Checks `text`; `dir` is where relative data files are resolved and `access` where they may come from.
 * Never throws; every message is one safe line. Data files are read asynchronously before the synchronous
 * check, so the extension host never waits on the disk (or on a FIFO) while the user types.
 */
export async function checkConfigText(text: string, dir: string, files: DataFileCache, access: DataAccess = {}): Promise<ConfigCheck> {
  const check = await checkUnsafe(text, dir, files, access);
  return { ...check, problems: check.problems.map((p) => ({ ...p, message: oneLine(p.message) })) };
}

async function checkUnsafe(text: string, dir: string, files: DataFileCache, access: DataAccess): Promise<ConfigCheck> {
  const parsed = parseConfigText(text);
  if (parsed.problems.length || parsed.value === undefined) return { problems: parsed.problems, syntaxError: parsed.syntaxError !== undefined };
  let checked = validateConfig(parsed.value);
  if (checked.data?.kind === 'idx' || checked.testData?.kind === 'idx') {
    const idx = await idxShapes(checked, dir, files, access);
    if (idx.problems.length) return { problems: [...checked.problems, ...idx.problems], syntaxError: false };
    checked = validateConfig(parsed.value, { dataShape: idx.dataShape, testDataShape: idx.testDataShape });
  }
  // Inline data is already in the text: load it as the CLI does, so a bad row is reported here too.
  if (checked.data?.kind === 'inline' && !checked.shapeChecked) return { problems: prepareRun(parsed.value).problems, syntaxError: false };
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
