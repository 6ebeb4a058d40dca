/**
 * Samples an activation's curves for the gallery: f, f′ and (where the core defines it) f″.
 * Row-wise functions (softmax, softmin, log-softmax) are evaluated on the 2-vector [x, 0]:
 * the curve is its first component and the derivative the diagonal entry ∂y₀/∂x₀.
 */
import { activationRegistry } from '../src/core/activations';
import type { Activation } from '../src/core/activations';
import type { ParamSpec } from '../src/core/registry';

/** The curves of one activation over a grid of x values. */
export interface Curves {
  xs: Float64Array;
  f: Float64Array;
  df: Float64Array;
  /** Second derivative, only for activations that define it. */
  d2f?: Float64Array;
}

/** The x range a card plots (wider where the interesting part lies further out). */
export function xRangeOf(name: string): [number, number] {
  if (name === 'ReLU6') return [-3, 8];
  return [-4, 4];
}

/** Creates the activation with `params` (missing ones take their defaults). */
export function makeActivation(name: string, params: Record<string, number>): Activation {
  return activationRegistry.create(name, params);
}

/** f, f′ (and f″) of `activation` at each of `xs`. */
export function evaluateAt(activation: Activation, xs: Float64Array, withSecond: boolean): Curves {
  const n = xs.length;
  if (activation.pointwise) {
    const f = activation.forward(xs);
    const df = activation.backward(xs, f, new Float64Array(n).fill(1));
    const d2f = withSecond && activation.d2y ? activation.d2y(xs) : undefined;
    return { xs, f, df, d2f };
  }
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) pairs[2 * i] = xs[i];
  const y = activation.forward(pairs, 2);
  const g = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) g[2 * i] = 1;
  const dx = activation.backward(pairs, y, g, 2);
  const f = new Float64Array(n), df = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = y[2 * i];
    df[i] = dx[2 * i];
  }
  return { xs, f, df };
}

/** Samples `name` with `params` at `count` evenly spaced points of its x range. */
export function sampleCurves(name: string, params: Record<string, number>, count: number, withSecond: boolean): Curves {
  const [lo, hi] = xRangeOf(name);
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = lo + ((hi - lo) * i) / (count - 1);
  return evaluateAt(makeActivation(name, params), xs, withSecond);
}

/** A slider's range and step for a parameter: its bounds where given, a sensible span where open. */
export function sliderRange(spec: ParamSpec): { min: number; max: number; step: number } {
  const step = 0.01;
  let min = spec.min ?? Math.min(spec.default - 3, -3);
  if (spec.min !== undefined && spec.exclusiveMin) min += step;
  let max = spec.max ?? Math.max(3, spec.default * 3, min + 1);
  if (spec.max !== undefined && spec.exclusiveMax) max -= step;
  if (max <= min) max = min + 1;
  return { min, max, step };
}
