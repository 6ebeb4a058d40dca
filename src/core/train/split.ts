/**
 * Sample bookkeeping of a run: the validation split and the per-epoch training order.
 */
import type { FloatArray } from '../linalg/float-array';
import { NnError } from '../problems';
import type { Rng } from '../rng';

/** Indices of the training and validation samples. */
export interface SampleSplit {
  train: Uint32Array;
  validation: Uint32Array;
}

/**
 * Splits n samples: when ⌊n·validationSplit⌋ > 0, a seeded permutation of 0..n−1 is drawn and its
 * last ⌊n·validationSplit⌋ entries become the validation set; otherwise every sample trains, in order.
 * Throws an NnError when no training sample would be left.
 */
export function splitSamples(n: number, validationSplit: number, rng: Rng): SampleSplit {
  const nVal = Math.floor(n * validationSplit);
  if (n - nVal < 1) {
    throw new NnError({
      path: ['training', 'validationSplit'],
      severity: 'error',
      code: 'range',
      message: `validationSplit ${validationSplit} leaves no training sample out of ${n}; use a smaller fraction or more data`,
    });
  }
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  if (nVal > 0) rng.shuffle(order);
  return { train: order.slice(0, n - nVal), validation: order.slice(n - nVal) };
}

/**
 * Copies the rows `indices[start .. start+count)` of src[·×cols] into out[count×cols]
 * (the gathered mini-batch, contiguous).
 */
export function gatherRows(src: Float64Array, cols: number, indices: Uint32Array, start: number, count: number, out: FloatArray): void {
  for (let r = 0; r < count; r++) {
    const from = indices[start + r] * cols;
    const to = r * cols;
    for (let j = 0; j < cols; j++) out[to + j] = src[from + j];
  }
}
