/**
 * The core's `TrainingRun` as the worker's loop drives it, with what the host shows and exports:
 * network snapshots, weights, test metrics and the classifier's confusion matrix and sample images.
 */
import { inputShapeOf } from '../../core/config/resolved';
import type { Dataset } from '../../core/data/dataset';
import { layerShapes } from '../../core/layers/kinds/registry';
import { evaluateOn } from '../../core/train/evaluate';
import type { TrainingRun } from '../../core/train/trainer';
import { classifierView, viewSource } from './classifier-view';
import { type SnapshotExtras, takeSnapshot } from './network-snapshot';
import type { EpochRunner } from './training-loop';

/** Wraps `run`; `testData` is the config's test set (the run's own `testData` option), if any. */
export function inspectable(run: TrainingRun, testData?: Dataset): EpochRunner {
  const source = viewSource(run.data, run.validationIndices, testData);
  const layout = layerShapes(run.config.layers, inputShapeOf(run.config));
  // The probe of the feature maps: the first sample of the set the classifier view uses (fixed for the run).
  const extras: SnapshotExtras = {
    shapes: 'shapes' in layout ? layout.shapes : undefined,
    probe: source.data.n > 0 ? { data: source.data, index: source.indices?.[0] ?? 0, set: source.set } : undefined,
  };
  return {
    runEpoch: () => run.runEpoch(),
    get done() {
      return run.done;
    },
    get status() {
      return run.status;
    },
    get message() {
      return run.message;
    },
    get bestEpoch() {
      return run.bestEpoch;
    },
    get stoppedEpoch() {
      return run.stoppedEpoch;
    },
    get restoredEpoch() {
      return run.restoredEpoch;
    },
    cancel: () => run.cancel(),
    parameters: run.model.paramCount,
    snapshot: (epoch) => takeSnapshot(run.model, run.data, epoch, true, extras),
    weights: () => run.model.toJSON(),
    classifierView: (final) => classifierView(run.model, source, final),
    testMetrics: () => run.testMetrics(),
    initialLoss: () => evaluateOn(run.model, run.data, undefined, false).loss,
  };
}
