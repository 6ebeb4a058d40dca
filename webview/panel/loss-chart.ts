/**
 * The loss chart: training and validation loss per epoch (log scale available). The canvas carries
 * `data-points` (epochs drawn), `data-plot-area`, `data-train-color` and `data-best-epoch` (early stopping's best
 * epoch, marked with a ring once the run reports it) so tests can check what is shown.
 */
import { MetricChart } from './metric-chart';

/** Creates the loss chart on `canvas`. */
export function createLossChart(canvas: HTMLCanvasElement): MetricChart {
  return new MetricChart(canvas, {
    axis: 'loss',
    train: { label: 'Training loss', value: (r) => r.loss },
    validation: { label: 'Validation loss', value: (r) => r.valLoss },
    test: { label: 'Test loss', value: (r) => r.testLoss },
    logScale: true,
    // Early stopping's best epoch: the monitored loss is the validation loss when there is one.
    best: (r) => r.valLoss ?? r.loss,
  });
}
