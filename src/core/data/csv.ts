/**
 * CSV text → `Dataset`: header detection, target columns by name or index (default: the
 * last column), text targets encoded as classes, and every bad cell reported as a `Problem`
 * naming the file, line and column. Never reads files itself and never throws on bad text.
 */
import type { Dataset } from './dataset';
import type { JsonPath, Problem } from '../problems';
import { didYouMean } from '../problems';
import { parseCsvText, parseNumberCell, CsvRow } from './csv-parse';
import { encodeClassIndices, encodeClassNames, looksLikeClasses } from './targets';
import { standardize } from './normalize';

/** How to read a CSV file (the `data` block's CSV keys). */
export interface CsvOptions {
  /** Target column(s) by header name or 0-based index (default: the last column). */
  target?: string | number | (string | number)[];
  /** Whether the first record is a header (default: true when it is not all numbers). */
  header?: boolean;
  /** Standardise feature columns (default false). */
  normalize?: boolean;
}

/** Where problems point: the file name for messages, JSON paths of the `csv` and `target` keys. */
export interface CsvContext {
  file: string;
  path: JsonPath;
  targetPath: JsonPath;
  maxSamples: number;
}

/** At most this many cell problems are listed per file; the rest are counted. */
export const MAX_CELL_PROBLEMS = 10;

/** Parses CSV text into a data set, or returns the problems that prevent it. */
export function csvToDataset(text: string, options: CsvOptions, ctx: CsvContext): { data?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (message: string, path = ctx.path, code = 'data'): void => void problems.push({ path, message, severity: 'error', code });
  const parsed = parseCsvText(text);
  if (parsed.error) {
    err(`${ctx.file} line ${parsed.error.line}: ${parsed.error.message}`);
    return { problems };
  }
  let rows = parsed.rows;
  if (rows.length === 0) {
    err(`${ctx.file} is empty: it needs at least one row of numbers`);
    return { problems };
  }
  const hasHeader = options.header ?? !rows[0].cells.every((c) => parseNumberCell(c) !== undefined);
  const width = rows[0].cells.length;
  const names = hasHeader ? rows[0].cells.map((c) => c.trim()) : Array.from({ length: width }, (_, j) => `column ${j}`);
  if (hasHeader) rows = rows.slice(1);
  if (rows.length === 0) {
    err(`${ctx.file} has a header but no data rows`);
    return { problems };
  }
  if (rows.length > ctx.maxSamples) {
    err(`${ctx.file} has ${rows.length} rows, more than the limit of ${ctx.maxSamples} samples`, ctx.path, 'limit');
    return { problems };
  }
  if (width < 2) {
    err(`${ctx.file} has ${width} column: it needs at least one feature column and one target column`);
    return { problems };
  }
  const targets = resolveTargets(options.target, names, hasHeader, ctx, problems);
  if (!targets) return { problems };
  let reported = 0;
  let hidden = 0;
  const cellProblem = (message: string): void => {
    if (reported < MAX_CELL_PROBLEMS) {
      err(message);
      reported++;
    } else hidden++;
  };
  for (const row of rows)
    if (row.cells.length !== width)
      cellProblem(`${ctx.file} line ${row.line}: expected ${width} columns (as in line ${(hasHeader ? parsed.rows[0] : rows[0]).line}), found ${row.cells.length}`);
  const features = names.map((_, j) => j).filter((j) => !targets.includes(j));
  const n = rows.length;
  const x = new Float64Array(n * features.length);
  rows.forEach((row, i) => {
    if (row.cells.length !== width) return;
    features.forEach((j, k) => {
      const v = parseNumberCell(row.cells[j]);
      if (v === undefined) cellProblem(badCellMessage(ctx.file, row, j, names[j]));
      else x[i * features.length + k] = v;
    });
  });
  const y = readTargets(rows, targets, width, names, ctx.file, cellProblem);
  if (hidden > 0) err(`${ctx.file}: ${hidden} more problem${hidden === 1 ? '' : 's'} not listed`);
  if (problems.length || !y) return { problems };
  if (options.normalize) standardize(x, n, features.length);
  const data: Dataset = {
    x,
    y: y.y,
    n,
    inputs: features.length,
    outputs: y.outputs,
    task: y.classNames || looksLikeClasses(y.y, n, y.outputs) ? 'classification' : 'regression',
    featureNames: features.map((j) => names[j]),
  };
  if (y.classNames) data.classNames = y.classNames;
  return { data, problems };
}

function badCellMessage(file: string, row: CsvRow, j: number, name: string): string {
  const raw = row.cells[j].trim();
  const what = raw === '' ? 'empty cell' : /^[+-]?(nan|inf(inity)?)$/i.test(raw) ? `"${raw}" is not a finite number` : `"${raw}" is not a number`;
  return `${file} line ${row.line}, column ${j + 1} ("${name}"): ${what}`;
}

/** Column indices of the target(s), or undefined after reporting why they cannot be found. */
function resolveTargets(target: CsvOptions['target'], names: string[], hasHeader: boolean, ctx: CsvContext, problems: Problem[]): number[] | undefined {
  const list = target === undefined ? [names.length - 1] : Array.isArray(target) ? target : [target];
  const out: number[] = [];
  list.forEach((t, k) => {
    const path = Array.isArray(target) ? [...ctx.targetPath, k] : ctx.targetPath;
    if (typeof t === 'number') {
      if (Number.isInteger(t) && t >= 0 && t < names.length) out.push(t);
      else problems.push({ path, severity: 'error', code: 'range', message: `target column ${t} does not exist: ${ctx.file} has columns 0 to ${names.length - 1}` });
      return;
    }
    const j = names.indexOf(t);
    if (j >= 0) {
      out.push(j);
      return;
    }
    const suggestion = hasHeader ? didYouMean(t, names) : undefined;
    const message = hasHeader
      ? `${ctx.file} has no column "${t}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Columns: ${names.join(', ')}`
      : `${ctx.file} has no header row, so target "${t}" cannot be found by name: use a 0-based column index`;
    problems.push({ path, severity: 'error', code: 'unknown-name', suggestion, message });
  });
  if (out.length === 0 && problems.length === 0) problems.push({ path: ctx.targetPath, severity: 'error', message: 'target: name at least one column' });
  if (new Set(out).size === names.length && problems.length === 0)
    problems.push({ path: ctx.targetPath, severity: 'error', message: 'every column is a target: at least one feature column is needed' });
  return problems.length ? undefined : [...new Set(out)];
}

/** Target matrix: numbers as they are, or a single text column encoded as classes. */
function readTargets(rows: CsvRow[], targets: number[], width: number, names: string[], file: string, problem: (m: string) => void) {
  const ok = rows.filter((r) => r.cells.length === width);
  // A column is read as text class names when fewer than half of its cells are numbers
  // (so a numeric column with a stray "NaN" is reported, not turned into a class).
  const numericCells = ok.filter((r) => parseNumberCell(r.cells[targets[0]]) !== undefined).length;
  if (targets.length === 1 && numericCells * 2 < ok.length) {
    const j = targets[0];
    let missing = false;
    for (const r of ok)
      if (r.cells[j].trim() === '') {
        problem(`${file} line ${r.line}, column ${j + 1} ("${names[j]}"): empty target cell`);
        missing = true;
      }
    if (missing) return undefined;
    const { classNames, indices } = encodeClassNames(rows.map((r) => (r.cells[targets[0]] ?? '').trim()));
    if (classNames.length < 2) {
      problem(`${file}: target column "${names[j]}" holds only one class ("${classNames[0]}"); at least two are needed`);
      return undefined;
    }
    return { ...encodeClassIndices(indices, classNames.length), classNames };
  }
  const y = new Float64Array(rows.length * targets.length);
  rows.forEach((row, i) => {
    if (row.cells.length !== width) return;
    targets.forEach((j, k) => {
      const v = parseNumberCell(row.cells[j]);
      if (v === undefined) problem(`${badCellMessage(file, row, j, names[j])}${targets.length > 1 ? ' (text class names need a single target column)' : ''}`);
      else y[i * targets.length + k] = v;
    });
  });
  return { y, outputs: targets.length, classNames: undefined as string[] | undefined };
}
