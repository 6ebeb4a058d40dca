/**
 * Inline data (`"inputs": [[…], …], "targets": [[…], …] or […]`) → `Dataset`, with every
 * bad entry reported at its own JSON path: rows of different lengths, non-numbers, NaN,
 * and input/target counts that disagree.
 */
import type { Dataset } from './dataset';
import type { JsonPath, Problem } from '../problems';
import { looksLikeClasses } from './targets';
import { standardize } from './normalize';

/** At most this many entry problems are listed per array; the rest are counted. */
export const MAX_ENTRY_PROBLEMS = 10;

/** Checks and packs inline arrays; `path` is the JSON path of the `data` block. */
export function inlineToDataset(
  inputs: unknown,
  targets: unknown,
  normalize: boolean,
  path: JsonPath,
  maxSamples: number,
): { data?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const x = readMatrix(inputs, [...path, 'inputs'], 'inputs', false, maxSamples, problems);
  const y = readMatrix(targets, [...path, 'targets'], 'targets', true, maxSamples, problems);
  if (!x || !y) return { problems };
  if (x.rows !== y.rows)
    problems.push({
      path: [...path, 'targets'],
      severity: 'error',
      code: 'data',
      message: `there are ${x.rows} input rows but ${y.rows} targets: give one target row per input row`,
    });
  if (problems.length) return { problems };
  if (normalize) standardize(x.values, x.rows, x.cols);
  const data: Dataset = {
    x: x.values,
    y: y.values,
    n: x.rows,
    inputs: x.cols,
    outputs: y.cols,
    task: looksLikeClasses(y.values, y.rows, y.cols) ? 'classification' : 'regression',
  };
  return { data, problems };
}

interface Matrix {
  values: Float64Array;
  rows: number;
  cols: number;
}

/** A rectangular array of finite numbers; `allowFlat` accepts one number per row. */
function readMatrix(value: unknown, path: JsonPath, what: string, allowFlat: boolean, maxRows: number, problems: Problem[]): Matrix | undefined {
  const start = problems.length;
  let hidden = 0;
  const add = (p: JsonPath, message: string): void => {
    if (problems.length - start < MAX_ENTRY_PROBLEMS) problems.push({ path: p, message, severity: 'error', code: 'data' });
    else hidden++;
  };
  if (!Array.isArray(value)) {
    add(path, `${what} must be an array of rows, e.g. [[0, 1], [1, 0]]`);
    return undefined;
  }
  if (value.length === 0) {
    add(path, `${what} is empty: give at least one row`);
    return undefined;
  }
  if (value.length > maxRows) {
    add(path, `${what} has ${value.length} rows, more than the limit of ${maxRows} samples`);
    return undefined;
  }
  const flat = allowFlat && !Array.isArray(value[0]);
  const cols = flat ? 1 : Array.isArray(value[0]) ? value[0].length : 0;
  if (!flat && cols === 0) {
    add([...path, 0], Array.isArray(value[0]) ? `${what}[0] is an empty row` : `${what}[0] must be an array of numbers`);
    return undefined;
  }
  const out = new Float64Array(value.length * cols);
  value.forEach((row: unknown, i) => {
    if (flat) {
      const problem = numberProblem(row);
      if (problem) add([...path, i], `${what}[${i}] ${problem}${Array.isArray(row) ? ' (do not mix rows and plain numbers)' : ''}`);
      else out[i] = row as number;
      return;
    }
    if (!Array.isArray(row)) {
      add([...path, i], `${what}[${i}] must be an array of ${cols} numbers`);
      return;
    }
    if (row.length !== cols) {
      add([...path, i], `${what}[${i}] has ${row.length} values but ${what}[0] has ${cols}: every row needs the same length`);
      return;
    }
    row.forEach((v: unknown, j) => {
      const problem = numberProblem(v);
      if (problem) add([...path, i, j], `${what}[${i}][${j}] ${problem}`);
      else out[i * cols + j] = v as number;
    });
  });
  if (hidden) problems.push({ path, message: `${what}: ${hidden} more problem${hidden === 1 ? '' : 's'} not listed`, severity: 'error', code: 'data' });
  return problems.length > start ? undefined : { values: out, rows: value.length, cols };
}

function numberProblem(v: unknown): string | undefined {
  if (typeof v !== 'number') return `must be a number, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`;
  if (!Number.isFinite(v)) return 'must be a finite number';
  return undefined;
}
