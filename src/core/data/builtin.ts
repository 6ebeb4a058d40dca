/**
 * The data sets that ship with NN Lab: their names, one-line docs, shapes and loaders.
 */
import type { Dataset } from './dataset';
import { loadDigits } from './digits';
import { loadIris } from './iris';

/** Names of the built-in data sets. */
export const BUILTIN_DATASETS = ['iris', 'digits'] as const;

/** A built-in data set's name. */
export type BuiltinName = (typeof BUILTIN_DATASETS)[number];

/** One line per data set, for hovers, the schema and the docs. */
export const BUILTIN_DOCS: Record<BuiltinName, string> = {
  iris: "Fisher's Iris flowers: 150 samples, 4 measurements, 3 species (one-hot). Standardised by default.",
  digits: 'Handwritten digits (scikit-learn): 1,797 8×8 grey images, 64 pixels scaled to [0, 1], 10 classes (one-hot).',
};

/** Inputs, target columns and samples of each built-in set. */
export const BUILTIN_SHAPES: Record<BuiltinName, { inputs: number; outputs: number; n: number; features?: readonly [number, number, number] }> = {
  iris: { inputs: 4, outputs: 3, n: 150 },
  digits: { inputs: 64, outputs: 10, n: 1797, features: [1, 8, 8] },
};

/** Whether `normalize` (standardise the features) is on unless the block says: yes for iris, no for the digits (already in [0, 1]). */
export const BUILTIN_NORMALIZE: Record<BuiltinName, boolean> = { iris: true, digits: false };

/** Loads a built-in data set. */
export function loadBuiltin(name: BuiltinName, normalize: boolean): Dataset {
  return name === 'digits' ? loadDigits(normalize) : loadIris(normalize);
}
