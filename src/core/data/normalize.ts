/**
 * Feature standardisation: every input column shifted to zero mean and scaled to unit variance.
 */
import { allIndices, type Dataset, inputRows } from './dataset';

/** Mean and standard deviation of each input column, as used by `standardize`. */
export interface ColumnStats {
  mean: number[];
  std: number[];
}

/**
 * Standardises the `cols` columns of the row-major matrix `x` (n rows) in place:
 * x'_ij = (x_ij − μ_j) / σ_j with μ_j = (1/n) Σ_i x_ij and σ_j = sqrt((1/n) Σ_i (x_ij − μ_j)²).
 * A constant column (σ_j = 0) is only centred. Returns the statistics used.
 */
export function standardize(x: Float64Array, n: number, cols: number): ColumnStats {
  const mean = new Array<number>(cols).fill(0);
  const std = new Array<number>(cols).fill(0);
  if (n === 0) return { mean, std };
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) mean[j] += x[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < cols; j++) {
      const d = x[i * cols + j] - mean[j];
      std[j] += d * d;
    }
  for (let j = 0; j < cols; j++) std[j] = Math.sqrt(std[j] / n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < cols; j++) {
      const s = std[j] > 0 ? std[j] : 1;
      x[i * cols + j] = (x[i * cols + j] - mean[j]) / s;
    }
  return { mean, std };
}

/** Standardises a data set's inputs (in place when stored as float64, else into a new float64 array) and returns it. */
export function standardizeDataset(data: Dataset): Dataset {
  if (!(data.x instanceof Float64Array) || (data.xDivisor ?? 1) !== 1) {
    data.x = inputRows(data, allIndices(data.n));
    data.xDivisor = undefined;
  }
  standardize(data.x as Float64Array, data.n, data.inputs);
  return data;
}
