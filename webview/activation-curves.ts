/**
 * The curves the activation plots draw: f and f′ of an activation the model uses, with its
 * parameters applied, computed with the core's own registry (the same code that trains). Row-wise
 * activations (softmax, softmin, log-softmax) are shown through their first component on [x, 0].
 */
import { activationRegistry } from '../src/core/activations';
import type { ActivationUse } from '../src/shared/protocol';

/** Samples per curve. */
export const CURVE_SAMPLES = 201;

/** f and f′ sampled over [xMin, xMax]. */
export interface ActivationCurve {
  /** Title, e.g. `tanh`, `leaky-ReLU (alpha 0.1)`. */
  title: string;
  /** Layers using this activation with these parameters, e.g. `dense 1, dense 2`. */
  layers: string[];
  /** Set for row-wise activations: how the curve was taken. */
  note?: string;
  xs: number[];
  f: number[];
  df: number[];
}

/** The x range that shows an activation's shape: [−5, 5], wider where the interesting part lies further out. */
export function curveRange(use: ActivationUse): [number, number] {
  const p = use.params;
  switch (use.name) {
    case 'ReLU6':
      return [-3, 9];
    case 'hard-shrink':
    case 'soft-shrink': {
      const r = Math.max(5, 3 * (p.lambda ?? 0.5));
      return [-r, r];
    }
    case 'threshold': {
      const t = p.threshold ?? 0;
      return [t - 5, t + 5];
    }
    default:
      return [-5, 5];
  }
}

/** The title of one activation with its parameters, e.g. `ELU (alpha 0.5)`. */
export function curveTitle(use: ActivationUse): string {
  const params = Object.entries(use.params).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`);
  return params.length ? `${use.name} (${params.join(', ')})` : use.name;
}

/** Samples f and f′ of one activation. Unknown names throw (the config was validated before training). */
export function activationCurve(use: ActivationUse, samples = CURVE_SAMPLES): ActivationCurve {
  const act = activationRegistry.create(use.name, use.params);
  const [lo, hi] = curveRange(use);
  const xs = Array.from({ length: samples }, (_, i) => lo + ((hi - lo) * i) / (samples - 1));
  const base = { title: curveTitle(use), layers: [use.layer], xs };
  if (act.pointwise) {
    const x = Float64Array.from(xs);
    const y = act.forward(x);
    const dy = act.backward(x, y, new Float64Array(xs.length).fill(1));
    return { ...base, f: Array.from(y), df: Array.from(dy) };
  }
  const f: number[] = [];
  const df: number[] = [];
  for (const v of xs) {
    const x = Float64Array.of(v, 0);
    const y = act.forward(x, 2);
    f.push(y[0]);
    // The Jacobian's diagonal entry ∂y₀/∂x₀ is the VJP with upstream (1, 0), read at component 0.
    df.push(act.backward(x, y, Float64Array.of(1, 0), 2)[0]);
  }
  return { ...base, f, df, note: 'first component of [x, 0]; derivative ∂y₀/∂x₀' };
}

/** One curve per distinct activation (name and parameters), listing every layer that uses it, in model order. */
export function activationCurves(uses: readonly ActivationUse[], samples = CURVE_SAMPLES): ActivationCurve[] {
  const byKey = new Map<string, ActivationCurve>();
  for (const use of uses) {
    const key = `${use.name}|${JSON.stringify(Object.entries(use.params).sort())}`;
    const seen = byKey.get(key);
    if (seen) seen.layers.push(use.layer);
    else byKey.set(key, activationCurve(use, samples));
  }
  return [...byKey.values()];
}
