/**
 * One entry point from a resolved `data` block to a `Dataset`: generators, built-in sets,
 * CSV text (read through the caller's `readFile`, the core never touches files) and inline arrays.
 */
import type { Dataset } from './dataset';
import { quote, safeText, type JsonPath, type Problem } from '../problems';
import type { ResolvedDataConfig } from '../config/types';
import { generate } from './generators';
import { loadIris } from './iris';
import { csvToDataset } from './csv';
import { inlineToDataset } from './inline';

/** How data is loaded: the file reader for CSV paths (relative to the config file) and the size limit. */
export interface LoadDataOptions {
  /** Returns a file's text; throws when it is missing. Without it, CSV data cannot be loaded. */
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
        return { problems: [{ path: csvPath, severity: 'error', code: 'data', message: `cannot read ${quote(spec.csv)}: no file access here` }] };
      let text: string;
      try {
        text = options.readFile(spec.csv);
      } catch (e) {
        const reason = e instanceof Error && !/ENOENT/.test(e.message) ? ` (${e.message})` : '';
        return { problems: [{ path: csvPath, severity: 'error', code: 'file-not-found', message: `data file not found: ${safeText(spec.csv)}${safeText(reason)}` }] };
      }
      const file = spec.csv.split(/[\\/]/).pop() ?? spec.csv;
      return csvToDataset(text, spec, { file, path: csvPath, targetPath: [...path, 'target'], maxSamples: options.maxSamples });
    }
  }
}
