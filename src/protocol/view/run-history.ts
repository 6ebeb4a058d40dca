/**
 * The runs of one config file: numbers them, labels them ("#3 · Adam · tanh,sigmoid"), and keeps
 * the last few finished ones so the panel can draw them faded behind the current run.
 */
import type { EpochReport } from '../../core/train/types';
import { decimateReports } from './epoch-history';
import type { ActivationUse, PastRun } from '../panel';

/** How many finished runs are kept per config. */
export const PAST_RUNS_KEPT = 5;

/** A run's label: its number, optimizer and the distinct activation names in layer order. */
export function runLabel(id: number, optimizer: string, activations: readonly ActivationUse[]): string {
  const names = [...new Set(activations.map((a) => a.name))];
  return [`#${id}`, optimizer, ...(names.length > 0 ? [names.join(',')] : [])].join(' · ');
}

/** Numbering and the finished runs of one config. */
export class RunHistory {
  private nextId = 1;
  private past: PastRun[] = [];
  /** The run a restored panel shows: it becomes a past run when the next run starts. */
  private shown: PastRun | undefined;

  /** Takes the next run number (the run a restored panel showed joins the past runs). */
  nextRun(): number {
    if (this.shown) this.finish(this.shown.id, this.shown.label, this.shown.history);
    this.shown = undefined;
    return this.nextId++;
  }

  /** Records a run that ended; runs without a single epoch are not worth drawing and are dropped. */
  finish(id: number, label: string, history: readonly EpochReport[]): void {
    if (history.length === 0) return;
    // Kept decimated (bounded, last epoch exact): five 100,000-epoch runs must not be resent in full on every reset.
    this.past = [...this.past.filter((r) => r.id !== id), { id, label, history: decimateReports(history) }].slice(-PAST_RUNS_KEPT);
  }

  /** The finished runs, oldest first (copies; each history is decimated, so a copy is bounded). */
  get runs(): PastRun[] {
    return this.past.map((r) => ({ ...r, history: [...r.history] }));
  }

  /** Seeds numbering and runs from a restored panel (after a window reload) that shows `current`. */
  restore(runs: readonly PastRun[], currentLabel: string | undefined, current: readonly EpochReport[]): void {
    this.past = runs.slice(-PAST_RUNS_KEPT).map((r) => ({ ...r, history: decimateReports(r.history) }));
    const currentId = labelNumber(currentLabel);
    const ids = [...runs.map((r) => r.id), currentId];
    this.nextId = Math.max(0, ...ids) + 1;
    this.shown = current.length > 0 ? { id: currentId || this.nextId++, label: currentLabel ?? 'restored run', history: decimateReports(current) } : undefined;
  }
}

/** The run number of a label like "#3 · Adam", or 0. */
function labelNumber(label: string | undefined): number {
  const m = /^#(\d+)/.exec(label ?? '');
  return m ? Number(m[1]) : 0;
}
