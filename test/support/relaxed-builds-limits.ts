/** Limits of the relaxed-SIMD vs plain-SIMD comparison (relaxed-builds.ts explains them), shared with the child that measures. */

/** Relative tolerance of the float32 loss histories of the two builds. */
export const HISTORY_TOLERANCE_32 = 1e-4;

/** Epochs of the float32 comparison: float32 runs part chaotically after about 20 (see relaxed-builds.ts). */
export const HISTORY_EPOCHS_32 = 20;
