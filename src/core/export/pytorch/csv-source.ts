/**
 * How the exported script reads a CSV data block: the choices NN Lab makes when it loads the
 * file (delimiter, header, target and feature columns, class names), resolved once here so the
 * script only has to apply them.
 */
import { detectDelimiter, parseCsvText, parseNumberCell } from '../../data/csv-parse';
import type { Dataset } from '../../data/dataset';
import type { ScriptData } from './data';

/** What the script form needs of a resolved CSV block (the CSV source's own `CsvSpec` has these). */
export interface CsvScriptSpec {
  target?: string | number | (string | number)[];
  header?: boolean;
  normalize: boolean;
}

/**
 * The script's CSV source for `spec` (already loaded by NN Lab into `data` from `text`);
 * `path` is where the script finds the file. Undefined when the text cannot be read as NN Lab read it.
 */
export function csvScriptSource(text: string, spec: CsvScriptSpec, data: Dataset, path: string): Extract<ScriptData, { kind: 'csv' }> | undefined {
  const delimiter = detectDelimiter(text);
  const rows = parseCsvText(text, delimiter).rows;
  if (rows.length === 0) return undefined;
  const header = spec.header ?? !rows[0].cells.every((c) => parseNumberCell(c) !== undefined);
  const names = rows[0].cells.map((c) => c.trim());
  const width = names.length;
  const wanted = spec.target === undefined ? [width - 1] : Array.isArray(spec.target) ? spec.target : [spec.target];
  const targets = [...new Set(wanted.map((t) => (typeof t === 'number' ? t : names.indexOf(t))))];
  if (targets.some((j) => j < 0 || j >= width)) return undefined;
  const features = names.map((_, j) => j).filter((j) => !targets.includes(j));
  const source: Extract<ScriptData, { kind: 'csv' }> = { kind: 'csv', path, delimiter, header, features, targets, normalize: spec.normalize };
  if (data.classNames) source.classNames = [...data.classNames];
  return source;
}
