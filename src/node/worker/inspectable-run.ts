/**
 * The core's `TrainingRun` as the worker's loop drives it, with what the host shows and exports:
 * network snapshots, weights, test metrics and the classifier's confusion matrix and sample images.
 */
import type { Dataset } from '../../core/data/dataset';
import { evaluateOn } from '../../core/train/evaluate';
import type { TrainingRun } from '../../core/train/trainer';
import { classifierView, viewSource } from './classifier-view';
import { takeSnapshot } from './network-snapshot';
import type { EpochRunner } from './training-loop';

/** Wraps `run`; `testData` is the config's test set (the run's own `testData` option), if any. */
export function inspectable(run: TrainingRun, testData?: Dataset): EpochRunner {
  const source = viewSource(run.data, run.validationIndices, testData);
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
    snapshot: (epoch) => takeSnapshot(run.model, run.data, epoch),
    weights: () => run.model.toJSON(),
    classifierView: (final) => classifierView(run.model, source, final),
    testMetrics: () => run.testMetrics(),
    initialLoss: () => evaluateOn(run.model, run.data, undefined, false).loss,
  };
}
