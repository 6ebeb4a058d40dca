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
  /** Training loss per finished epoch (index 0 is epoch 1). */
  losses: number[];
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

/** Applies an update to a state (a new state; the input is not changed). Shared by host and webview. */
export function applyCompareUpdate(state: CompareState, message: CompareUpdateMessage): CompareState {
  const series = state.series.map((s) => s.optimizer !== message.optimizer ? s : {
    ...s,
    status: message.status,
    initialLoss: message.initialLoss ?? s.initialLoss,
    losses: [...s.losses, ...message.losses],
    message: message.message ?? s.message,
  });
  return { ...state, series };
}
