/**
 * How a classifier errs: the confusion matrix of its predictions on a data set and, for image sets,
 * a few sample images with their true and predicted classes (misclassified ones first).
 *
 * The class of a row is the arg-max of its columns (first on ties), or, with one output column,
 * 1 when the value is ≥ 0.5, else 0 (as `countCorrect` counts accuracy).
 */
import type { FloatArray } from '../linalg/float-array';
import { allIndices, type Dataset } from '../data/dataset';
import { forEachChunk } from '../train/evaluate';
import { argMax } from './accuracy';
import type { Sequential } from './sequential';

/** counts[i][j]: samples of true class i predicted as class j; labels[i] names class i. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

/** One sample image: grey levels 0..255 row by row, its true class and the predicted one. */
export interface SampleImage {
  pixels: number[];
  label: number;
  predicted: number;
}

/** A selection of sample images of shape [height, width]. */
export interface SampleImages {
  shape: [number, number];
  items: SampleImage[];
}

/** True and predicted class of each evaluated sample (in the order of the indices). */
export interface Classified {
  indices: Uint32Array;
  actual: Int32Array;
  predicted: Int32Array;
}

/** Number of classes of a classification data set (2 for one 0/1 column). */
export function classCount(data: Pick<Dataset, 'outputs'>): number {
  return data.outputs === 1 ? 2 : data.outputs;
}

function classOfRow(a: FloatArray, row: number, cols: number): number {
  return cols === 1 ? (a[row] >= 0.5 ? 1 : 0) : argMax(a, row * cols, cols);
}

/** Predicts the samples `indices` (default: all) in chunks and returns their true and predicted classes. */
export function classify(model: Sequential, data: Dataset, indices: Uint32Array = allIndices(data.n)): Classified {
  const actual = new Int32Array(indices.length),
    predicted = new Int32Array(indices.length);
  const cols = data.outputs;
  forEachChunk(data, indices, (x, t, count, start) => {
    const y = model.predict(x, count);
    for (let r = 0; r < count; r++) {
      actual[start + r] = classOfRow(t, r, cols);
      predicted[start + r] = classOfRow(y, r, cols);
    }
  });
  return { indices, actual, predicted };
}

/** The k×k confusion matrix of true vs predicted classes: Σ counts = samples, trace = correct predictions. */
export function confusionMatrix(c: Pick<Classified, 'actual' | 'predicted'>, k: number, classNames?: readonly string[]): ConfusionMatrix {
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < c.actual.length; i++) counts[c.actual[i]][c.predicted[i]]++;
  const labels = Array.from({ length: k }, (_, i) => classNames?.[i] ?? String(i));
  return { labels, counts };
}

/**
 * Grey levels 0..255 of sample i: bytes with a known `pixelMax` are rescaled by 255 / pixelMax;
 * other inputs (e.g. standardised) are stretched from their own min..max.
 */
export function pixelsOf(data: Dataset, i: number): number[] {
  const from = i * data.inputs;
  const values = Array.from(data.x.subarray(from, from + data.inputs));
  if (data.x instanceof Uint8Array && data.pixelMax !== undefined) {
    const f = 255 / data.pixelMax;
    return values.map((v) => Math.min(255, Math.round(v * f)));
  }
  let lo = Infinity,
    hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi > lo ? hi - lo : 1;
  return values.map((v) => Math.round((255 * (v - lo)) / span));
}

/**
 * Up to `limit` sample images of an image set: the misclassified samples first, then correct ones,
 * each group in the order of `c.indices`. Undefined when the data are not images.
 */
export function sampleImages(data: Dataset, c: Classified, limit: number): SampleImages | undefined {
  if (!data.imageShape) return undefined;
  const wrong: number[] = [],
    right: number[] = [];
  for (let r = 0; r < c.indices.length && wrong.length < limit; r++) (c.actual[r] !== c.predicted[r] ? wrong : right).push(r);
  const picked = [...wrong, ...right].slice(0, limit);
  const items = picked.map((r) => ({ pixels: pixelsOf(data, c.indices[r]), label: c.actual[r], predicted: c.predicted[r] }));
  return { shape: [data.imageShape[0], data.imageShape[1]], items };
}
