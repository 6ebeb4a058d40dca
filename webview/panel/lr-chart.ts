/**
 * The learning-rate chart, shown when a schedule changes the rate: each epoch's `lr` (unsmoothed).
 */
import type { EpochReport } from '../../src/core/train/types';
import { MetricChart } from './metric-chart';

/** Creates the learning-rate chart on `canvas`. */
export function createLearningRateChart(canvas: HTMLCanvasElement): MetricChart {
  return new MetricChart(canvas, {
    axis: 'learning rate',
    train: { label: 'Learning rate', value: (r) => r.lr },
    validation: { label: 'Validation', value: () => undefined },
    test: { label: 'Test', value: () => undefined },
    logScale: false,
    smoothing: false,
  });
}

/** True when the run's rate changed (a schedule is at work): the first and the latest epoch's rates differ. O(1). */
export function rateChanges(history: readonly EpochReport[]): boolean {
  const first = history[0]?.lr,
    last = history[history.length - 1]?.lr;
  return first !== undefined && last !== undefined && first !== last;
}
