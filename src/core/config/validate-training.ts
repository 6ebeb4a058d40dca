/**
 * The `training` block: epochs, batch size, validation split, seed, shuffling, precision. Each key
 * is declared once in `TRAINING_SPECS` (type, bounds, default, doc), from which the checks below,
 * the block's JSON Schema and its table in docs/format.md are derived.
 */
import type { ResolvedTraining } from './resolved-training';
import { Checker, describeType, isObject } from './checks';
import { checkBlock, type KeySpecs } from './key-spec';
import { PRECISIONS, TRAINING_DEFAULTS } from './keys';
import { checkEarlyStopping, checkSchedule, earlyStoppingSchema, scheduleSchema } from './validate-schedule';

/** Largest seed accepted (seeds are 32-bit). */
export const MAX_SEED = 0xffffffff;

/** The keys of the `training` block, in documentation order. */
export const TRAINING_SPECS: KeySpecs = {
  epochs: { type: 'integer', min: 1, max: 'maxEpochs', default: TRAINING_DEFAULTS.epochs, doc: 'Passes over the training samples.' },
  batchSize: {
    type: 'integer',
    min: 1,
    max: 'maxSamples',
    default: TRAINING_DEFAULTS.batchSize,
    doc: 'Samples per gradient step; larger than the training set means full batch.',
  },
  validationSplit: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMax: true,
    default: TRAINING_DEFAULTS.validationSplit,
    doc: 'Fraction of the samples held out for validation: ⌊n·split⌋ samples, drawn with the seed.',
  },
  seed: {
    type: 'integer',
    min: 0,
    max: MAX_SEED,
    default: TRAINING_DEFAULTS.seed,
    doc: 'Seed of every random draw (split, initial weights, shuffling, generated data): the same file and seed give the same run.',
  },
  shuffle: { type: 'boolean', default: TRAINING_DEFAULTS.shuffle, doc: 'Shuffle the training samples every epoch.' },
  precision: {
    type: 'choice',
    choices: PRECISIONS,
    default: TRAINING_DEFAULTS.precision,
    doc: "Number format of the model. `float64` (default) keeps and computes everything in double precision (the numbers the PyTorch export reproduces). `float32` keeps weights, gradients, activations and optimizer state in single precision end to end, with float32 products in WebAssembly SIMD: half the memory and about twice as fast on big layers (as PyTorch's float32, results differ from float64 in the last digits). Where WebAssembly SIMD is missing, both train in float64 with the TypeScript kernel.",
  },
  l2: {
    type: 'number',
    min: 0,
    docDefault: '0',
    doc: 'L2 penalty λ: adds λ·w to the gradient of every weight matrix (dense and maxout `w`; not biases) before the optimizer step, i.e. (λ/2)·Σw² in the objective. Reported losses stay the data loss.',
  },
  l1: {
    type: 'number',
    min: 0,
    docDefault: '0',
    doc: 'L1 penalty λ: adds λ·sign(w) (sign(0) = 0) to the gradient of every weight matrix, i.e. λ·Σ|w| in the objective. Reported losses stay the data loss.',
  },
  clipNorm: {
    type: 'number',
    min: 0,
    exclusiveMin: true,
    docDefault: 'none',
    doc: 'Gradient clipping by global norm (after the penalties), as `torch.nn.utils.clip_grad_norm_`: with g the L2 norm of all gradients together, each is multiplied by min(1, c/(g + 1e-6)).',
  },
  schedule: {
    type: 'custom',
    docType: 'object',
    docDefault: 'none',
    doc: "Learning-rate schedule, set once per epoch from the optimizer's configured rate lr₀: `step`, `exponential`, `cosine`, `plateau` or `constant`, each with an optional `warmupEpochs` (see Learning-rate schedules).",
    check: checkSchedule,
    schema: scheduleSchema,
  },
  earlyStopping: {
    type: 'custom',
    docType: 'object',
    docDefault: 'none',
    doc: 'Early stopping: `{ "monitor": "valLoss", "patience": 10, "minDelta": 0, "restoreBest": true }` (see Early stopping).',
    check: checkEarlyStopping,
    schema: earlyStoppingSchema,
  },
};

/** Checks the block and fills defaults (a bad entry falls back to its default after its error is recorded). */
export function checkTraining(c: Checker, value: unknown): ResolvedTraining {
  const out: ResolvedTraining = { ...TRAINING_DEFAULTS };
  if (value === undefined) return out;
  const path = ['training'];
  if (!isObject(value)) {
    c.error(path, `training must be an object such as { "epochs": 100 }, got ${describeType(value)}`);
    return out;
  }
  const { values } = checkBlock(c, value, TRAINING_SPECS, path, {
    where: 'training',
    elsewhere: { batch_size: 'write "batchSize"', validation_split: 'write "validationSplit"' },
  });
  return { ...out, ...values } as ResolvedTraining;
}
