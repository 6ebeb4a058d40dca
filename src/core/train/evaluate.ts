/**
 * Evaluating a model on (a subset of) a data set in chunks, so big sets never need a float64 copy
 * of all their inputs: at most EVAL_CHUNK rows are converted at a time.
 */
import type { FloatArray } from '../linalg/float-array';
import { allIndices, type Dataset, gatherInputs } from '../data/dataset';
import { BatchBuffer } from '../layers/batch-buffer';
import type { Sequential } from '../model/sequential';
import { gatherRows } from './split';

/** Rows converted and forwarded at once. */
export const EVAL_CHUNK = 1024;

/** Loss (and accuracy for classifiers) of a model on some samples. */
export interface Metrics {
  loss: number;
  accuracy?: number;
}

/** Storage for the chunks, kept by a caller that evaluates repeatedly (a run, every epoch) so nothing is allocated then. */
export class ChunkBuffers {
  readonly x: BatchBuffer;
  readonly t: BatchBuffer;

  constructor(allocate?: (length: number) => FloatArray) {
    this.x = new BatchBuffer(allocate);
    this.t = new BatchBuffer(allocate);
  }
}

/**
 * Calls `fn(x, t, count, start)` for consecutive chunks of at most `chunk` samples of `indices`
 * (default: every sample), with x[count×inputs] and t[count×outputs] gathered as float64.
 * The arrays are reused between calls (and between evaluations, with the caller's `buffers`).
 */
export function forEachChunk(
  data: Dataset,
  indices: Uint32Array | undefined,
  fn: (x: FloatArray, t: FloatArray, count: number, start: number) => void,
  chunk = EVAL_CHUNK,
  buffers: ChunkBuffers = new ChunkBuffers(),
): void {
  const order = indices ?? allIndices(data.n);
  const size = Math.max(1, Math.min(chunk, order.length));
  const x = buffers.x.fit(size * data.inputs),
    t = buffers.t.fit(size * data.outputs);
  for (let start = 0; start < order.length; start += size) {
    const count = Math.min(size, order.length - start);
    const bx = count === size ? x : x.subarray(0, count * data.inputs);
    const bt = count === size ? t : t.subarray(0, count * data.outputs);
    gatherInputs(data, order, start, count, bx);
    gatherRows(data.y, data.outputs, order, start, count, bt);
    fn(bx, bt, count, start);
  }
}

/**
 * Mean loss (and accuracy) over the samples: L = Σ_c n_c·L_c / Σ_c n_c over the chunks c
 * (one chunk: exactly the model's own `evaluate`).
 */
export function evaluateOn(
  model: Sequential,
  data: Dataset,
  indices: Uint32Array | undefined,
  withAccuracy: boolean,
  chunk = EVAL_CHUNK,
  buffers?: ChunkBuffers,
): Metrics {
  const n = indices ? indices.length : data.n;
  if (n === 0) return { loss: NaN };
  const parts: { loss: number; accuracy?: number; count: number }[] = [];
  forEachChunk(data, indices, (x, t, count) => parts.push({ ...model.evaluate(x, t, count, withAccuracy), count }), chunk, buffers);
  if (parts.length === 1) {
    const { loss, accuracy } = parts[0];
    return accuracy === undefined ? { loss } : { loss, accuracy };
  }
  let loss = 0,
    correct = 0;
  for (const p of parts) {
    loss += p.loss * p.count;
    correct += (p.accuracy ?? 0) * p.count;
  }
  return withAccuracy ? { loss: loss / n, accuracy: Math.round(correct) / n } : { loss: loss / n };
}
