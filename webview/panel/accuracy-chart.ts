/**
 * The accuracy chart (classification only): training and validation accuracy per epoch, as a fraction.
 */
import { MetricChart } from './metric-chart';

/** Creates the accuracy chart on `canvas`. */
export function createAccuracyChart(canvas: HTMLCanvasElement): MetricChart {
  return new MetricChart(canvas, {
    axis: 'accuracy',
    train: { label: 'Training accuracy', value: (r) => r.accuracy },
    validation: { label: 'Validation accuracy', value: (r) => r.valAccuracy },
    test: { label: 'Test accuracy', value: (r) => r.testAccuracy },
    logScale: false,
  });
}
