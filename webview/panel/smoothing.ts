/**
 * TensorBoard's scalar smoothing: a debiased exponential moving average. With weight w,
 * ema_i = w·ema_{i−1} + (1 − w)·v_i (ema_0 = 0) and smoothed_i = ema_i / (1 − w^i), so the first
 * points are not dragged towards zero. Non-finite values are passed through and do not count.
 */

/** Largest smoothing weight the panel offers (1 would freeze the curve at its first value). */
export const MAX_SMOOTHING = 0.99;

/** Clamps a smoothing weight to [0, MAX_SMOOTHING]; anything that is not a number becomes 0. */
export function clampSmoothing(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 0) return 0;
  return Math.min(weight, MAX_SMOOTHING);
}

/** The debiased EMA of `values` with weight `weight` (0 = no smoothing); same length as `values`. */
export function smooth(values: readonly number[], weight: number): number[] {
  const w = clampSmoothing(weight);
  const out: number[] = [];
  let ema = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    ema = w * ema + (1 - w) * v;
    n++;
    out.push(w === 0 ? v : ema / (1 - Math.pow(w, n)));
  }
  return out;
}

/**
 * The same debiased EMA kept incrementally for a growing series: `push` costs O(1), so a live chart's work
 * per update does not grow with the run's length. `values[i]` is the smoothed value of the i-th pushed value.
 */
export class RunningSmoother {
  readonly values: number[] = [];
  private ema = 0;
  private n = 0;
  private readonly w: number;

  constructor(weight: number) {
    this.w = clampSmoothing(weight);
  }

  /** The weight in use. */
  get weight(): number {
    return this.w;
  }

  /** Smooths the next value (non-finite values pass through and do not count). */
  push(v: number): number {
    let out = v;
    if (Number.isFinite(v)) {
      this.ema = this.w * this.ema + (1 - this.w) * v;
      this.n++;
      out = this.w === 0 ? v : this.ema / (1 - Math.pow(this.w, this.n));
    }
    this.values.push(out);
    return out;
  }
}
