/**
 * One entry point from a resolved `data` block to a `Dataset`: generators, built-in sets,
 * CSV text and IDX bytes (read through the caller's `readFile` / `readBinaryFile`, the core never
 * touches files) and inline arrays.
 */
import type { Dataset } from './dataset';
import { quote, type JsonPath, type Problem } from '../problems';
import type { ResolvedDataConfig } from '../config/types';
import { generate } from './generators';
import { loadBuiltin } from './builtin';
import { idxToDataset } from './idx-dataset';
import { IdxError } from './idx';
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
  /** Returns a file's bytes (IDX data); throws when it is missing. Without it, IDX data cannot be loaded. */
  readBinaryFile?: (relativePath: string) => Uint8Array;
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
      return { data: loadBuiltin(spec.dataset, spec.normalize), problems: [] };
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
        return { problems: [notFound(csvPath, spec.csv, e)] };
      }
      return csvToDataset(text, spec, { file: baseName(spec.csv), path: csvPath, targetPath: [...path, 'target'], maxSamples: options.maxSamples });
    }
    case 'idx':
      return loadIdx(spec, options, path);
  }
}

/** The last part of a path, for messages. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The problem of a file that cannot be read (ENOENT: not found; anything else: its message). */
function notFound(path: JsonPath, file: string, e: unknown): Problem {
  // The reader's own sentences (not a regular file, too big, outside the folder…) are shown as they are;
  // a missing file keeps the short "not found" that the quick fixes key on.
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || code === 'ENOTDIR' || (code === undefined && /ENOENT/.test(message)))
    return { path, severity: 'error', code: 'file-not-found', message: `data file not found: ${shownText(file, 200)}` };
  return { path, severity: 'error', code: 'data-file', message: shownText(message.split('\n')[0], 400) };
}

/** Reads the two IDX files and builds the image set. */
function loadIdx(spec: Extract<ResolvedDataConfig, { kind: 'idx' }>, options: LoadDataOptions, path: JsonPath): { data?: Dataset; problems: Problem[] } {
  const at = (which: 'images' | 'labels'): JsonPath => [...path, 'idx', which];
  const read = options.readBinaryFile;
  if (!read) return { problems: [{ path: at('images'), severity: 'error', code: 'data', message: `cannot read "${spec.images}": no file access here` }] };
  let labels: Uint8Array, images: Uint8Array;
  try {
    labels = read(spec.labels);
  } catch (e) {
    return { problems: [notFound(at('labels'), spec.labels, e)] };
  }
  try {
    images = read(spec.images);
  } catch (e) {
    return { problems: [notFound(at('images'), spec.images, e)] };
  }
  const names = { images: baseName(spec.images), labels: baseName(spec.labels) };
  try {
    const data = idxToDataset(images, labels, { scale: spec.scale, classes: spec.classes, classNames: spec.classNames }, names, options.maxSamples);
    return { data, problems: [] };
  } catch (e) {
    if (!(e instanceof IdxError)) throw e;
    const which = e.file === names.labels && names.labels !== names.images ? 'labels' : 'images';
    return { problems: [{ path: at(which), severity: 'error', code: 'data', message: e.message }] };
  }
}
