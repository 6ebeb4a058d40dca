/**
 * What a sweep keeps of each run and of each combination: the final metrics only (and, on
 * request, a short loss curve), never a model. Repeats of a combination are aggregated by their
 * mean, with the spread [min, max] of every metric; the best combination is chosen on the mean.
 */
import type { EpochReport } from '../train/types';
import { higherIsBetter, SWEEP_METRICS, type SweepMetric, type SweepValue } from './sweep-types';

/** Final metrics of a run, by name (those the run has). */
export type SweepMetrics = Partial<Record<SweepMetric, number>>;

/** How a run (or a combination) ended; `invalid`: its config did not pass the checker, nothing ran. */
export type SweepRunStatus = 'completed' | 'diverged' | 'cancelled' | 'invalid' | 'failed';

/** One training of one combination with one seed. */
export interface SweepRunSummary {
  /** The combination's index. */
  index: number;
  /** 0-based repeat: the run's seed is the config's seed + repeat. */
  repeat: number;
  seed: number;
  status: SweepRunStatus;
  /** Why it did not complete (invalid, diverged, failed). */
  message?: string;
  metrics: SweepMetrics;
  /** Epochs trained. */
  epochs: number;
  /** Wall-clock seconds of the run (in its worker). */
  seconds: number;
  /** The training loss per epoch, downsampled to at most the runner's `curvePoints` (absent when not asked for). */
  curve?: number[];
}

/** One combination with its repeats aggregated. */
export interface SweepResult {
  index: number;
  parameters: Record<string, SweepValue>;
  /** `completed` when every repeat completed; otherwise the first other status among them. */
  status: SweepRunStatus;
  message?: string;
  /** Mean of each metric over the repeats that completed. */
  metrics: SweepMetrics;
  /** With several repeats: [min, max] of each metric over them. */
  spread?: Partial<Record<SweepMetric, [number, number]>>;
  /** The repeats' runs, in repeat order. */
  runs: SweepRunSummary[];
}

/** The metrics of a run's end: those of `ended` (the epoch whose weights the model holds), test metrics from `test` when the report lacks them. */
export function metricsOf(ended: EpochReport | undefined, test?: { loss?: number; accuracy?: number }): SweepMetrics {
  const m: SweepMetrics = {};
  if (ended) {
    m.loss = ended.loss;
    if (ended.valLoss !== undefined) m.valLoss = ended.valLoss;
    if (ended.accuracy !== undefined) m.accuracy = ended.accuracy;
    if (ended.valAccuracy !== undefined) m.valAccuracy = ended.valAccuracy;
    if (ended.testLoss !== undefined) m.testLoss = ended.testLoss;
    if (ended.testAccuracy !== undefined) m.testAccuracy = ended.testAccuracy;
  }
  if (m.testLoss === undefined && test?.loss !== undefined) {
    m.testLoss = test.loss;
    if (test.accuracy !== undefined) m.testAccuracy = test.accuracy;
  }
  return m;
}

/** Combines a combination's repeats: status, mean metrics, and the spread when there are several. */
export function aggregateRuns(index: number, parameters: Record<string, SweepValue>, runs: readonly SweepRunSummary[]): SweepResult {
  const bad = runs.find((r) => r.status !== 'completed');
  const completed = runs.filter((r) => r.status === 'completed');
  const metrics: SweepMetrics = {};
  const spread: Partial<Record<SweepMetric, [number, number]>> = {};
  for (const name of SWEEP_METRICS) {
    const xs = completed.map((r) => r.metrics[name]).filter((x): x is number => x !== undefined);
    if (xs.length === 0 || xs.length < completed.length) continue;
    // mean = (x₁ + … + x_n) / n, summed in repeat order so the same runs give the same mean.
    metrics[name] = xs.length === 1 ? xs[0] : xs.reduce((a, b) => a + b, 0) / xs.length;
    spread[name] = [Math.min(...xs), Math.max(...xs)];
  }
  const result: SweepResult = { index, parameters, status: bad ? bad.status : 'completed', metrics, runs: [...runs] };
  if (bad?.message) result.message = bad.message;
  if (runs.length > 1) result.spread = spread;
  return result;
}

/**
 * The best completed combination by `metric` (lowest loss, highest accuracy, on the mean over
 * repeats); ties go to the lower index. Undefined when no completed combination has the metric.
 */
export function bestResult(results: readonly SweepResult[], metric: SweepMetric): SweepResult | undefined {
  const sign = higherIsBetter(metric) ? -1 : 1;
  let best: SweepResult | undefined;
  for (const r of results) {
    const x = r.metrics[metric];
    if (r.status !== 'completed' || x === undefined || !Number.isFinite(x)) continue;
    const b = best?.metrics[metric];
    if (best === undefined || b === undefined || sign * x < sign * b || (x === b && r.index < best.index)) best = r;
  }
  return best;
}

/** At most `points` values of `xs`, evenly spaced, always with the first and the last. */
export function downsample(xs: readonly number[], points: number): number[] {
  if (xs.length <= points) return [...xs];
  if (points <= 1) return [xs[xs.length - 1]];
  return Array.from({ length: points }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (points - 1))]);
}
