/**
 * The learning-rate chart, shown when a schedule changes the rate: each epoch's `lr` (unsmoothed).
 */
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
