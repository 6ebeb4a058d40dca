/**
 * Messages between the extension host and the training panel's webview.
 * One discriminated union per direction; receivers switch on `type` exhaustively, and everything
 * coming from the webview is validated with `parseWebviewMessage` before use (it is untrusted input).
 */
import type { EpochReport } from '../core/train/types';

/** Where a run is: before the worker answers, while training, or how it ended. */
export type RunPhase = 'starting' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'invalid' | 'crashed';

/** A problem of the config as the panel shows it. */
export interface ProblemView {
  /** Where in the file, e.g. `layers[1].activation`. */
  where: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Everything the panel needs to redraw itself from scratch. */
export interface PanelState {
  /** The config's file name, e.g. `xor.nn.json`. */
  fileName: string;
  /** The model's name, once the config is read. */
  modelName?: string;
  /** Planned epochs, once known. */
  epochs?: number;
  hasValidation: boolean;
  phase: RunPhase;
  /** Why the run ended (divergence advice, crash message, ...). */
  message?: string;
  problems: ProblemView[];
  history: EpochReport[];
}

/** Host → webview: replace everything shown (first load, reload, a new run). */
export interface ResetMessage {
  type: 'reset';
  state: PanelState;
}

/** Host → webview: the config is valid and training has begun. */
export interface StartedMessage {
  type: 'started';
  modelName: string;
  epochs: number;
  hasValidation: boolean;
}

/** Host → webview: epochs finished since the last message. */
export interface ProgressMessage {
  type: 'progress';
  reports: EpochReport[];
}

/** Host → webview: the run ended or could not start. */
export interface PhaseMessage {
  type: 'phase';
  phase: RunPhase;
  message?: string;
  problems?: ProblemView[];
}

/** Everything the host sends to the webview. */
export type HostToWebview = ResetMessage | StartedMessage | ProgressMessage | PhaseMessage;

/** Webview → host: the script has loaded; please send the state. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview → host: the person pressed Stop. */
export interface StopMessage {
  type: 'stop';
}

/** Webview → host: the chart now shows `points` epochs, the last being `epoch` (lets tests and logs see drawing happen). */
export interface RenderedMessage {
  type: 'rendered';
  points: number;
  epoch: number;
}

/** Everything the webview sends to the host. */
export type WebviewToHost = ReadyMessage | StopMessage | RenderedMessage;

/** True for a finite, non-negative integer. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Validates a message received from the webview; returns undefined for anything malformed
 * (unknown type, missing or wrongly typed fields). Extra fields are dropped.
 */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'rendered':
      return isCount(m.points) && isCount(m.epoch) ? { type: 'rendered', points: m.points, epoch: m.epoch } : undefined;
    default:
      return undefined;
  }
}
