/**
 * The keys of each block of a `*.nn.json` file, shared by the validator and the JSON Schema
 * so both always accept exactly the same documents.
 */
import type { InitName, Precision } from './types';

/** Top-level keys (`sweep` is read by `nn-lab sweep` only: the checker accepts it and training ignores it). */
export const ROOT_KEYS = ['$schema', 'name', 'description', 'data', 'testData', 'validationData', 'layers', 'loss', 'optimizer', 'training', 'sweep'] as const;

/** Weight initialisers as written (`glorot` is another name for `xavier`). */
export const INIT_NAMES: readonly InitName[] = ['auto', 'normal', 'xavier', 'glorot', 'he'];

/** Keys of the `training` block. */
export const TRAINING_KEYS = [
  'epochs',
  'batchSize',
  'validationSplit',
  'seed',
  'shuffle',
  'precision',
  'l2',
  'l1',
  'clipNorm',
  'schedule',
  'earlyStopping',
] as const;

/** Values of `training.precision`, the default first. */
export const PRECISIONS: readonly Precision[] = ['float64', 'float32'];

/** Keys of the `idx` object of an IDX data block. */
export const IDX_FILE_KEYS = ['images', 'labels'] as const;

/** Classes of an IDX data set unless `classes` says otherwise (MNIST, Fashion-MNIST). */
export const DEFAULT_IDX_CLASSES = 10;

/** Most classes of an IDX data set (labels are bytes). */
export const MAX_IDX_CLASSES = 256;

/** Training defaults (Keras-like). */
export const TRAINING_DEFAULTS = { epochs: 100, batchSize: 32, validationSplit: 0, seed: 1, shuffle: true, precision: 'float64' } as const;

/** Standard deviation of the `normal` initialiser unless `initScale` is given. */
export const DEFAULT_INIT_SCALE = 0.05;

/** Linear pieces of a maxout unit unless `pieces` is given. */
export const DEFAULT_PIECES = 2;

/** Noise bound of generated data (coordinates lie in about [−1, 1]). */
export const MAX_NOISE = 1;

/** Optimizer used when none is named. */
export const DEFAULT_OPTIMIZER = 'Adam';

/** Activation of a dense layer that names none. */
export const DEFAULT_ACTIVATION = 'identity';

/** Keys people put at the top level that belong in a block, with the hint shown. */
export const MISPLACED_ROOT_KEYS: Record<string, string> = {
  epochs: 'put it in "training": { "epochs": … }',
  batchSize: 'put it in "training": { "batchSize": … }',
  batch_size: 'put it in "training": { "batchSize": … }',
  validationSplit: 'put it in "training": { "validationSplit": … }',
  seed: 'put it in "training": { "seed": … }',
  shuffle: 'put it in "training": { "shuffle": … }',
  learningRate: 'learning rates are optimizer parameters, e.g. "optimizer": { "name": "SGD", "eta": 0.1 }',
  lr: 'learning rates are optimizer parameters, e.g. "optimizer": { "name": "Adam", "alpha": 0.01 }',
  activation: 'activations belong to layers: { "units": 8, "activation": "tanh" }',
  generator: 'put it in "data": { "generator": … }',
  csv: 'put it in "data": { "csv": … }',
};
