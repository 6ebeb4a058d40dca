/**
 * One entry point from a resolved `data` block to a `Dataset`: generators, built-in sets,
 * CSV text (read through the caller's `readFile`, the core never touches files) and inline arrays.
 */
import type { Dataset } from './dataset';
import type { JsonPath, Problem } from '../problems';
import type { ResolvedDataConfig } from '../config/types';
import { generate } from './generators';
import { loadIris } from './iris';
import { csvToDataset } from './csv';
import { inlineToDataset } from './inline';
import { shownText } from './shown-text';

/** How data is loaded: the file reader for CSV paths (relative to the config file) and the size limit. */
export interface LoadDataOptions {
  /**
   * Returns a file's text; throws when it cannot (an error with `code: 'ENOENT'` when it is missing, any
   * other error's message is shown as it is). Without it, CSV data cannot be loaded.
   */
  readFile?: (relativePath: string) => string;
  /** Largest number of samples accepted. */
  maxSamples: number;
  /** JSON path of the `data` block (default `["data"]`). */
  path?: JsonPath;
}

/** Builds the data set, or returns the problems that prevent it (never throws). */
export function loadData(spec: ResolvedDataConfig, options: LoadDataOptions): { data?: Dataset; problems: Problem[] } {
  const path = options.path ?? ['data'];
  switch (spec.kind) {
    case 'generator':
      return { data: generate(spec.generator, spec), problems: [] };
    case 'builtin':
      return { data: loadIris(spec.normalize), problems: [] };
    case 'inline':
      return inlineToDataset(spec.inputs, spec.targets, spec.normalize, path, options.maxSamples);
    case 'csv': {
      const csvPath = [...path, 'csv'];
      if (!options.readFile)
        return { problems: [{ path: csvPath, severity: 'error', code: 'data', message: `cannot read "${spec.csv}": no file access here` }] };
      let text: string;
      try {
        text = options.readFile(spec.csv);
      } catch (e) {
        // The reader's own sentences (not a regular file, too big, outside the folder…) are shown as
        // they are; a missing file keeps the short "not found" that the quick fixes key on.
        const code = (e as { code?: unknown }).code;
        const message = e instanceof Error ? e.message : String(e);
        if (code === 'ENOENT' || code === 'ENOTDIR' || (code === undefined && /ENOENT/.test(message)))
          return { problems: [{ path: csvPath, severity: 'error', code: 'file-not-found', message: `data file not found: ${shownText(spec.csv, 200)}` }] };
        return { problems: [{ path: csvPath, severity: 'error', code: 'data-file', message: shownText(message.split('\n')[0], 400) }] };
      }
      const file = spec.csv.split(/[\\/]/).pop() ?? spec.csv;
      return csvToDataset(text, spec, { file, path: csvPath, targetPath: [...path, 'target'], maxSamples: options.maxSamples });
    }
  }
}
