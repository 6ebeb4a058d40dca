/**
 * The sweep panel's pure view logic, shared by the page and the tests: the metric columns, sorting
 * the table by any column, the axes of the parallel-coordinates plot (linear, logarithmic or
 * categorical) with the brushes that filter runs, the best rows, and the CSV export.
 */
import { higherIsBetter, SWEEP_METRICS, type SweepMetric, type SweepValue } from '../../core/sweep/sweep-types';
import { SAVED_CURVES, type SweepAxisInfo, type SweepRow, type SweepState } from '../sweep';
import { withoutCurve } from './sweep-rows';

/** A column the table can be sorted by: the combination's number, a parameter, a metric or the status. */
export type SweepColumn = { kind: 'index' } | { kind: 'status' } | { kind: 'param'; key: string } | { kind: 'metric'; metric: SweepMetric };

/** A sort order: a column and a direction. */
export interface SweepSort {
  column: SweepColumn;
  descending: boolean;
}

/** The metrics any row has, the sweep's own metric first. */
export function metricColumns(state: Pick<SweepState, 'metric' | 'rows'>): SweepMetric[] {
  const present = new Set<SweepMetric>([state.metric]);
  for (const r of state.rows) for (const m of Object.keys(r.metrics)) present.add(m as SweepMetric);
  return [state.metric, ...SWEEP_METRICS.filter((m) => m !== state.metric && present.has(m))];
}

/** The value of a row in a column (undefined when it has none). */
export function cellValue(row: SweepRow, column: SweepColumn): SweepValue | undefined {
  switch (column.kind) {
    case 'index':
      return row.index;
    case 'status':
      return row.status;
    case 'param':
      return row.parameters[column.key];
    case 'metric': {
      const v = row.metrics[column.metric];
      return v !== undefined && Number.isFinite(v) ? v : undefined;
    }
  }
}

/** Orders two values: numbers by size, anything else by its JSON text; numbers before text. */
function compareValues(a: SweepValue, b: SweepValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The rows sorted by `sort` (a copy); rows without a value in the column go last either way, ties by index. */
export function sortRows(rows: readonly SweepRow[], sort: SweepSort): SweepRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = cellValue(x, sort.column);
    const b = cellValue(y, sort.column);
    if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0) || x.index - y.index;
    return sign * compareValues(a, b) || x.index - y.index;
  });
}

/** The default order: by the sweep's metric, best first. */
export function defaultSort(metric: SweepMetric): SweepSort {
  return { column: { kind: 'metric', metric }, descending: higherIsBetter(metric) };
}

/** Completed rows with a finite value of `metric`, best first (ties by index); at most `count`. */
export function bestRows(rows: readonly SweepRow[], metric: SweepMetric, count = Infinity): SweepRow[] {
  const ok = rows.filter((r) => r.status === 'completed' && Number.isFinite(r.metrics[metric] ?? NaN));
  return sortRows(ok, defaultSort(metric)).slice(0, count);
}

/** One vertical axis of the parallel-coordinates plot: where a value sits, from 0 (bottom) to 1 (top). */
export interface SweepAxis {
  key: string;
  /** The axis' title: the parameter's key, or the metric's name. */
  label: string;
  kind: 'linear' | 'log' | 'category';
  /** The categories, bottom to top (a categorical axis). */
  categories: string[];
  min: number;
  max: number;
  /** A numeric axis of listed values: the values, ticked one by one (up to `MAX_VALUE_TICKS`). */
  listed?: number[];
}

/** Most listed values ticked on a numeric axis (more get the ends and the middle). */
export const MAX_VALUE_TICKS = 12;

/** The text a value is known by on a categorical axis. */
export function categoryOf(v: SweepValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The axis of parameter `info` over the values `rows` hold (numbers: linear or log; anything else: evenly spaced categories). */
export function parameterAxis(info: SweepAxisInfo, rows: readonly SweepRow[]): SweepAxis {
  const values: SweepValue[] = [...(info.values ?? []), ...rows.map((r) => r.parameters[info.key]).filter((v) => v !== undefined)];
  const axis = axisOver(info.key, info.key, values, info.log);
  const listed = info.values?.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (axis.kind !== 'category' && listed && listed.length === info.values?.length && listed.length <= MAX_VALUE_TICKS) axis.listed = [...new Set(listed)];
  return axis;
}

/** The axis of the metric over the rows that have it (logarithmic for a positive loss spanning more than a decade). */
export function metricAxis(metric: SweepMetric, rows: readonly SweepRow[]): SweepAxis {
  const values = rows.map((r) => r.metrics[metric]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const log = !higherIsBetter(metric) && values.length > 0 && Math.min(...values) > 0 && Math.max(...values) / Math.min(...values) > 10;
  return axisOver(`metric:${metric}`, metric, values, log);
}

function axisOver(key: string, label: string, values: readonly SweepValue[], log: boolean): SweepAxis {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length < values.length) {
    const categories: string[] = [];
    for (const v of values) if (!categories.includes(categoryOf(v))) categories.push(categoryOf(v));
    return { key, label, kind: 'category', categories, min: 0, max: Math.max(0, categories.length - 1) };
  }
  const useLog = log && numbers.length > 0 && numbers.every((x) => x > 0);
  let min = numbers.length ? Math.min(...numbers) : 0;
  let max = numbers.length ? Math.max(...numbers) : 1;
  if (useLog) {
    min = Math.log10(min);
    max = Math.log10(max);
  }
  return { key, label, kind: useLog ? 'log' : 'linear', categories: [], min, max };
}

/** Where `v` sits on `axis`, 0 at the bottom to 1 at the top (0.5 when the axis has one value); undefined when it has no place. */
export function axisPosition(axis: SweepAxis, v: SweepValue | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (axis.kind === 'category') {
    const i = axis.categories.indexOf(categoryOf(v));
    if (i < 0) return undefined;
    return axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1);
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || (axis.kind === 'log' && v <= 0)) return undefined;
  // Linear: (v − min) / (max − min); log: the same in log₁₀ v.
  const x = axis.kind === 'log' ? Math.log10(v) : v;
  return axis.max === axis.min ? 0.5 : (x - axis.min) / (axis.max - axis.min);
}

/** The value at position `p` (0–1) of a numeric axis (inverse of `axisPosition`). */
export function axisValue(axis: SweepAxis, p: number): number {
  const x = axis.min + p * (axis.max - axis.min);
  return axis.kind === 'log' ? 10 ** x : x;
}

/** Tick marks of an axis: every category, or the two ends and the middle of a numeric axis. */
export function axisTicks(axis: SweepAxis): { at: number; label: string }[] {
  if (axis.kind === 'category') return axis.categories.map((c, i) => ({ at: axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1), label: c }));
  if (axis.listed) return axis.listed.map((v) => ({ at: axisPosition(axis, v) ?? 0.5, label: formatNumber(v) }));
  if (axis.max === axis.min) return [{ at: 0.5, label: formatNumber(axisValue(axis, 0)) }];
  return [0, 0.5, 1].map((at) => ({ at, label: formatNumber(axisValue(axis, at)) }));
}

/** A number in a few significant digits (exponent form when tiny or huge). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** A brushed interval of an axis, in positions (0 bottom to 1 top, `lo ≤ hi`). */
export interface SweepBrush {
  key: string;
  lo: number;
  hi: number;
}

/** The value of a row on an axis: a parameter's value, or the metric for the metric axis. */
export function axisValueOf(row: SweepRow, axis: SweepAxis): SweepValue | undefined {
  if (axis.key.startsWith('metric:')) {
    const v = row.metrics[axis.key.slice('metric:'.length) as SweepMetric];
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  }
  return row.parameters[axis.key];
}

/** True when the row lies inside every brush (a row without a value on a brushed axis is filtered out). */
export function passesBrushes(row: SweepRow, axes: readonly SweepAxis[], brushes: readonly SweepBrush[]): boolean {
  for (const b of brushes) {
    const axis = axes.find((a) => a.key === b.key);
    if (!axis) continue;
    const p = axisPosition(axis, axisValueOf(row, axis));
    // A small tolerance so a brush drawn exactly over a category's tick keeps it.
    if (p === undefined || p < b.lo - 1e-9 || p > b.hi + 1e-9) return false;
  }
  return true;
}

/** Sets (or, for an empty interval, removes) the brush of `key`; returns the new list. */
export function setBrush(brushes: readonly SweepBrush[], key: string, a: number, b: number): SweepBrush[] {
  const rest = brushes.filter((x) => x.key !== key);
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(1, Math.max(a, b));
  return hi - lo < 1e-3 ? rest : [...rest, { key, lo, hi }];
}

/** One CSV cell: text quoted when it holds a comma, quote or line break (quotes doubled); numbers in full. */
function csvCell(v: SweepValue | undefined): string {
  if (v === undefined || v === null) return '';
  const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results as CSV: one row per combination in index order (index, each parameter, status, each metric, message). */
export function sweepCsv(state: Pick<SweepState, 'metric' | 'rows' | 'parameters'>): string {
  const metrics = metricColumns(state);
  const header = ['index', ...state.parameters.map((p) => p.key), 'status', ...metrics, 'message'];
  const rows = [...state.rows]
    .sort((a, b) => a.index - b.index)
    .map((r) =>
      [r.index, ...state.parameters.map((p) => r.parameters[p.key]), r.status, ...metrics.map((m) => r.metrics[m]), r.message].map(csvCell).join(','),
    );
  return [header.map(csvCell).join(','), ...rows].join('\n') + '\n';
}

/** A copy of the state for `setState`: the loss curves of the best `SAVED_CURVES` rows only (the rest keep their metrics). */
export function boundSweepState(state: SweepState, curves = SAVED_CURVES): SweepState {
  const keep = new Set(bestRows(state.rows, state.metric, curves).map((r) => r.index));
  const rows = state.rows.map((r) => (keep.has(r.index) || r.curve === undefined ? r : withoutCurve(r)));
  return { ...state, rows };
}
