/**
 * Messages between the extension host and the optimizer comparison webview (`dist/compare.js`).
 * One discriminated union per direction; messages from the webview are validated with
 * `parseCompareMessage` before the host uses them.
 */

/** Where one optimizer's run is. */
export type CompareStatus = 'queued' | 'running' | 'completed' | 'diverged' | 'cancelled' | 'failed';

/** One optimizer of a comparison and how far its run got. */
export interface CompareSeries {
  optimizer: string;
  /** Hyper-parameters used, e.g. "alpha 0.02" or "defaults". */
  settings: string;
  status: CompareStatus;
  /** Loss of the initial weights on all samples (epoch 0): the same for every optimizer. */
  initialLoss?: number;
  /** Training loss per finished epoch (index 0 is epoch 1), or a decimated selection of them (see `lossEpochs`). */
  losses: number[];
  /** When `losses` was decimated (a saved state): the epoch of each kept loss, the last one exact. */
  lossEpochs?: number[];
  /** Epochs finished, when `losses` does not hold them all. */
  epochsDone?: number;
  /** Why the run stopped early or failed. */
  message?: string;
}

/** The whole comparison, as the panel shows it. */
export interface CompareState {
  /** Config file name, e.g. "xor.nn.json". */
  file: string;
  epochs: number;
  seed: number;
  series: CompareSeries[];
  /** True once every run has ended. */
  done: boolean;
}

/** Host → webview: start over with this state (a new comparison, or replay after the panel was hidden). */
export interface CompareResetMessage {
  type: 'reset';
  state: CompareState;
}

/** Host → webview: one optimizer's run changed (status, new epochs). `losses` holds only the new epochs. */
export interface CompareUpdateMessage {
  type: 'update';
  optimizer: string;
  status: CompareStatus;
  initialLoss?: number;
  losses: number[];
  message?: string;
}

/** Host → webview: every run has ended. */
export interface CompareDoneMessage {
  type: 'done';
  cancelled: boolean;
}

/** Everything the host sends to the comparison panel. */
export type HostToCompare = CompareResetMessage | CompareUpdateMessage | CompareDoneMessage;

/** The type tags of `HostToCompare`, for the page's check of what arrives. */
export const HOST_TO_COMPARE_TYPES: readonly HostToCompare['type'][] = ['reset', 'update', 'done'];

/** Most losses per series a saved comparison keeps (the rest is decimated, keeping the extremes and the last epoch). */
export const MAX_SAVED_LOSSES = 2000;

/** Epochs finished by a series (all of them, even when its losses were decimated). */
export function epochsOf(s: CompareSeries): number {
  return s.epochsDone ?? s.losses.length;
}

/**
 * A bounded copy of a comparison for `setState`: each long series keeps, per bucket of epochs, its smallest and
 * largest loss, and its last epoch exactly, with the epoch of every kept loss in `lossEpochs`.
 */
export function boundCompareState(state: CompareState, maxLosses = MAX_SAVED_LOSSES): CompareState {
  const series = state.series.map((s) => {
    if (s.losses.length <= maxLosses || s.lossEpochs) return s;
    const width = Math.ceil((2 * s.losses.length) / maxLosses);
    const keep = new Set<number>([0, s.losses.length - 1]);
    for (let from = 0; from < s.losses.length; from += width) {
      let lo = -1,
        hi = -1;
      for (let i = from; i < Math.min(from + width, s.losses.length); i++) {
        const v = s.losses[i];
        if (!Number.isFinite(v)) continue;
        if (lo < 0 || v < s.losses[lo]) lo = i;
        if (hi < 0 || v > s.losses[hi]) hi = i;
      }
      if (lo >= 0) keep.add(lo);
      if (hi >= 0) keep.add(hi);
    }
    const idx = [...keep].sort((a, b) => a - b);
    return { ...s, losses: idx.map((i) => s.losses[i]), lossEpochs: idx.map((i) => i + 1), epochsDone: s.losses.length };
  });
  return { ...state, series };
}

/** Reads a saved comparison back (after a window reload); undefined when it is not one. */
export function parseSavedCompare(raw: unknown): CompareState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const v = raw as Record<string, unknown>;
  if (typeof v.file !== 'string' || typeof v.epochs !== 'number' || typeof v.seed !== 'number' || !Array.isArray(v.series)) return undefined;
  const statuses: readonly CompareStatus[] = ['queued', 'running', 'completed', 'diverged', 'cancelled', 'failed'];
  const series: CompareSeries[] = [];
  for (const item of v.series as unknown[]) {
    const s = item as Record<string, unknown> | null;
    if (!s || typeof s.optimizer !== 'string' || typeof s.settings !== 'string' || !statuses.includes(s.status as CompareStatus)) return undefined;
    if (!Array.isArray(s.losses) || s.losses.length > 10 * MAX_SAVED_LOSSES || !s.losses.every((x) => typeof x === 'number' || x === null)) return undefined;
    const losses = (s.losses as (number | null)[]).map((x) => (x === null ? NaN : x));
    const lossEpochs =
      Array.isArray(s.lossEpochs) && s.lossEpochs.length === losses.length && s.lossEpochs.every((x) => typeof x === 'number')
        ? (s.lossEpochs as number[])
        : undefined;
    // A run still going when the window reloaded was stopped by the reload.
    const status = s.status === 'running' || s.status === 'queued' ? 'cancelled' : (s.status as CompareStatus);
    series.push({
      optimizer: s.optimizer,
      settings: s.settings,
      status,
      losses,
      ...(lossEpochs ? { lossEpochs } : {}),
      ...(typeof s.epochsDone === 'number' ? { epochsDone: s.epochsDone } : {}),
      ...(typeof s.initialLoss === 'number' ? { initialLoss: s.initialLoss } : {}),
      ...(typeof s.message === 'string' ? { message: s.message.slice(0, 500) } : {}),
    });
  }
  return { file: v.file.slice(0, 200), epochs: v.epochs, seed: v.seed, series, done: true };
}

/** Webview → host: the page is up and wants the state. */
export interface CompareReadyMessage {
  type: 'ready';
}

/** Webview → host: the Stop button. */
export interface CompareStopMessage {
  type: 'stop';
}

/** Webview → host: what the chart shows now: epochs drawn per optimizer. */
export interface CompareDrawnMessage {
  type: 'drawn';
  series: { optimizer: string; points: number }[];
}

/** Everything the comparison panel sends to the host. */
export type CompareToHost = CompareReadyMessage | CompareStopMessage | CompareDrawnMessage;

/** The message if `raw` is a well-formed comparison → host message, else undefined. */
export function parseCompareMessage(raw: unknown): CompareToHost | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'drawn': {
      if (!Array.isArray(m.series)) return undefined;
      const series: { optimizer: string; points: number }[] = [];
      for (const s of m.series as unknown[]) {
        const e = s as Record<string, unknown> | null;
        if (!e || typeof e.optimizer !== 'string' || typeof e.points !== 'number' || !Number.isInteger(e.points) || e.points < 0) return undefined;
        series.push({ optimizer: e.optimizer, points: e.points });
      }
      return { type: 'drawn', series };
    }
    default:
      return undefined;
  }
}

/**
 * Applies an update to a state, in place (losses are appended, never copied, so the work per update is the
 * update's size), and returns it. Shared by host and webview.
 */
export function applyCompareUpdate(state: CompareState, message: CompareUpdateMessage): CompareState {
  const s = state.series.find((x) => x.optimizer === message.optimizer);
  if (!s) return state;
  s.status = message.status;
  if (message.initialLoss !== undefined) s.initialLoss = message.initialLoss;
  for (const loss of message.losses) s.losses.push(loss);
  if (message.message !== undefined) s.message = message.message;
  return state;
}
