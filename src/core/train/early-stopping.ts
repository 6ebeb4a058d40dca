/**
 * Early stopping (`training.earlyStopping`): watches one metric of each epoch's report, keeps a
 * copy of the weights of the best epoch (every layer's `params()` and `state()`, e.g. batch
 * norm's running statistics) and says when to stop. The copy is restored by the run whenever it
 * ends (stopped early, epochs used up, cancelled), when `restoreBest` is set.
 */
import type { FloatArray } from '../linalg/float-array';
import type { Monitor, ResolvedEarlyStopping } from '../config/validate-schedule';
import type { Sequential } from '../model/sequential';
import type { EpochReport } from './types';

/** Every array that makes up the model's weights: each layer's parameters, then its state. */
export function weightArrays(model: Sequential): FloatArray[] {
  return model.layers.flatMap((layer) => [...layer.params(), ...(layer.state?.() ?? [])]);
}

/** The metric early stopping watches when the config names none: valLoss with validation data, else loss. */
export function defaultMonitor(hasValidation: boolean): Monitor {
  return hasValidation ? 'valLoss' : 'loss';
}

/** True for the metrics where higher is better (the accuracies). */
function higherIsBetter(monitor: Monitor): boolean {
  return monitor === 'accuracy' || monitor === 'valAccuracy';
}

/** The state of early stopping during one run. */
export class EarlyStopping {
  /** The monitored metric. */
  readonly monitor: Monitor;
  /** 1-based number of the best epoch so far (undefined before the first improvement). */
  bestEpoch: number | undefined;
  /** The best value of the monitored metric so far. */
  best: number;
  /** Epochs in a row without improvement. */
  private bad = 0;
  private readonly live: FloatArray[];
  private readonly copy: FloatArray[];

  constructor(
    readonly spec: ResolvedEarlyStopping,
    hasValidation: boolean,
    model: Sequential,
  ) {
    this.monitor = spec.monitor ?? defaultMonitor(hasValidation);
    this.best = higherIsBetter(this.monitor) ? -Infinity : Infinity;
    this.live = spec.restoreBest ? weightArrays(model) : [];
    // Allocated once: a snapshot copies into these arrays.
    this.copy = this.live.map((a) => new Float64Array(a.length));
  }

  /**
   * Takes the epoch's report; returns true when training should stop. An epoch improves when
   * it beats the best by more than minDelta: v < best − minDelta for losses, v > best + minDelta
   * for accuracies; then the weights are copied. Stop after `patience` epochs in a row without.
   */
  observe(report: EpochReport): boolean {
    const v = report[this.monitor];
    const { minDelta, patience } = this.spec;
    const improved = v !== undefined && Number.isFinite(v) && (higherIsBetter(this.monitor) ? v > this.best + minDelta : v < this.best - minDelta);
    if (improved) {
      this.best = v;
      this.bestEpoch = report.epoch;
      this.bad = 0;
      for (let i = 0; i < this.live.length; i++) this.copy[i].set(this.live[i]);
      return false;
    }
    this.bad++;
    return this.bad >= patience;
  }

  /** Copies the best epoch's weights back into the model; false when there is nothing to restore. */
  restore(): boolean {
    if (!this.spec.restoreBest || this.bestEpoch === undefined) return false;
    for (let i = 0; i < this.live.length; i++) this.live[i].set(this.copy[i]);
    return true;
  }
}
