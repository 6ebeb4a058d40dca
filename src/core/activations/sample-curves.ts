/**
 * The one way to sample an activation's curves for a picture: f, f′ and (where the activation defines
 * it) f″ over a grid, with the parameters applied, computed by the same code that trains. Used by the
 * editor's hover plot, the activation gallery and the training panel's plots.
 *
 * Row-wise activations (softmax, softmin, log-softmax) have no scalar curve; by convention they are
 * evaluated on the row [x, 0]: f(x) is the first output y₀ and f′(x) the Jacobian's diagonal entry
 * ∂y₀/∂x₀, read as the vector–Jacobian product with upstream (1, 0) at component 0. For softmax this is
 * σ(x) and σ(x)(1 − σ(x)).
 */
import type { Activation } from './activation';
import { activationRegistry } from './index';

/** Samples of one activation over a grid of x values. */
export interface CurveSamples {
  xs: Float64Array;
  f: Float64Array;
  /** f′(x) (for row-wise activations ∂y₀/∂x₀ on [x, 0]). */
  df: Float64Array;
  /** f″(x), only for activations that define it (and when asked for). */
  d2f?: Float64Array;
  /** How a row-wise activation was turned into a curve. */
  note?: string;
}

/** Samples per curve unless a caller asks otherwise. */
export const DEFAULT_CURVE_SAMPLES = 201;

/** How row-wise activations are drawn, for captions. */
export const ROW_WISE_NOTE = 'first component of [x, 0]; derivative ∂y₀/∂x₀';

/** The x range that shows an activation's shape: [−5, 5], wider or shifted where the interesting part lies further out. */
export function curveRange(name: string, params: Readonly<Record<string, number>> = {}): [number, number] {
  switch (name) {
    case 'ReLU6':
      return [-3, 9];
    case 'hard-shrink':
    case 'soft-shrink': {
      const r = Math.max(5, 3 * (params.lambda ?? 0.5));
      return [-r, r];
    }
    case 'threshold': {
      const t = params.threshold ?? 0;
      return [t - 5, t + 5];
    }
    default:
      return [-5, 5];
  }
}

/** `count` evenly spaced points from `lo` to `hi` (both included). */
export function grid(lo: number, hi: number, count: number): Float64Array {
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1);
  return xs;
}

/** f, f′ (and f″ when `withSecond` and defined) of `activation` at each of `xs`. */
export function sampleAt(activation: Activation, xs: Float64Array, withSecond = false): CurveSamples {
  const n = xs.length;
  if (activation.pointwise) {
    const f = activation.forward(xs);
    const df = activation.backward(xs, f, new Float64Array(n).fill(1));
    const d2f = withSecond && activation.d2y ? activation.d2y(xs) : undefined;
    return { xs, f, df, ...(d2f ? { d2f } : {}) };
  }
  const rows = new Float64Array(2 * n);
  const upstream = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    rows[2 * i] = xs[i];
    upstream[2 * i] = 1;
  }
  const y = activation.forward(rows, 2);
  const dx = activation.backward(rows, y, upstream, 2);
  const f = new Float64Array(n);
  const df = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = y[2 * i];
    df[i] = dx[2 * i];
  }
  return { xs, f, df, note: ROW_WISE_NOTE };
}

/** Samples the activation `name` with `params` (defaults for the rest) at `count` points of `range` (its `curveRange` by default). */
export function sampleCurves(
  name: string,
  params: Readonly<Record<string, number>> = {},
  options: { count?: number; range?: [number, number]; withSecond?: boolean } = {},
): CurveSamples {
  const [lo, hi] = options.range ?? curveRange(name, params);
  return sampleAt(activationRegistry.create(name, { ...params }), grid(lo, hi, options.count ?? DEFAULT_CURVE_SAMPLES), options.withSecond ?? false);
}
