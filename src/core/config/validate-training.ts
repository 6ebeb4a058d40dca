/**
 * The `training` block: epochs, batch size, validation split, seed, shuffling, precision.
 */
import type { TrainingConfig } from './types';
import { Checker, checkBoolean, checkChoice, checkInteger, checkKeys, checkNumberIn, describeType, isObject } from './checks';
import { PRECISIONS, TRAINING_DEFAULTS, TRAINING_KEYS } from './keys';

/** Largest seed accepted (seeds are 32-bit). */
export const MAX_SEED = 0xffffffff;

/** Checks the block and fills defaults (a bad entry falls back to its default after its error is recorded). */
export function checkTraining(c: Checker, value: unknown): Required<TrainingConfig> {
  const out: Required<TrainingConfig> = { ...TRAINING_DEFAULTS };
  if (value === undefined) return out;
  const path = ['training'];
  if (!isObject(value)) {
    c.error(path, `training must be an object such as { "epochs": 100 }, got ${describeType(value)}`);
    return out;
  }
  checkKeys(c, value, TRAINING_KEYS, path, 'training', { batch_size: 'write "batchSize"', validation_split: 'write "validationSplit"' });
  const { limits } = c;
  if (value.epochs !== undefined) out.epochs = checkInteger(c, value.epochs, [...path, 'epochs'], 'epochs', 1, limits.maxEpochs, 'maxEpochs') ?? out.epochs;
  if (value.batchSize !== undefined)
    out.batchSize = checkInteger(c, value.batchSize, [...path, 'batchSize'], 'batchSize', 1, limits.maxSamples, 'maxSamples') ?? out.batchSize;
  if (value.validationSplit !== undefined)
    out.validationSplit = checkNumberIn(c, value.validationSplit, [...path, 'validationSplit'], 'validationSplit', 0, 1, true) ?? out.validationSplit;
  if (value.seed !== undefined) out.seed = checkInteger(c, value.seed, [...path, 'seed'], 'seed', 0, MAX_SEED) ?? out.seed;
  if (value.shuffle !== undefined) out.shuffle = checkBoolean(c, value.shuffle, [...path, 'shuffle'], 'shuffle') ?? out.shuffle;
  if (value.precision !== undefined) out.precision = checkChoice(c, value.precision, [...path, 'precision'], 'precision', PRECISIONS) ?? out.precision;
  return out;
}
