/**
 * Binary cross-entropy, for sigmoid outputs. Per sample: Σⱼ −tⱼ log yⱼ − (1 − tⱼ) log(1 − yⱼ);
 * batch loss: the mean over samples. In probability space, logs are clamped at −100 and the
 * gradient's denominator y(1 − y) at 1e-12 (PyTorch's binary_cross_entropy conventions), so
 * y ∈ {0, 1} gives finite numbers. Fused with a sigmoid output, the loss is computed from the
 * logits z as max(z, 0) − t·z + log1p(e^(−|z|)) and the logit gradient is exactly (y − t)/rows.
 */
import { Loss } from './loss';
import { checkLossShape, clampedLog, GRAD_EPS, LOG_FLOOR } from './shape';

/** Creates the binary cross-entropy loss. */
export function binaryLoss(): Loss {
  return {
    name: 'Binary',
    fusesWith: 'sigmoid',
    // L = (1/rows) Σ −t·max(log y, −100) − (1 − t)·max(log(1 − y), −100), y clipped to [0, 1]
    forward(y, t, rows, cols) {
      checkLossShape('Binary', rows, cols, y, t);
      let sum = 0;
      for (let i = 0; i < y.length; i++) {
        const p = Math.min(1, Math.max(0, y[i]));
        const logP = clampedLog(p);
        const logQ = Math.max(Math.log1p(-p), LOG_FLOOR);
        sum -= t[i] * logP + (1 - t[i]) * logQ;
      }
      return sum / rows;
    },
    // dL/dy = (y − t) / max(y(1 − y), 1e-12) / rows
    backwardInto(y, t, out, rows, cols) {
      checkLossShape('Binary', rows, cols, y, t, out);
      for (let i = 0; i < y.length; i++) {
        const p = Math.min(1, Math.max(0, y[i]));
        out[i] = (p - t[i]) / Math.max(p * (1 - p), GRAD_EPS) / rows;
      }
    },
    // L = (1/rows) Σ max(z, 0) − t·z + log1p(e^(−|z|)), finite for every finite z
    forwardFromLogits(z, t, rows, cols) {
      checkLossShape('Binary', rows, cols, z, t);
      let sum = 0;
      for (let i = 0; i < z.length; i++) sum += Math.max(z[i], 0) - t[i] * z[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
      return sum / rows;
    },
    // dL/dz = (σ(z) − t)/rows = (y − t)/rows
    logitGradInto(y, t, out, rows, cols) {
      checkLossShape('Binary', rows, cols, y, t, out);
      for (let i = 0; i < y.length; i++) out[i] = (y[i] - t[i]) / rows;
    },
  };
}
