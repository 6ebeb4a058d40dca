/**
 * Classification accuracy of outputs y against targets t (both n×cols, row-major).
 * One output column: the prediction is 1 when y ≥ 0.5, else 0, compared with t ≥ 0.5 (0/1 targets).
 * Several columns: the arg-max of y (first on ties) must equal the arg-max of t (one-hot targets).
 */
import type { FloatArray } from '../linalg/float-array';

/** Number of samples among the n rows whose prediction matches the target. */
export function countCorrect(y: FloatArray, t: FloatArray, n: number, cols: number): number {
  let correct = 0;
  if (cols === 1) {
    for (let i = 0; i < n; i++) if (y[i] >= 0.5 === t[i] >= 0.5) correct++;
    return correct;
  }
  for (let i = 0; i < n; i++) {
    const row = i * cols;
    if (argMax(y, row, cols) === argMax(t, row, cols)) correct++;
  }
  return correct;
}

/** Index (0-based, within the row) of the largest of a[start .. start+cols), the first on ties. */
export function argMax(a: FloatArray, start: number, cols: number): number {
  let best = a[start];
  let at = 0;
  for (let j = 1; j < cols; j++) {
    if (a[start + j] > best) {
      best = a[start + j];
      at = j;
    }
  }
  return at;
}
