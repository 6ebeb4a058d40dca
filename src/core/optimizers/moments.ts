/** The first/second moment state shared by the Adam family. */
import { zeros } from './base';

/** Per-tensor running averages: m of g (first moment), v of g² (second moment). */
export interface MomentState {
  m: Float64Array;
  v: Float64Array;
}

/** Zeroed moments for a tensor of `size` values. */
export function createMoments(size: number): MomentState {
  return { m: zeros(size), v: zeros(size) };
}

/** Adam's moments plus the running maximum v̂ = max over steps of v (AMSGrad, AMSBound). */
export interface MaxMomentState extends MomentState {
  vMax: Float64Array;
}

/** Zeroed moments and maximum for a tensor of `size` values. */
export function createMaxMoments(size: number): MaxMomentState {
  return { m: zeros(size), v: zeros(size), vMax: zeros(size) };
}

/** m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g², at coordinate i. */
export function updateMoments(s: MomentState, g: number, i: number, beta1: number, beta2: number): void {
  s.m[i] = beta1 * s.m[i] + (1 - beta1) * g;
  s.v[i] = beta2 * s.v[i] + (1 - beta2) * g * g;
}
