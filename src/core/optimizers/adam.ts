/** Adam: bias-corrected momentum divided by a bias-corrected RMS. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import { createMoments, MomentState, updateMoments } from './moments';
import type { OptimizerEntry } from './optimizer';
import { adamBetas, epsilon, rate } from './param-specs';

/** Adam hyper-parameters. */
export interface AdamParams {
  alpha: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/**
 * Adam (Kingma & Ba), in the reference's form with the bias corrections folded into the rate:
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
 *   α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ);  p ← p − α_t·m/√(v + ε)
 * ε sits inside the root (PyTorch: α/(1−β₁ᵗ)·m/(√v/√(1−β₂ᵗ) + ε); equal when ε = 0).
 */
export class Adam extends BaseOptimizer<MomentState> {
  constructor(readonly h: AdamParams) {
    super('Adam');
  }

  /** Sets the learning rate α (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.h.alpha = lr;
  }

  protected createState(size: number, like: FloatArray): MomentState {
    return createMoments(size, (n) => this.stateArray(like, n));
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MomentState, t: number): void {
    const { alpha, beta1, beta2, eps } = this.h;
    const alphaT = (alpha * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    if (this.kernelStep('adam', p, g, [s.m, s.v], [beta1, beta2, alphaT, eps])) return;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, beta1, beta2);
      p[i] -= (alphaT * s.m[i]) / Math.sqrt(s.v[i] + eps);
    }
  }
}

/** Registry entry for Adam. */
export const adamEntry: OptimizerEntry = {
  name: 'Adam',
  summary: 'Momentum divided by a running RMS of the gradient, both bias-corrected.',
  formula: 'm ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  α_t = α·√(1 − β₂ᵗ) / (1 − β₁ᵗ);  p ← p − α_t·m / √(v + ε)',
  params: [
    rate('alpha', 1e-3, 'Step size α.'),
    ...adamBetas(),
    epsilon('eps', 1e-8, 'ε, inside the square root (the reference convention; PyTorch adds it outside).'),
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  pytorch: { kind: 'class', files: ['adam'], className: 'Adam' },
  create: (h) => new Adam({ alpha: h.alpha, beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
};
