/**
 * CSV text → `Dataset`: header detection, target columns by name or index (default: the
 * last column), text targets encoded as classes, and every bad cell reported as a `Problem`
 * naming the file, line and column. Never reads files itself and never throws on bad text.
 *
 * Rows are converted as they are parsed (see `scanCsv`): numbers go straight into typed arrays
 * sized once, and the limits of `csv-limits.ts` (rows, columns, values, text classes) stop the
 * parse at the first row past them. Text from the file appears in messages only escaped and cut
 * short (`shownText`).
 */
import type { Dataset } from './dataset';
import type { JsonPath, Problem } from '../problems';
import { didYouMean } from '../problems';
import { detectDelimiter, parseNumberCell, scanCsv, type CsvRow } from './csv-parse';
import { encodeClassIndices, looksLikeClasses, sortClassNames } from './targets';
import { standardize } from './normalize';
import { grouped, shownList, shownText } from './shown-text';
import { MAX_CSV_COLUMNS, MAX_CSV_VALUES, MAX_TEXT_CLASSES } from './csv-limits';

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

/** What the first record settles: column names, targets, features, and the arrays rows are read into. */
interface Layout {
  hasHeader: boolean;
  width: number;
  firstLine: number;
  names: string[];
  targets: number[];
  features: number[];
  /** Rows that fit in the arrays (the smallest of the row limit, the value limit and the file's line count). */
  capacity: number;
  x: Float64Array;
  /** Multi-column targets, or a single target's numbers (NaN where a cell is not a number). */
  y: Float64Array;
}

/** A single target column read as text: the class index of each row while there are few enough classes. */
interface TextTarget {
  classes: Map<string, number>;
  indices: Int32Array;
  tooMany: boolean;
  numericCells: number;
  /** Cells that are not numbers (reported if the column turns out numeric): line and raw text. */
  badCells: { row: CsvRow; j: number }[];
  badCount: number;
  emptyLines: number[];
  emptyCount: number;
}

/** Parses CSV text into a data set, or returns the problems that prevent it. */
export function csvToDataset(text: string, options: CsvOptions, ctx: CsvContext): { data?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = shownText(ctx.file);
  const err = (message: string, path = ctx.path, code = 'data'): void => void problems.push({ path, message, severity: 'error', code });
  let reported = 0;
  let hidden = 0;
  const cellProblem = (message: string): void => {
    if (reported < MAX_CELL_PROBLEMS) {
      err(message);
      reported++;
    } else hidden++;
  };
  let layout: Layout | undefined;
  let text1: TextTarget | undefined;
  let n = 0;
  let fatal = false;
  const lineCount = countLines(text);

  const onRow = (row: CsvRow): boolean => {
    if (!layout) {
      const hasHeader = options.header ?? !row.cells.every((c) => parseNumberCell(c) !== undefined);
      const width = row.cells.length;
      const names = hasHeader ? row.cells.map((c) => c.trim()) : Array.from({ length: width }, (_, j) => `column ${j}`);
      if (width < 2) {
        // Reported once the whole file is known to have rows (an empty or header-only file says so instead).
        layout = { hasHeader, width, firstLine: row.line, names, targets: [], features: [], capacity: 0, x: new Float64Array(0), y: new Float64Array(0) };
        if (!hasHeader) n++;
        return true;
      }
      const targets = resolveTargets(options.target, names, hasHeader, ctx, problems);
      if (!targets) {
        fatal = true;
        return false;
      }
      const features = names.map((_, j) => j).filter((j) => !targets.includes(j));
      const perRow = Math.max(features.length, targets.length, 1);
      const capacity = Math.max(0, Math.min(ctx.maxSamples, Math.floor(MAX_CSV_VALUES / perRow), lineCount));
      layout = {
        hasHeader,
        width,
        firstLine: row.line,
        names,
        targets,
        features,
        capacity,
        x: new Float64Array(capacity * features.length),
        y: new Float64Array(capacity * targets.length),
      };
      if (targets.length === 1)
        text1 = {
          classes: new Map(),
          indices: new Int32Array(capacity),
          tooMany: false,
          numericCells: 0,
          badCells: [],
          badCount: 0,
          emptyLines: [],
          emptyCount: 0,
        };
      if (hasHeader) return true;
    }
    const L = layout;
    if (L.width < 2) {
      n++;
      return true;
    }
    if (n >= L.capacity) {
      if (n >= ctx.maxSamples) err(`${file} line ${row.line}: more than ${grouped(ctx.maxSamples)} data rows, the limit of samples`, ctx.path, 'limit');
      else err(`${file} line ${row.line}: more than ${grouped(MAX_CSV_VALUES)} values (rows × columns), the limit for one data set`, ctx.path, 'limit');
      fatal = true;
      return false;
    }
    const i = n++;
    if (row.cells.length !== L.width) {
      cellProblem(`${file} line ${row.line}: expected ${L.width} columns (as in line ${L.firstLine}), found ${row.cells.length}`);
      return true;
    }
    const f = L.features.length;
    for (let k = 0; k < f; k++) {
      const j = L.features[k];
      const v = parseNumberCell(row.cells[j]);
      if (v === undefined) cellProblem(badCellMessage(file, row, j, L.names[j]));
      else L.x[i * f + k] = v;
    }
    if (text1) readTextTarget(text1, row, L.targets[0], L.y, i);
    else
      L.targets.forEach((j, k) => {
        const v = parseNumberCell(row.cells[j]);
        if (v === undefined) cellProblem(`${badCellMessage(file, row, j, L.names[j])} (text class names need a single target column)`);
        else L.y[i * L.targets.length + k] = v;
      });
    return true;
  };

  const syntax = scanCsv(text, onRow, detectDelimiter(text), MAX_CSV_COLUMNS);
  if (syntax) {
    const where = syntax.character !== undefined ? `, character ${syntax.character}` : syntax.column !== undefined ? `, column ${syntax.column}` : '';
    const code = /^more than .* columns/.test(syntax.message) ? 'limit' : 'data';
    return { problems: [{ path: ctx.path, severity: 'error', code, message: `${file} line ${syntax.line}${where}: ${syntax.message}` }] };
  }
  if (fatal) return { problems };
  if (!layout) {
    err(`${file} is empty: it needs at least one row of numbers`);
    return { problems };
  }
  if (n === 0) {
    err(`${file} has a header but no data rows`);
    return { problems };
  }
  if (layout.width < 2) {
    err(`${file} has ${layout.width} column: it needs at least one feature column and one target column`);
    return { problems };
  }
  const { names, targets, features, x } = layout;
  let y: { y: Float64Array; outputs: number; classNames?: string[] } | undefined;
  const ok = n; // rows read (ragged ones are already reported)
  if (text1 && text1.numericCells * 2 < ok) y = textClasses(text1, n, file, names[targets[0]], targets[0], ctx, cellProblem, err, (count) => (hidden += count));
  else if (text1) {
    for (const { row, j } of text1.badCells) cellProblem(badCellMessage(file, row, j, names[j]));
    hidden += Math.max(0, text1.badCount - text1.badCells.length);
    y = { y: n === layout.capacity ? layout.y : layout.y.slice(0, n), outputs: 1 };
  } else y = { y: n === layout.capacity ? layout.y : layout.y.slice(0, n * targets.length), outputs: targets.length };
  if (hidden > 0) err(`${file}: ${hidden} more problem${hidden === 1 ? '' : 's'} not listed`);
  if (problems.length || !y) return { problems };
  const xs = n === layout.capacity ? x : x.slice(0, n * features.length);
  if (options.normalize) standardize(xs, n, features.length);
  const data: Dataset = {
    x: xs,
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

/** An upper bound on the records of `text`: its line breaks plus one. */
function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  if (count === 1) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) count++;
  return count;
}

/** Records one row's single target cell: its number (NaN if none) and its class index while classes are few. */
function readTextTarget(t: TextTarget, row: CsvRow, j: number, y: Float64Array, i: number): void {
  const raw = row.cells[j];
  const v = parseNumberCell(raw);
  y[i] = v ?? NaN;
  if (v !== undefined) t.numericCells++;
  else {
    t.badCount++;
    if (t.badCells.length < MAX_CELL_PROBLEMS) t.badCells.push({ row, j });
  }
  const label = raw.trim();
  if (label === '') {
    t.emptyCount++;
    if (t.emptyLines.length < MAX_CELL_PROBLEMS) t.emptyLines.push(row.line);
    t.indices[i] = -1;
    return;
  }
  if (t.tooMany) return;
  let c = t.classes.get(label);
  if (c === undefined) {
    if (t.classes.size >= MAX_TEXT_CLASSES) {
      t.tooMany = true;
      t.classes.clear();
      return;
    }
    c = t.classes.size;
    t.classes.set(label, c);
  }
  t.indices[i] = c;
}

/** The class table of a text target column, or undefined after reporting why it cannot be built. */
function textClasses(
  t: TextTarget,
  n: number,
  file: string,
  name: string,
  j: number,
  ctx: CsvContext,
  cellProblem: (m: string) => void,
  err: (m: string, path?: JsonPath, code?: string) => void,
  unlisted: (count: number) => void,
): { y: Float64Array; outputs: number; classNames: string[] } | undefined {
  const column = shownText(name, 40);
  if (t.emptyCount) {
    for (const line of t.emptyLines) cellProblem(`${file} line ${line}, column ${j + 1} ("${column}"): empty target cell`);
    unlisted(t.emptyCount - t.emptyLines.length);
    return undefined;
  }
  if (t.tooMany) {
    err(
      `${file}: target column "${column}" has more than ${grouped(MAX_TEXT_CLASSES)} different values; a text target is read as class names, at most ${grouped(MAX_TEXT_CLASSES)} classes (for a numeric target, use numbers in every row)`,
      ctx.targetPath,
      'limit',
    );
    return undefined;
  }
  const found = [...t.classes.keys()];
  if (found.length < 2) {
    err(`${file}: target column "${column}" holds only one class ("${shownText(found[0] ?? '', 40)}"); at least two are needed`);
    return undefined;
  }
  const outputs = found.length <= 2 ? 1 : found.length;
  if (n * outputs > MAX_CSV_VALUES) {
    err(
      `${file}: ${grouped(n)} rows × ${grouped(found.length)} classes is more than ${grouped(MAX_CSV_VALUES)} target values, the limit for one data set`,
      ctx.targetPath,
      'limit',
    );
    return undefined;
  }
  // Sorted class names; each row's first-seen index mapped to its sorted index.
  const { classNames, remap } = sortClassNames(found);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = remap[t.indices[i]];
  return { ...encodeClassIndices(indices, classNames.length), classNames };
}

function badCellMessage(file: string, row: CsvRow, j: number, name: string): string {
  const raw = row.cells[j].trim();
  const shown = shownText(raw, 40);
  const what = raw === '' ? 'empty cell' : /^[+-]?(nan|inf(inity)?)$/i.test(raw) ? `"${shown}" is not a finite number` : `"${shown}" is not a number`;
  return `${file} line ${row.line}, column ${j + 1} ("${shownText(name, 40)}"): ${what}`;
}

/** Column indices of the target(s), or undefined after reporting why they cannot be found. */
function resolveTargets(target: CsvOptions['target'], names: string[], hasHeader: boolean, ctx: CsvContext, problems: Problem[]): number[] | undefined {
  const file = shownText(ctx.file);
  const list = target === undefined ? [names.length - 1] : Array.isArray(target) ? target : [target];
  const out: number[] = [];
  list.forEach((t, k) => {
    const path = Array.isArray(target) ? [...ctx.targetPath, k] : ctx.targetPath;
    if (typeof t === 'number') {
      if (Number.isInteger(t) && t >= 0 && t < names.length) out.push(t);
      else
        problems.push({ path, severity: 'error', code: 'range', message: `target column ${t} does not exist: ${file} has columns 0 to ${names.length - 1}` });
      return;
    }
    const j = names.indexOf(t);
    if (j >= 0) {
      out.push(j);
      return;
    }
    // Suggestions compare short names only (edit distance is quadratic in the lengths).
    const suggestion = hasHeader && t.length <= 100 ? didYouMean(t, names.filter((s) => s.length <= 100).slice(0, MAX_CSV_COLUMNS)) : undefined;
    const message = hasHeader
      ? `${file} has no column "${shownText(t, 40)}".${suggestion ? ` Did you mean "${shownText(suggestion, 40)}"?` : ''} Columns: ${shownList(names)}`
      : `${file} has no header row, so target "${shownText(t, 40)}" cannot be found by name: use a 0-based column index`;
    problems.push({ path, severity: 'error', code: 'unknown-name', suggestion, message });
  });
  if (out.length === 0 && problems.length === 0) problems.push({ path: ctx.targetPath, severity: 'error', message: 'target: name at least one column' });
  if (new Set(out).size === names.length && problems.length === 0)
    problems.push({ path: ctx.targetPath, severity: 'error', message: 'every column is a target: at least one feature column is needed' });
  return problems.length ? undefined : [...new Set(out)];
}
