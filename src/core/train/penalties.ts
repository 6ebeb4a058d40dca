/**
 * Weight penalties (`training.l1`, `training.l2`): added to the gradients of the penalized
 * tensors (the kinds' `weightParams`: weight matrices, not biases) after back-propagation and
 * before the optimizer step. The reported losses stay the data loss.
 */
import type { FloatArray } from '../linalg/float-array';
import type { Sequential } from '../model/sequential';
import { kindOf } from '../layers/kinds/registry';
import type { ResolvedLayer } from '../layers/kinds/kind';

/** For each tensor of `model.params()`, in order: true when the weight penalties act on it. */
export function penalizedMask(model: Sequential, layers: readonly ResolvedLayer[]): boolean[] {
  return model.layers.flatMap((layer, i) => {
    const kind = kindOf(layers[i]);
    const names = kind.file.params;
    const weights = kind.weightParams ?? [];
    return layer.params().map((_, k) => weights.includes(names[k]));
  });
}

/**
 * g ← g + λ₂·w + λ₁·sign(w) on every penalized tensor (sign(0) = 0): the gradient of
 * (λ₂/2)·Σw² + λ₁·Σ|w|. Does nothing when both λ are 0.
 */
export function addPenalties(params: readonly FloatArray[], grads: readonly FloatArray[], mask: readonly boolean[], l1: number, l2: number): void {
  if (l1 === 0 && l2 === 0) return;
  for (let t = 0; t < params.length; t++) {
    if (!mask[t]) continue;
    const w = params[t],
      g = grads[t];
    for (let i = 0; i < w.length; i++) {
      const wi = w[i];
      // Math.sign(−0) is −0; a zero weight contributes nothing either way.
      g[i] += l2 * wi + l1 * (wi > 0 ? 1 : wi < 0 ? -1 : 0);
    }
  }
}

/** The numerical guard of `clipGradientNorm` (PyTorch's clip_grad_norm_ uses the same 1e-6). */
export const CLIP_EPSILON = 1e-6;

/**
 * Gradient clipping by global norm, as `torch.nn.utils.clip_grad_norm_`: with
 * g = √(Σ over all tensors of Σ gᵢ²), every gradient is multiplied by min(1, c/(g + 1e-6)).
 * Returns the norm g before clipping.
 */
export function clipGradientNorm(grads: readonly FloatArray[], maxNorm: number): number {
  let sum = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  const norm = Math.sqrt(sum);
  const factor = maxNorm / (norm + CLIP_EPSILON);
  if (factor < 1) for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= factor;
  return norm;
}
