/**
 * Square error. Per sample: ½ Σⱼ (yⱼ − tⱼ)²; batch loss: the mean of that over samples.
 * Gradient dL/dy = (y − t)/rows (the reference's first listing returned t − t, always 0).
 */
import { Loss } from './loss';
import { checkLossShape } from './shape';

/** Creates the square-error loss. */
export function squareLoss(): Loss {
  return {
    name: 'Square',
    // L = (1/rows) Σ_rows Σ_cols ½ (y − t)²
    forward(y, t, rows, cols) {
      checkLossShape('Square', rows, cols, y, t);
      let sum = 0;
      for (let i = 0; i < y.length; i++) {
        const d = y[i] - t[i];
        sum += d * d;
      }
      return (0.5 * sum) / rows;
    },
    // dL/dy = (y − t)/rows
    backwardInto(y, t, out, rows, cols) {
      checkLossShape('Square', rows, cols, y, t, out);
      for (let i = 0; i < y.length; i++) out[i] = (y[i] - t[i]) / rows;
    },
  };
}
