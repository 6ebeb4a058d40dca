/**
 * Messages between the extension host and the sweep panel's page, and the state both keep: one row
 * per combination that has started or ended (its parameters, status, mean metrics over its repeats and
 * a short mean loss curve with its min–max band), never a model or a full history.
 */
import { SWEEP_METRICS, type SweepMetric, type SweepValue } from '../core/sweep/sweep-types';
import type { SweepMetrics, SweepRunStatus } from '../core/sweep/sweep-results';
import { isRecord } from './channel';

/** Where a combination is: waiting to run, running, or how it ended. */
export type SweepRowStatus = 'running' | SweepRunStatus;

/** The statuses a row can have, for the checks of what arrives and what was saved. */
export const SWEEP_ROW_STATUSES: readonly SweepRowStatus[] = ['running', 'completed', 'diverged', 'cancelled', 'invalid', 'failed'];

/** One swept parameter as the page draws it: an axis of the parallel-coordinates plot and a column of the table. */
export interface SweepAxisInfo {
  /** The key as written in the sweep block, e.g. `layers[0].units`. */
  key: string;
  /** Logarithmic axis (a log-scale range, or listed positive numbers spanning more than a decade). */
  log: boolean;
  /** The listed values, in the order written, when the parameter is a list (the ticks of a categorical axis). */
  values?: SweepValue[];
}

/** One combination of the sweep, as the table and the plots show it. */
export interface SweepRow {
  index: number;
  parameters: Record<string, SweepValue>;
  status: SweepRowStatus;
  /** Why it did not complete (invalid: the path and value at fault). */
  message?: string;
  /** Mean of each metric over the repeats that completed. */
  metrics: SweepMetrics;
  /** With repeats: [min, max] of each metric. */
  spread?: Partial<Record<SweepMetric, [number, number]>>;
  /** Epochs trained (the first repeat's). */
  epochs?: number;
  /** Mean training loss over the repeats, downsampled (index 0 is epoch 1; the last point is the last epoch). */
  curve?: number[];
  /** With repeats: the smallest and largest loss over them at each point of `curve`. */
  curveLow?: number[];
  curveHigh?: number[];
}

/** The whole sweep, as the panel shows it. */
export interface SweepState {
  /** The swept config's file name, e.g. `sweep.nn.json`. */
  file: string;
  /** The config's URI (string), to open or apply a run's configuration after a reload. */
  source: string;
  metric: SweepMetric;
  /** Seeds per combination. */
  repeats: number;
  parameters: SweepAxisInfo[];
  /** Rows of the combinations that started or ended, in the order they did. */
  rows: SweepRow[];
  /** Combinations ended (all repeats finished, invalid, or not run after a stop). */
  done: number;
  /** Combinations in the sweep. */
  total: number;
  /** True once every run has ended. */
  finished: boolean;
  cancelled: boolean;
}

/** Host → page: start over with this state. */
export interface SweepResetMessage {
  type: 'reset';
  state: SweepState;
}

/** Host → page: a combination started or ended (the whole row, replacing any earlier one of its index). */
export interface SweepRowMessage {
  type: 'row';
  row: SweepRow;
  done: number;
}

/** Host → page: every run has ended. */
export interface SweepFinishMessage {
  type: 'finish';
  cancelled: boolean;
}

/** Everything the host sends to the sweep panel. */
export type HostToSweep = SweepResetMessage | SweepRowMessage | SweepFinishMessage;

/** The type tags of `HostToSweep`, for the page's check of what arrives. */
export const HOST_TO_SWEEP_TYPES: readonly HostToSweep['type'][] = ['reset', 'row', 'finish'];

/** Page → host: the page is up and wants the state. */
export interface SweepReadyMessage {
  type: 'ready';
}

/** Page → host: the Stop button. */
export interface SweepStopMessage {
  type: 'stop';
}

/** Page → host: open a combination's resolved config in a new untitled editor, or write its values into the swept file. */
export interface SweepConfigMessage {
  type: 'open' | 'apply';
  index: number;
}

/** Page → host: save the results as CSV (the host writes them from its own state). */
export interface SweepExportMessage {
  type: 'exportCsv';
}

/** Everything the sweep panel sends to the host. */
export type SweepToHost = SweepReadyMessage | SweepStopMessage | SweepConfigMessage | SweepExportMessage;

/** The message if `raw` is a well-formed page → host message, else undefined. */
export function parseSweepMessage(raw: unknown): SweepToHost | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'stop':
    case 'exportCsv':
      return { type: raw.type };
    case 'open':
    case 'apply':
      return typeof raw.index === 'number' && Number.isInteger(raw.index) && raw.index >= 0 ? { type: raw.type, index: raw.index } : undefined;
    default:
      return undefined;
  }
}

/** Where each combination's row is in a rows array (kept beside the array, rebuilt when it does not match). */
const positions = new WeakMap<SweepRow[], Map<number, number>>();

/** The position of combination `index`'s row in `rows`, in constant time (undefined when it has none). */
function rowPosition(rows: SweepRow[], index: number): number | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    let at = positions.get(rows);
    if (!at || at.size !== rows.length || attempt > 0) {
      at = new Map(rows.map((r, i) => [r.index, i]));
      positions.set(rows, at);
    }
    const i = at.get(index);
    if (i === undefined) return undefined;
    if (rows[i]?.index === index) return i;
  }
  return undefined;
}

/** Puts `row` into `state` (replacing the row of the same index), in place; returns the state. Shared by host and page. */
export function applySweepRow(state: SweepState, row: SweepRow, done: number): SweepState {
  const i = rowPosition(state.rows, row.index);
  if (i !== undefined) state.rows[i] = row;
  else {
    state.rows.push(row);
    positions.get(state.rows)?.set(row.index, state.rows.length - 1);
  }
  state.done = done;
  return state;
}

/** Drops the loss curve of combination `index`'s row (it left the best runs), in place. */
export function dropSweepCurve(state: SweepState, index: number): void {
  const i = rowPosition(state.rows, index);
  const r = i === undefined ? undefined : state.rows[i];
  if (i !== undefined && r?.curve !== undefined) {
    const { curve: _curve, curveLow: _low, curveHigh: _high, ...rest } = r;
    state.rows[i] = rest;
  }
}

/** Rows whose loss curves a saved state keeps (the best ones); the others keep their metrics only. */
export const SAVED_CURVES = 20;

/** Most rows a saved state keeps (the first ones to have started; a bigger sweep is cut). */
export const MAX_SAVED_ROWS = 20_000;

/** Reads a saved sweep back (after a window reload); undefined when it is not one. Runs going at the reload count as stopped. */
export function parseSavedSweep(raw: unknown): SweepState | undefined {
  if (!isRecord(raw)) return undefined;
  const { file, source, metric, repeats, parameters, rows, done, total } = raw;
  if (typeof file !== 'string' || typeof source !== 'string' || !SWEEP_METRICS.includes(metric as SweepMetric) || typeof repeats !== 'number') return undefined;
  if (typeof done !== 'number' || typeof total !== 'number' || !Array.isArray(parameters) || !Array.isArray(rows) || rows.length > MAX_SAVED_ROWS)
    return undefined;
  const axes: SweepAxisInfo[] = [];
  for (const p of parameters as unknown[]) {
    if (!isRecord(p) || typeof p.key !== 'string' || typeof p.log !== 'boolean') return undefined;
    axes.push({ key: p.key, log: p.log, ...(Array.isArray(p.values) ? { values: p.values as SweepValue[] } : {}) });
  }
  const numbers = (v: unknown): number[] | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null) ? (v as (number | null)[]).map((x) => x ?? NaN) : undefined;
  const parsedRows: SweepRow[] = [];
  for (const r of rows as unknown[]) {
    if (!isRecord(r) || typeof r.index !== 'number' || !isRecord(r.parameters) || !isRecord(r.metrics)) return undefined;
    if (!SWEEP_ROW_STATUSES.includes(r.status as SweepRowStatus)) return undefined;
    const metrics: SweepMetrics = {};
    for (const [k, v] of Object.entries(r.metrics)) if (typeof v === 'number' && SWEEP_METRICS.includes(k as SweepMetric)) metrics[k as SweepMetric] = v;
    const curve = numbers(r.curve);
    const curveLow = numbers(r.curveLow);
    const curveHigh = numbers(r.curveHigh);
    parsedRows.push({
      index: r.index,
      parameters: r.parameters as Record<string, SweepValue>,
      status: r.status === 'running' ? 'cancelled' : (r.status as SweepRowStatus),
      metrics,
      ...(typeof r.message === 'string' ? { message: r.message.slice(0, 500) } : {}),
      ...(isRecord(r.spread) ? { spread: r.spread as SweepRow['spread'] } : {}),
      ...(typeof r.epochs === 'number' ? { epochs: r.epochs } : {}),
      ...(curve ? { curve } : {}),
      ...(curveLow ? { curveLow } : {}),
      ...(curveHigh ? { curveHigh } : {}),
    });
  }
  return {
    file: file.slice(0, 200),
    source,
    metric: metric as SweepMetric,
    repeats,
    parameters: axes,
    rows: parsedRows,
    done,
    total,
    finished: true,
    cancelled: raw.cancelled === true || !raw.finished,
  };
}
