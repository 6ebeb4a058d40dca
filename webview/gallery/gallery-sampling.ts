/**
 * The gallery's use of the core's one activation sampler (`src/core/activations/sample-curves.ts`: f, f′,
 * f″ and the row-wise convention), and the range of a parameter's slider.
 */
import { activationRegistry } from '../../src/core/activations';
import type { Activation } from '../../src/core/activations';
import { curveRange, sampleAt, sampleCurves as sampleCoreCurves, type CurveSamples } from '../../src/core/activations/sample-curves';
import type { ParamSpec } from '../../src/core/registry';

/** The curves of one activation over a grid of x values (the core's samples). */
export type Curves = CurveSamples;

/** The x range a card plots: the core's range for the activation (the same as the hover and the panel). */
export function xRangeOf(name: string, params: Record<string, number> = {}): [number, number] {
  return curveRange(name, params);
}

/** Creates the activation with `params` (missing ones take their defaults). */
export function makeActivation(name: string, params: Record<string, number>): Activation {
  return activationRegistry.create(name, params);
}

/** f, f′ (and f″) of `activation` at each of `xs` (the core's sampler). */
export function evaluateAt(activation: Activation, xs: Float64Array, withSecond: boolean): Curves {
  return sampleAt(activation, xs, withSecond);
}

/** Samples `name` with `params` at `count` evenly spaced points of its x range. */
export function sampleCurves(name: string, params: Record<string, number>, count: number, withSecond: boolean): Curves {
  return sampleCoreCurves(name, params, { count, withSecond });
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
