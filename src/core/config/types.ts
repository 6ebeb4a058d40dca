/**
 * The model description format (`*.nn.json`) as written by people, and its resolved form
 * (every default filled in) as used by the trainer. Everything optional has a default.
 *
 * ```json
 * {
 *   "name": "XOR",
 *   "data": { "generator": "xor", "samples": 200, "noise": 0.1 },
 *   "layers": [
 *     { "units": 8, "activation": "tanh" },
 *     { "units": 1, "activation": "sigmoid" }
 *   ],
 *   "loss": "Binary",
 *   "optimizer": { "name": "Adam", "alpha": 0.01 },
 *   "training": { "epochs": 300, "batchSize": 32, "validationSplit": 0.2, "seed": 1 }
 * }
 * ```
 */

/** An activation by name (`"ReLU"`) or with parameters (`{ "name": "leaky-ReLU", "alpha": 0.1 }`). */
export type NamedWithParams = string | ({ name: string } & Record<string, unknown>);

/** Weight initialisers: the reference's scaled normal, Xavier/Glorot, He; `auto` picks He for ReLU-like activations, Xavier otherwise. */
export type InitName = 'auto' | 'normal' | 'xavier' | 'glorot' | 'he';

/**
 * One layer of the sequential model: `"type"` names a registered layer kind (default "dense"),
 * the other keys are that kind's (see src/core/layers/kinds and docs/format.md).
 */
export interface LayerConfig {
  type?: string;
  [key: string]: unknown;
}

/** Names of the built-in data generators. */
export type GeneratorName = 'xor' | 'circle' | 'spiral' | 'gauss' | 'sine';

/** Synthetic data: 2-D classification (xor, circle, spiral, gauss) or 1-D regression (sine). */
export interface GeneratorDataConfig {
  generator: GeneratorName;
  /** Number of samples (default 200; sine 100). */
  samples?: number;
  /** Noise level (default 0.1; sine 0). */
  noise?: number;
  /** Spiral arms / gauss clusters (default 2). Two classes give one 0/1 target column, more give one-hot. */
  classes?: number;
  /** Seed of the data itself (default: the training seed). */
  seed?: number;
}

/** A data set that ships with NN Lab: the Iris flowers (150 samples, 4 features, 3 classes) or the 8×8 digits (1,797 images, 64 pixels, 10 classes). */
export interface BuiltinDataConfig {
  dataset: 'iris' | 'digits';
  /** Standardise features to zero mean, unit variance (default: true for iris, false for digits, whose pixels are scaled to [0, 1]). */
  normalize?: boolean;
}

/** An image set in the IDX format of MNIST / Fashion-MNIST (raw or gzip), paths relative to the config file. */
export interface IdxDataConfig {
  idx: { images: string; labels: string };
  /** Divide pixel values by 255, into [0, 1] (default true). */
  scale?: boolean;
  /** Number of classes; labels must lie in 0..classes−1 (default 10). */
  classes?: number;
  /** Names of the classes in label order, e.g. ["T-shirt/top", "Trouser", …] (default "0", "1", …). */
  classNames?: string[];
}

/** A CSV file, path relative to the config file. */
export interface CsvDataConfig {
  csv: string;
  /** Target column(s) by header name or 0-based index (default: the last column). Text targets are one-hot encoded. */
  target?: string | number | (string | number)[];
  /** Whether the first row is a header (default: detected, true when it is not all numbers). */
  header?: boolean;
  /** Standardise features (default false). */
  normalize?: boolean;
}

/** Inline arrays: one row per sample. */
export interface InlineDataConfig {
  inputs: number[][];
  /** One row per sample, or one number per sample. */
  targets: number[][] | number[];
  normalize?: boolean;
}

/** Where the samples come from. */
export type DataConfig = GeneratorDataConfig | BuiltinDataConfig | CsvDataConfig | InlineDataConfig | IdxDataConfig;

/** What early stopping may watch: the training or validation loss or accuracy. */
export type Monitor = 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy';

/** Training settings. */
export interface TrainingConfig {
  /** Default 100. */
  epochs?: number;
  /** Default 32 (clipped to the number of training samples). */
  batchSize?: number;
  /** Fraction of samples held out for validation, in [0, 1) (default 0). */
  validationSplit?: number;
  /** Seed of every random draw of the run (default 1). */
  seed?: number;
  /** Shuffle the training samples every epoch (default true). */
  shuffle?: boolean;
  /** Arithmetic of the matrix products (default "float64"). */
  precision?: Precision;
  /** L1 weight penalty λ (default 0). */
  l1?: number;
  /** L2 weight penalty λ (default 0). */
  l2?: number;
  /** Gradient clipping by global norm (default: none). */
  clipNorm?: number;
  /** Learning-rate schedule, e.g. { "type": "step", "stepSize": 10, "gamma": 0.5 }. */
  schedule?: { type: string; [key: string]: unknown };
  /** Early stopping, e.g. { "monitor": "valLoss", "patience": 10 }. */
  earlyStopping?: { monitor?: Monitor; patience?: number; minDelta?: number; restoreBest?: boolean };
}

/**
 * Arithmetic of a model's matrix products: float64 throughout, or float32 products (operands
 * rounded to float32, float32 accumulation) with weights, activations and optimizer state
 * still stored in float64.
 */
export type Precision = 'float64' | 'float32';

/** The whole description, as written. */
export interface NnConfig {
  $schema?: string;
  name?: string;
  description?: string;
  data: DataConfig;
  /** A held-out test set (any source, same inputs and outputs as `data`), evaluated after training. */
  testData?: DataConfig;
  layers: LayerConfig[];
  /** Default: "Cross" after softmax, "Binary" after a one-unit sigmoid, "Square" otherwise. */
  loss?: string;
  /** Default: "Adam" with its defaults. */
  optimizer?: NamedWithParams;
  training?: TrainingConfig;
}

/** A registry name with resolved parameters. */
export interface ResolvedNamed {
  name: string;
  params: Record<string, number>;
}

/** What the model needs to know about its data. */
export interface DataShape {
  inputs: number;
  outputs: number;
  /** Number of samples. */
  n: number;
  task?: 'classification' | 'regression';
  /**
   * The shape of one sample when it is an image, `[channels, height, width]` (a row is the image
   * flattened in channel, row, column order; the product is `inputs`); absent: flat, `[inputs]`.
   */
  features?: readonly number[];
}
