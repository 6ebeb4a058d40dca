/** AdaMax: Adam with the infinity norm in place of the RMS. */
import { pyFloat } from '../export/pytorch/python-text';
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { adamBetas, epsilon, rate } from './param-specs';

/** Per-tensor state of AdaMax: momentum m and the decaying max-norm u. */
interface MaxNormState {
  m: FloatArray;
  u: FloatArray;
}

/** AdaMax hyper-parameters. */
export interface AdaMaxParams {
  alpha: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/**
 * AdaMax (Kingma & Ba §7.1):
 *   m ← β₁·m + (1 − β₁)·g;  u ← max(β₂·u, |g| + ε);  p ← p − α/(1 − β₁ᵗ)·m/u
 * The reference had no ε, so u = 0 (a zero gradient so far) gave m/u = 0/0. With ε inside the
 * max (as PyTorch's Adamax does), u ≥ ε > 0 always.
 */
export class AdaMax extends BaseOptimizer<MaxNormState> {
  constructor(readonly h: AdaMaxParams) {
    super('AdaMax');
  }

  /** Sets the learning rate α (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.h.alpha = lr;
  }

  protected createState(size: number, like: FloatArray): MaxNormState {
    return { m: this.stateArray(like, size), u: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MaxNormState, t: number): void {
    const { alpha, beta1, beta2, eps } = this.h;
    const alphaT = alpha / (1 - beta1 ** t);
    if (this.kernelStep('adamax', p, g, [s.m, s.u], [beta1, beta2, alphaT, eps])) return;
    for (let i = 0; i < p.length; i++) {
      s.m[i] = beta1 * s.m[i] + (1 - beta1) * g[i];
      s.u[i] = Math.max(beta2 * s.u[i], Math.abs(g[i]) + eps);
      p[i] -= (alphaT * s.m[i]) / s.u[i];
    }
  }
}

/** Registry entry for AdaMax. */
export const adamaxEntry: OptimizerEntry = {
  name: 'AdaMax',
  summary: 'Adam with a decaying maximum of |g| in place of the root mean square.',
  formula: 'm ← β₁·m + (1 − β₁)·g;  u ← max(β₂·u, |g| + ε);  p ← p − α/(1 − β₁ᵗ)·m/u',
  params: [
    rate('alpha', 2e-3, 'Step size α.'),
    ...adamBetas(),
    epsilon('eps', 1e-8, 'ε added to |g| so that u > 0 (new: the reference divided 0/0 while u = 0).', true),
  ],
  // PyTorch: torch's Adamax is this rule (u = max(β₂·u, |g| + ε), the same guard).
  learningRate: 'alpha',
  pytorch: {
    kind: 'torch',
    construct: (h) => `torch.optim.Adamax(params, lr=${pyFloat(h.alpha)}, betas=(${pyFloat(h.beta1)}, ${pyFloat(h.beta2)}), eps=${pyFloat(h.eps)})`,
  },
  create: (h) => new AdaMax({ alpha: h.alpha, beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
};
