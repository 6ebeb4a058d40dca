/**
 * From the sweep runner's results to the panel's rows: a combination's repeats become one row with
 * mean metrics and a mean loss curve with its min–max band; the spec's parameters become axes.
 */
import type { SweepResult } from '../../core/sweep/sweep-results';
import { higherIsBetter, type SweepMetric, type SweepSpec } from '../../core/sweep/sweep-types';
import type { SweepAxisInfo, SweepRow } from '../sweep';

/** The axes of a spec: log for a log-scale range or listed positive numbers spanning more than a decade; lists keep their order. */
export function axisInfos(spec: SweepSpec): SweepAxisInfo[] {
  return spec.parameters.map((p): SweepAxisInfo => {
    if (p.kind === 'range') return { key: p.key, log: p.scale === 'log' };
    const numbers = p.values.filter((v): v is number => typeof v === 'number');
    const log = numbers.length === p.values.length && numbers.length > 1 && Math.min(...numbers) > 0 && Math.max(...numbers) / Math.min(...numbers) > 10;
    return { key: p.key, log, values: p.values };
  });
}

/** The mean curve of several (each point: (c₁ + … + c_n) / n over the curves long enough), with the smallest and largest at each point. */
export function meanCurve(curves: readonly (readonly number[])[]): { curve: number[]; low: number[]; high: number[] } | undefined {
  if (curves.length === 0) return undefined;
  const length = Math.min(...curves.map((c) => c.length));
  const curve: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (let i = 0; i < length; i++) {
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of curves) {
      sum += c[i];
      lo = Math.min(lo, c[i]);
      hi = Math.max(hi, c[i]);
    }
    curve.push(sum / curves.length);
    low.push(lo);
    high.push(hi);
  }
  return { curve, low, high };
}

/** The row of a finished (or invalid, or never run) combination. */
export function rowOfResult(result: SweepResult): SweepRow {
  const row: SweepRow = { index: result.index, parameters: result.parameters, status: result.status, metrics: result.metrics };
  if (result.message !== undefined) row.message = result.message;
  if (result.spread) row.spread = result.spread;
  if (result.runs.length > 0) row.epochs = result.runs[0].epochs;
  const curves = result.runs.filter((r) => r.curve && r.curve.length > 0 && r.status !== 'cancelled').map((r) => r.curve as number[]);
  const mean = meanCurve(curves);
  if (mean) {
    row.curve = mean.curve;
    if (curves.length > 1) {
      row.curveLow = mean.low;
      row.curveHigh = mean.high;
    }
  }
  return row;
}

/** Loss curves a sweep keeps: those of the best combinations so far (the panel overlays the best five). */
export const KEPT_CURVES = 10;

/**
 * Keeps the loss curves of the best `k` completed combinations only, so memory does not grow with
 * the sweep: a row that is not among the best when it arrives can never be later (the best only get
 * better), and a row pushed out drops its curve. Host and page run the same keeper on the same rows.
 */
export class CurveKeeper {
  /** Best first: index and metric of the rows whose curves are kept. */
  private readonly kept: { index: number; value: number }[] = [];

  constructor(
    private readonly metric: SweepMetric,
    private readonly k = KEPT_CURVES,
  ) {}

  /** The row to store (without its curve unless it is among the best) and the index of a row that must drop its curve, if any. */
  admit(row: SweepRow): { row: SweepRow; evicted?: number } {
    if (row.curve === undefined) return { row };
    const value = row.metrics[this.metric];
    const sign = higherIsBetter(this.metric) ? -1 : 1;
    const at = this.kept.findIndex((x) => x.index === row.index);
    if (at >= 0) this.kept.splice(at, 1);
    if (row.status !== 'completed' || value === undefined || !Number.isFinite(value)) return { row: withoutCurve(row) };
    const place = this.kept.findIndex((x) => sign * value < sign * x.value || (value === x.value && row.index < x.index));
    const position = place < 0 ? this.kept.length : place;
    if (position >= this.k) return { row: withoutCurve(row) };
    this.kept.splice(position, 0, { index: row.index, value });
    const evicted = this.kept.length > this.k ? this.kept.pop()?.index : undefined;
    return evicted === undefined ? { row } : { row, evicted };
  }
}

/** The row without its loss curve. */
export function withoutCurve(row: SweepRow): SweepRow {
  const { curve: _curve, curveLow: _low, curveHigh: _high, ...rest } = row;
  return rest;
}
