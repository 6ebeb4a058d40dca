/**
 * What a training run reports, and how it is steered.
 */
import type { Dataset } from '../data/dataset';
import type { DenseKernel } from '../linalg/kernel';
import type { SpawnKernelHelper } from '../linalg/kernel-helper';
import type { Sequential } from '../model/sequential';

/** Metrics of one finished epoch. Losses follow the mean-over-samples convention of `Loss`. */
export interface EpochReport {
  /** 1-based epoch number. */
  epoch: number;
  /** Total epochs planned. */
  epochs: number;
  /** Mean training loss over the epoch's samples (averaged over its batches, weighted by size). */
  loss: number;
  /** Loss on the validation split, when there is one. */
  valLoss?: number;
  /** Training accuracy in [0, 1] for classification. */
  accuracy?: number;
  valAccuracy?: number;
  /** Loss on the `testData` set: every epoch when that is cheap (see `testEveryEpoch`), else on the last epoch only. */
  testLoss?: number;
  /** Accuracy on the `testData` set, for classification (same epochs as `testLoss`). */
  testAccuracy?: number;
  /** The learning rate the epoch was trained with (the schedule's, else the optimizer's; absent when it has none, e.g. AdaDelta). */
  lr?: number;
  /** Wall-clock seconds since the run started. */
  elapsed: number;
  /** Training samples processed per second during this epoch. */
  samplesPerSecond: number;
}

/** How a run ended. */
export type RunStatus = 'completed' | 'cancelled' | 'diverged';

/** Hooks and options of a run. */
export interface TrainOptions {
  /** Called after every epoch. */
  onEpoch?(report: EpochReport): void;
  /** Checked between batches; returning true cancels the run. */
  shouldStop?(): boolean;
  /** The matrix kernel (default: `createKernel(config.training.precision)`, WebAssembly SIMD where available). */
  kernel?: DenseKernel;
  /** A held-out test set (the description's `testData`), evaluated after training and every epoch when cheap. */
  testData?: Dataset;
  /** The validation set (the description's `validationData`), used instead of `training.validationSplit`. */
  validationData?: Dataset;
  /**
   * How the host starts a helper thread; given (and no `kernel`), the default kernel splits big
   * products over two threads. The run stops the thread when it ends.
   */
  spawnKernelHelper?: SpawnKernelHelper;
  /** Clock in milliseconds (default: performance.now or Date.now). */
  now?(): number;
}

/** The outcome of `train()`: how it ended, why, the per-epoch history and the trained model. */
export interface TrainResult {
  status: RunStatus;
  /** Why the run stopped early (cancellation or divergence, naming the epoch). */
  message?: string;
  history: EpochReport[];
  model: Sequential;
  /** The best epoch by early stopping's metric (with `training.earlyStopping`). */
  bestEpoch?: number;
  /** The epoch early stopping ended the run at (absent when it did not). */
  stoppedEpoch?: number;
}
