/**
 * From the sweep runner's results to the panel's rows: a combination's repeats become one row with
 * mean metrics and a mean loss curve with its min–max band; the spec's parameters become axes.
 */
import type { SweepResult } from '../../core/sweep/sweep-results';
import type { SweepSpec } from '../../core/sweep/sweep-types';
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
