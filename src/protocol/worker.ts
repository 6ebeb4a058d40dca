/**
 * Messages between the extension host and the training worker (`dist/worker.js`).
 * One discriminated union per direction; the receiver switches on `type` exhaustively.
 * Only plain data crosses the boundary (structured clone), so core types are re-stated here as data.
 */
import type { Problem } from '../core/problems';
import type { ModelWeightsJson } from '../core/model/weights-json';
import type { EpochReport, RunStatus } from '../core/train/types';
import type { ActivationUse, ClassifierView, NetworkSnapshot } from './panel';

/** Host → worker: train this config. `configDir` is where relative CSV paths are resolved. */
export interface StartTrainingMessage {
  type: 'start';
  /** The `*.nn.json` text (possibly unsaved editor contents). */
  text: string;
  /** Absolute folder of the config file. */
  configDir: string;
  /** Also compute the loss of the initial weights on every sample (epoch 0), sent in `started` (optimizer comparisons). */
  initialLoss?: boolean;
  /** Only what a sweep keeps: epochs and the final metrics; no network snapshots, weights or classifier views. */
  lean?: boolean;
  /** Keep the worker alive after the run, ready for the next `start` (a sweep's pool); otherwise it exits. */
  persistent?: boolean;
  /**
   * Where CSV files may come from: inside `root` (the workspace folder) unless `allowOutside` (the
   * user's setting, never in Restricted Mode, `restricted`). Absent: anywhere.
   */
  access?: { root?: string; workingDir?: string; allowOutside?: boolean; restricted?: boolean; scope?: 'cli' | 'workspace' };
}

/** Host → worker: stop after the current batch; the worker answers with `finished` / `cancelled`. */
export interface StopTrainingMessage {
  type: 'stop';
}

/** Everything the host sends to the worker. */
export type HostToWorker = StartTrainingMessage | StopTrainingMessage;

/** Worker → host: the config is valid and training begins. */
export interface RunStartedMessage {
  type: 'started';
  name: string;
  epochs: number;
  hasValidation: boolean;
  task: 'classification' | 'regression';
  samples: number;
  /** Problems of severity 'warning': training goes ahead, the host shows them. */
  warnings: Problem[];
  /** The activation functions of the layers, with resolved parameters. */
  activations: ActivationUse[];
  /** The optimizer's name, e.g. `Adam`. */
  optimizer: string;
  /** Eight hex digits identifying the resolved config and data (`prepareRun`'s digest). */
  digest: string;
  /** Trainable numbers of the model. */
  parameters: number;
  /** Mini-batches per epoch. */
  batchesPerEpoch: number;
  /** Samples trained on per epoch (the validation split held out). */
  trainSamples: number;
  /** The loss of the initial weights on every sample, when the start message asked for it. */
  initialLoss?: number;
  /** Samples of the `testData` set, when the config has one (its metrics arrive as `testLoss` / `testAccuracy`). */
  testSamples?: number;
  /** [height, width] when the samples are grey images (IDX files, the digits). */
  imageShape?: [number, number];
  /** Names of the classes, when known (one-hot order). */
  classNames?: string[];
}

/** Worker → host: inside a long epoch, how many of its mini-batches are done (at most every ~100 ms). */
export interface BatchProgressMessage {
  type: 'batches';
  /** The epoch under way (1-based). */
  epoch: number;
  done: number;
  total: number;
}

/** Worker → host: what is inside the network (at most every ~250 ms, and at the end). */
export interface WorkerSnapshotMessage {
  type: 'snapshot';
  snapshot: NetworkSnapshot;
}

/** Worker → host: the epochs finished since the previous progress message (batched, ~every 100 ms). */
export interface ProgressMessage {
  type: 'progress';
  reports: EpochReport[];
}

/** Worker → host: the config could not be used; nothing was trained. */
export interface ProblemsMessage {
  type: 'problems';
  problems: Problem[];
}

/** Worker → host: the run ended (completed, cancelled or diverged; `message` says why it stopped). */
export interface FinishedMessage {
  type: 'finished';
  status: RunStatus;
  message?: string;
  /** The trained weights (`Sequential.toJSON()`), unless the run diverged. */
  weights?: ModelWeightsJson;
  /** With early stopping: the best epoch by its metric. */
  bestEpoch?: number;
  /** The epoch early stopping ended the run at (absent when all epochs ran or the run was stopped otherwise). */
  stoppedEpoch?: number;
  /** The epoch whose weights the run ended with, when early stopping restored the best epoch's. */
  restoredEpoch?: number;
  /** Loss on the `testData` set after the run (also when it stopped early), when the config has one. */
  testLoss?: number;
  /** Accuracy on the `testData` set after the run (classification). */
  testAccuracy?: number;
  /** Classifiers: the confusion matrix on all samples of the test set / validation split / training data. */
  confusion?: ClassifierView['confusion'];
  /** Image sets: up to 16 sample images with their predictions, misclassified first. */
  samples?: ClassifierView['samples'];
}

/** Worker → host: an unexpected exception (a bug, not a user error). */
export interface CrashedMessage {
  type: 'crashed';
  message: string;
  stack?: string;
}

/** Everything the worker sends to the host. */
export type WorkerToHost =
  RunStartedMessage | ProgressMessage | BatchProgressMessage | WorkerSnapshotMessage | ProblemsMessage | FinishedMessage | CrashedMessage;

/** Minimum time between two progress messages, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;

/** Minimum time between two network snapshots, in milliseconds. */
export const SNAPSHOT_INTERVAL_MS = 250;

/** Compile-time exhaustiveness check for `switch (msg.type)`; throws if reached at run time. */
export function assertNever(value: never, what = 'message'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
