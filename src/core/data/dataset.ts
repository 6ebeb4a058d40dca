/**
 * A data set in memory: n samples, row-major inputs x[n×inputs] and targets y[n×outputs].
 *
 * Inputs are stored as given: small data sets keep a Float64Array, image sets keep their bytes
 * (a Uint8Array, 1 byte per pixel instead of 8) and a divisor. Either way, read inputs through
 * `gatherInputs` / `inputRows`, which return the value the model sees, x_k / xDivisor, as float64.
 */
import type { FloatArray } from '../linalg/float-array';
export interface Dataset {
  /** Stored inputs [n×inputs], row-major; the model sees x[k] / (xDivisor ?? 1). */
  x: InputArray;
  /** Divisor applied to every stored input when it is read (default 1: stored values as they are). */
  xDivisor?: number;
  y: Float64Array;
  n: number;
  inputs: number;
  outputs: number;
  /** "classification" when targets are class labels (0/1 column or one-hot), else "regression". */
  task: 'classification' | 'regression';
  /** Names of the input columns, when known. */
  featureNames?: string[];
  /** Names of the classes, when known (one-hot order). */
  classNames?: string[];
  /** [height, width] when every sample is a grey-scale image (inputs = height·width, row by row). */
  imageShape?: [number, number];
  /** `[channels, height, width]` when a sample is an image (the layers see it so), absent for flat samples. */
  features?: readonly number[];
  /** Largest stored pixel value of an image set (255 for IDX bytes, 16 for the digits), for drawing. */
  pixelMax?: number;
}

/** How inputs may be stored: float64 (any values) or bytes (images). */
export type InputArray = Float64Array | Uint8Array;

/**
 * Copies the inputs of samples `indices[start .. start+count)` into out[count×inputs] as the model
 * sees them: out = x / xDivisor for byte storage, a plain copy for float64 storage with divisor 1.
 */
export function gatherInputs(
  data: Pick<Dataset, 'x' | 'xDivisor' | 'inputs'>,
  indices: ArrayLike<number>,
  start: number,
  count: number,
  out: FloatArray,
): void {
  const { x, inputs: cols } = data;
  const d = data.xDivisor ?? 1;
  if (d === 1) {
    // Row copies by the engine (converting to float32 for a float32 model's batch).
    for (let r = 0; r < count; r++) {
      const from = indices[start + r] * cols;
      out.set(x.subarray(from, from + cols), r * cols);
    }
    return;
  }
  for (let r = 0; r < count; r++) {
    const from = indices[start + r] * cols,
      to = r * cols;
    for (let j = 0; j < cols; j++) out[to + j] = x[from + j] / d;
  }
}

/** The inputs of the samples `rows` (any order, repeats allowed) as a new float64 array [rows.length×inputs]. */
export function inputRows(data: Pick<Dataset, 'x' | 'xDivisor' | 'inputs'>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * data.inputs);
  gatherInputs(data, rows, 0, rows.length, out);
  return out;
}

/** The input j of sample i as the model sees it. */
export function inputAt(data: Pick<Dataset, 'x' | 'xDivisor' | 'inputs'>, i: number, j: number): number {
  return data.x[i * data.inputs + j] / (data.xDivisor ?? 1);
}

/** Indices 0..n−1. */
export function allIndices(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** The first `count` samples of a data set (views of its arrays, nothing copied). */
export function firstSamples(data: Dataset, count: number): Dataset {
  const n = Math.max(0, Math.min(count, data.n));
  return { ...data, n, x: data.x.subarray(0, n * data.inputs), y: data.y.subarray(0, n * data.outputs) };
}
