/**
 * The curves the panel's activation plots draw: f and f′ of an activation the model uses, with its
 * parameters applied, from the core's one sampler (`sample-curves.ts`, the code that trains). Row-wise
 * activations (softmax, softmin, log-softmax) are shown through their first component on [x, 0].
 */
import { curveRange as coreCurveRange, DEFAULT_CURVE_SAMPLES, sampleCurves } from '../../src/core/activations/sample-curves';
import type { ActivationUse } from '../../src/protocol/panel';

/** Samples per curve. */
export const CURVE_SAMPLES = DEFAULT_CURVE_SAMPLES;

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

/** The x range of `use`'s plot: the core's range for the activation (the same as the hover and the gallery). */
export function curveRange(use: ActivationUse): [number, number] {
  return coreCurveRange(use.name, use.params);
}

/** The title of one activation with its parameters, e.g. `ELU (alpha 0.5)`. */
export function curveTitle(use: ActivationUse): string {
  const params = Object.entries(use.params).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`);
  return params.length ? `${use.name} (${params.join(', ')})` : use.name;
}

/** Samples f and f′ of one activation with the core's sampler. Unknown names throw (the config was validated before training). */
export function activationCurve(use: ActivationUse, samples = CURVE_SAMPLES): ActivationCurve {
  const c = sampleCurves(use.name, use.params, { count: samples });
  return { title: curveTitle(use), layers: [use.layer], xs: Array.from(c.xs), f: Array.from(c.f), df: Array.from(c.df), ...(c.note ? { note: c.note } : {}) };
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
