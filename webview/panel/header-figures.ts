/**
 * The header's figures as text (pure, so it is unit-tested): epoch n/N, throughput, elapsed time and
 * the best loss so far, or the final loss once the run has ended.
 */
import type { EpochReport } from '../../src/core/train/types';
import { formatLoss, isFinalPhase } from '../../src/protocol/view/panel-state';
import type { PanelState } from '../../src/protocol/panel';

/** Formats seconds as `12.3 s` or `4 min 05 s`. */
export function formatElapsed(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${String(Math.floor(seconds - 60 * m)).padStart(2, '0')} s`;
}

/** The header's figures for `state`, e.g. `Epoch 120 / 300 · 5,400 samples/s · 3.2 s · best loss 0.01230`. */
export function headerFigures(state: PanelState): string {
  const h = state.history;
  const last: EpochReport | undefined = h[h.length - 1];
  if (!last) return state.epochs ? `Epoch 0 / ${state.epochs}` : '';
  const parts = [`Epoch ${last.epoch} / ${last.epochs}`];
  if (Number.isFinite(last.samplesPerSecond)) parts.push(`${Math.round(last.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  parts.push(formatElapsed(last.elapsed));
  if (isFinalPhase(state.phase)) {
    // Early stopping: the model holds the restored epoch's weights, so its loss is the one that counts.
    const ended = state.restoredEpoch !== undefined ? (h.find((r) => r.epoch === state.restoredEpoch) ?? last) : last;
    if (state.stoppedEpoch !== undefined)
      parts.push(`stopped early at epoch ${state.stoppedEpoch}${state.restoredEpoch !== undefined ? `, restored epoch ${state.restoredEpoch}` : ''}`);
    else if (state.restoredEpoch !== undefined && state.restoredEpoch !== last.epoch) parts.push(`restored epoch ${state.restoredEpoch}`);
    parts.push(`final loss ${formatLoss(ended.loss)}`);
    const test = state.test ?? (last.testLoss !== undefined ? { loss: last.testLoss, accuracy: last.testAccuracy } : undefined);
    if (test) parts.push(`test loss ${formatLoss(test.loss)}` + (test.accuracy !== undefined ? ` · test accuracy ${(100 * test.accuracy).toFixed(1)} %` : ''));
  } else {
    const best = state.bestLoss ?? bestOf(h);
    if (best !== undefined) parts.push(`best loss ${formatLoss(best)}`);
  }
  return parts.join(' · ');
}

/** The smallest finite loss of `history` (a scan, for states that do not carry `bestLoss`). */
function bestOf(history: readonly EpochReport[]): number | undefined {
  let best: number | undefined;
  for (const r of history) if (Number.isFinite(r.loss) && (best === undefined || r.loss < best)) best = r.loss;
  return best;
}
