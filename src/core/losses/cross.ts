/**
 * Categorical cross-entropy, for softmax outputs. Per sample: −Σⱼ tⱼ log yⱼ (summed over the
 * sample's classes, not averaged over them); batch loss: the mean over samples. In probability
 * space logs are clamped at −100 and the gradient −t/y uses max(y, 1e-12). Fused with a softmax
 * output, the loss is computed from the logits z per row as Σⱼ tⱼ·(logsumexp(z) − zⱼ)
 * (correct for soft targets too), and the logit gradient is (y·Σⱼtⱼ − t)/rows, which is
 * exactly (y − t)/rows when the targets sum to 1 (one-hot targets).
 */
import type { FloatArray } from '../linalg/float-array';
import { Loss } from './loss';
import { checkLossShape, clampedLog, GRAD_EPS } from './shape';

/** logsumexp of z[start:end] = m + log Σ e^(zⱼ − m), m = max zⱼ. */
function logSumExp(z: FloatArray, start: number, end: number): number {
  let m = -Infinity;
  for (let i = start; i < end; i++) m = Math.max(m, z[i]);
  let s = 0;
  for (let i = start; i < end; i++) s += Math.exp(z[i] - m);
  return m + Math.log(s);
}

/** Creates the categorical cross-entropy loss. */
export function crossLoss(): Loss {
  return {
    name: 'Cross',
    fusesWith: 'softmax',
    // L = (1/rows) Σ_rows Σ_cols −t·max(log y, −100)
    forward(y, t, rows, cols) {
      checkLossShape('Cross', rows, cols, y, t);
      let sum = 0;
      for (let i = 0; i < y.length; i++) if (t[i] !== 0) sum -= t[i] * clampedLog(y[i]);
      return sum / rows;
    },
    // dL/dy = −t / max(y, 1e-12) / rows
    backwardInto(y, t, out, rows, cols) {
      checkLossShape('Cross', rows, cols, y, t, out);
      for (let i = 0; i < y.length; i++) out[i] = -t[i] / Math.max(y[i], GRAD_EPS) / rows;
    },
    // L = (1/rows) Σ_rows Σⱼ tⱼ (lse(z) − zⱼ)
    forwardFromLogits(z, t, rows, cols) {
      checkLossShape('Cross', rows, cols, z, t);
      let sum = 0;
      for (let r = 0; r < rows; r++) {
        const start = r * cols;
        const lse = logSumExp(z, start, start + cols);
        for (let i = start; i < start + cols; i++) sum += t[i] * (lse - z[i]);
      }
      return sum / rows;
    },
    // dL/dz = (y·Σt − t)/rows, y = softmax(z) per row
    logitGradInto(y, t, out, rows, cols) {
      checkLossShape('Cross', rows, cols, y, t, out);
      for (let r = 0; r < rows; r++) {
        const start = r * cols;
        let tSum = 0;
        for (let i = start; i < start + cols; i++) tSum += t[i];
        for (let i = start; i < start + cols; i++) out[i] = (y[i] * tSum - t[i]) / rows;
      }
    },
  };
}
