/**
 * The panel's state as both ends keep it (`PanelModel`), and the texts the panel shows about it.
 */
import type { EpochReport } from '../../core/train/types';
import { EpochHistory } from './epoch-history';
import type { HostToWebview, PanelState, PastRun } from '../panel';

/** How many finished earlier runs a panel keeps for comparison. */
export const MAX_PAST_RUNS = 5;

/** The state of a panel whose run has not answered yet. */
export function initialPanelState(fileName: string): PanelState {
  return { fileName, hasValidation: false, phase: 'starting', problems: [], history: [], runs: [], activations: [] };
}

/**
 * The panel's state as a model both ends keep: the host (to replay everything when the webview reloads)
 * and the webview (to draw). `apply` changes it in place in time proportional to the message, never to the
 * history: the history is append-only (`EpochHistory`), the best loss is kept as it arrives, and only
 * `toState` (for a reset and for `setState`) builds a bounded, decimated copy.
 */
export class PanelModel {
  private meta: Omit<PanelState, 'history' | 'runs'>;
  private runsShown: PastRun[] = [];
  private hist = new EpochHistory();
  private best: number | undefined;
  /** Bumped whenever the history is replaced rather than extended (a reset): drawers rebuild then. */
  generation = 0;

  constructor(state: PanelState) {
    this.meta = initialPanelState(state.fileName);
    this.replace(state);
  }

  /** The append-only history of the current run. */
  get history(): EpochHistory {
    return this.hist;
  }

  /** The earlier runs shown faded (decimated histories). */
  get runs(): readonly PastRun[] {
    return this.runsShown;
  }

  /**
   * The state as the texts and header read it: the history is the live array (no copy), so read it, never keep it.
   */
  get view(): PanelState {
    return { ...this.meta, history: this.hist.reports as EpochReport[], runs: this.runsShown, bestLoss: this.best };
  }

  /** A bounded copy to send or persist: the history decimated (last epoch exact), past runs as they are. */
  toState(): PanelState {
    return {
      ...this.meta,
      problems: [...this.meta.problems],
      activations: [...this.meta.activations],
      history: this.hist.decimated(),
      runs: [...this.runsShown],
      bestLoss: this.best,
    };
  }

  /** Applies one host message in place. */
  apply(msg: HostToWebview): void {
    switch (msg.type) {
      case 'reset':
        this.replace(msg.state);
        break;
      case 'started':
        Object.assign(this.meta, {
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
          test: undefined,
          bestEpoch: undefined,
          stoppedEpoch: undefined,
          restoredEpoch: undefined,
        });
        break;
      case 'progress':
        this.hist.append(msg.reports);
        for (const r of msg.reports) if (Number.isFinite(r.loss) && (this.best === undefined || r.loss < this.best)) this.best = r.loss;
        break;
      case 'phase':
        this.meta.phase = msg.phase;
        this.meta.message = msg.message;
        if (msg.problems) this.meta.problems = msg.problems;
        if (msg.test) this.meta.test = msg.test;
        for (const k of ['bestEpoch', 'stoppedEpoch', 'restoredEpoch'] as const) if (msg[k] !== undefined) this.meta[k] = msg[k];
        break;
      case 'snapshot':
        this.meta.snapshot = msg.snapshot;
        break;
      case 'runs':
        this.runsShown = msg.runs.slice(-MAX_PAST_RUNS);
        break;
      default: {
        const unknown: never = msg;
        throw new Error(`Unknown panel message ${JSON.stringify(unknown)}`);
      }
    }
  }

  private replace(state: PanelState): void {
    const { history, runs, bestLoss, ...meta } = state;
    this.meta = { ...meta, problems: [...(meta.problems ?? [])], activations: [...(meta.activations ?? [])] };
    this.runsShown = [...(runs ?? [])].slice(-MAX_PAST_RUNS);
    this.hist = EpochHistory.of(history);
    this.best = bestLoss;
    for (const r of history) if (Number.isFinite(r.loss) && (this.best === undefined || r.loss < this.best)) this.best = r.loss;
    this.generation++;
  }
}

/**
 * The pure form of `PanelModel.apply`: the state after `msg`, leaving `state` untouched. It copies the history
 * (O(history)), so it is for one-off use and tests; the live panel ends keep a `PanelModel`.
 */
export function applyToPanelState(state: PanelState, msg: HostToWebview): PanelState {
  const model = new PanelModel(state);
  model.apply(msg);
  return model.toState();
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
 * `Epoch 120 / 300 · loss 0.05230 · validation loss 0.06110`, `Completed 300 epochs · final loss 0.01230` or, when
 * early stopping ended the run, `Stopped early at epoch 11, restored epoch 9 · final loss 0.2296 · validation loss 0.2688`
 * (the restored epoch's losses).
 */
export function statusLine(state: PanelState): string {
  const last: EpochReport | undefined = state.history[state.history.length - 1];
  // Early stopping restored an earlier epoch's weights: the losses that count at the end are that epoch's.
  const restored = state.restoredEpoch !== undefined && state.restoredEpoch !== last?.epoch ? state.restoredEpoch : undefined;
  const ended = restored !== undefined ? (state.history.find((r) => r.epoch === restored) ?? last) : last;
  const lossesOf = (r: EpochReport | undefined): string =>
    r ? `loss ${formatLoss(r.loss)}` + (r.valLoss !== undefined ? ` · validation loss ${formatLoss(r.valLoss)}` : '') : '';
  const losses = lossesOf(state.phase === 'running' ? last : ended);
  const restoredText = restored !== undefined ? `, restored epoch ${restored}` : '';
  switch (state.phase) {
    case 'starting':
      return `Starting ${state.fileName}…`;
    case 'running':
      return last ? `Epoch ${last.epoch} / ${last.epochs} · ${losses}` : `Training ${state.modelName ?? state.fileName}…`;
    case 'completed':
      if (state.stoppedEpoch !== undefined) return `Stopped early at epoch ${state.stoppedEpoch}${restoredText} · final ${losses}`;
      return `Completed ${last?.epoch ?? 0} epochs${restoredText} · final ${losses}`;
    case 'cancelled':
      return `Stopped at epoch ${last?.epoch ?? 0}${restoredText}` + (last ? ` · ${losses}` : '');
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
