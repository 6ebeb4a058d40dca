/**
 * The panel's state as a pure reducer over host → webview messages. The host keeps one copy
 * (to resend everything when the webview reloads) and the webview keeps its own (to render).
 */
import type { EpochReport } from '../core/train/types';
import type { HostToWebview, PanelState } from './protocol';

/** How many finished earlier runs a panel keeps for comparison. */
export const MAX_PAST_RUNS = 5;

/** The state of a panel whose run has not answered yet. */
export function initialPanelState(fileName: string): PanelState {
  return { fileName, hasValidation: false, phase: 'starting', problems: [], history: [], runs: [], activations: [] };
}

/** Returns the state after `msg`; never mutates `state`. */
export function applyToPanelState(state: PanelState, msg: HostToWebview): PanelState {
  switch (msg.type) {
    case 'reset':
      return {
        ...msg.state,
        problems: [...msg.state.problems],
        history: [...msg.state.history],
        runs: [...(msg.state.runs ?? [])].slice(-MAX_PAST_RUNS),
        activations: [...(msg.state.activations ?? [])],
      };
    case 'started':
      return {
        ...state,
        modelName: msg.modelName,
        epochs: msg.epochs,
        hasValidation: msg.hasValidation,
        activations: [...msg.activations],
        task: msg.task,
        startedAt: msg.startedAt,
        runLabel: msg.runLabel,
        phase: 'running',
        message: undefined,
        problems: [],
      };
    case 'progress':
      return { ...state, history: [...state.history, ...msg.reports] };
    case 'phase':
      return { ...state, phase: msg.phase, message: msg.message, problems: msg.problems ?? state.problems };
    case 'snapshot':
      return { ...state, snapshot: msg.snapshot };
    case 'runs':
      return { ...state, runs: msg.runs.slice(-MAX_PAST_RUNS) };
    default: {
      const unknown: never = msg;
      throw new Error(`Unknown panel message ${JSON.stringify(unknown)}`);
    }
  }
}

/** True when the run can no longer change (nothing more will arrive). */
export function isFinalPhase(phase: PanelState['phase']): boolean {
  return phase !== 'starting' && phase !== 'running';
}

/** Formats a loss for people: 4 significant digits, exponent form for tiny or huge values. */
export function formatLoss(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? x.toExponential(3) : x.toPrecision(4);
}

/**
 * The one-line status the panel announces (role="status"), e.g.
 * `Epoch 120 / 300 · loss 0.05230 · validation loss 0.06110` or `Completed 300 epochs · final loss 0.01230`.
 */
export function statusLine(state: PanelState): string {
  const last: EpochReport | undefined = state.history[state.history.length - 1];
  const losses = last
    ? `loss ${formatLoss(last.loss)}` + (last.valLoss !== undefined ? ` · validation loss ${formatLoss(last.valLoss)}` : '')
    : '';
  switch (state.phase) {
    case 'starting':
      return `Starting ${state.fileName}…`;
    case 'running':
      return last ? `Epoch ${last.epoch} / ${last.epochs} · ${losses}` : `Training ${state.modelName ?? state.fileName}…`;
    case 'completed':
      return `Completed ${last?.epoch ?? 0} epochs · final ${losses}`;
    case 'cancelled':
      return `Stopped at epoch ${last?.epoch ?? 0}` + (last ? ` · ${losses}` : '');
    case 'diverged':
      return `Diverged: ${state.message ?? 'the loss is no longer finite'}`;
    case 'invalid':
      return `Cannot train: ${state.problems.filter((p) => p.severity === 'error').length} problem(s) in ${state.fileName}`;
    case 'crashed':
      return `Training failed: ${state.message ?? 'unknown error'}`;
    default: {
      const unknown: never = state.phase;
      throw new Error(`Unknown phase ${String(unknown)}`);
    }
  }
}

/** A sentence describing the loss curve for screen readers, e.g. `Training loss fell from 0.6931 at epoch 1 to 0.01230 at epoch 300.` */
export function lossSummary(history: readonly EpochReport[]): string {
  if (history.length === 0) return 'No epochs yet.';
  const first = history[0];
  const last = history[history.length - 1];
  const verb = last.loss < first.loss ? 'fell' : last.loss > first.loss ? 'rose' : 'stayed';
  return `Training loss ${verb} from ${formatLoss(first.loss)} at epoch ${first.epoch} to ${formatLoss(last.loss)} at epoch ${last.epoch}.`;
}
