/**
 * Small reductions over row-major matrices used by the layers' backward passes.
 */
import type { FloatArray } from './float-array';

/** Bias gradient: out[j] = Σ_i a[i, j] over the n rows of a[n×m]. Overwrites out[0..m). */
export function sumRowsInto(a: FloatArray, out: FloatArray, n: number, m: number): void {
  for (let j = 0; j < m; j++) out[j] = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) out[j] += a[row + j];
  }
}
