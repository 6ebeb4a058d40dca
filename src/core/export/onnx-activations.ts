/**
 * NN Lab's activations as standard ONNX operators (default domain, opset ≥ 17): each activation's ONNX
 * form is declared beside its registry entry (`export.onnx` in src/core/activations/) and matches the
 * core's definition exactly, parameters included. Inputs are [N, units]; the row-wise ones (softmax,
 * softmin, log-softmax) normalise along the last axis.
 */
import { activationRegistry } from '../activations';
import { NnError } from '../problems';
import type { OnnxGraphBuilder } from './onnx-graph';

export type { OnnxActivation } from './forms';

/** Emits activation `name` with `params` on tensor `x`; throws NnError for a name that is not registered. */
export function emitActivation(g: OnnxGraphBuilder, name: string, params: Record<string, number>, x: string): string {
  if (!activationRegistry.has(name)) throw new NnError(`activation ${name} has no ONNX form`);
  return activationRegistry.entry(name).export.onnx(g, x, params);
}
