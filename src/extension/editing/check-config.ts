/**
 * The live check of a config's text, with the same validator as the CLI and the trainer, but cheap
 * enough for every keystroke: generated and built-in data are sized without being generated, and
 * CSV files come from a cache (too-big files are not loaded).
 */
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig } from '../../core/config/validate';
import { prepareRun } from '../../core/config/load';
import { oneLine, type Problem } from '../../core/problems';
import { DataFileCache, FileTooBigError } from './data-file-cache';

/**
 * What a check found. When the text is not strict JSON (`syntaxError`), `problems` holds the
 * first syntax error with its text span (`at`), as the CLI reports it; duplicate keys likewise.
 */
export interface ConfigCheck {
  problems: Problem[];
  syntaxError: boolean;
}

/** Checks `text`; `dir` is where relative data files are resolved. Never throws; every message is one safe line. */
export function checkConfigText(text: string, dir: string, files: DataFileCache): ConfigCheck {
  const check = checkUnsafe(text, dir, files);
  return { ...check, problems: check.problems.map((p) => ({ ...p, message: oneLine(p.message) })) };
}

function checkUnsafe(text: string, dir: string, files: DataFileCache): ConfigCheck {
  const parsed = parseConfigText(text);
  if (parsed.problems.length || parsed.value === undefined) return { problems: parsed.problems, syntaxError: parsed.syntaxError !== undefined };
  const checked = validateConfig(parsed.value);
  // Inline data is already in the text: load it as the CLI does, so a bad row is reported here too.
  if (checked.data?.kind === 'inline' && !checked.shapeChecked) return { problems: prepareRun(parsed.value).problems, syntaxError: false };
  if (checked.data?.kind !== 'csv' || checked.shapeChecked) return { problems: checked.problems, syntaxError: false };
  let tooBig: FileTooBigError | undefined;
  const prepared = prepareRun(parsed.value, {
    readFile: (relative) => {
      try {
        return files.read(dir, relative);
      } catch (e) {
        if (e instanceof FileTooBigError) tooBig = e;
        throw e;
      }
    },
  });
  if (tooBig) return { problems: checked.problems, syntaxError: false };
  return { problems: prepared.problems, syntaxError: false };
}
