/** AMSGrad: Adam whose second moment never decreases (Reddi et al. 2018). */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import { createMaxMoments, MaxMomentState, updateMoments } from './moments';
import type { OptimizerEntry } from './optimizer';
import { adamBetas, epsilon, rate } from './param-specs';

/** AMSGrad hyper-parameters. */
export interface AMSGradParams {
  alpha: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/**
 * AMSGrad, as in the reference (the paper's α_t = α/√t, no bias correction):
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  v̂ ← max(v̂, v)
 *   p ← p − α/√t · m/√(v̂ + ε)
 * PyTorch's Adam(amsgrad=True) bias-corrects m and v and keeps α constant: a different rule.
 */
export class AMSGrad extends BaseOptimizer<MaxMomentState> {
  constructor(readonly h: AMSGradParams) {
    super('AMSGrad');
  }

  /** Sets the learning rate α (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.h.alpha = lr;
  }

  protected createState(size: number, like: FloatArray): MaxMomentState {
    return createMaxMoments(size, (n) => this.stateArray(like, n));
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MaxMomentState, t: number): void {
    const { alpha, beta1, beta2, eps } = this.h;
    const alphaT = alpha / Math.sqrt(t);
    if (this.kernelStep('amsgrad', p, g, [s.m, s.v, s.vMax], [beta1, beta2, alphaT, eps])) return;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, beta1, beta2);
      s.vMax[i] = Math.max(s.vMax[i], s.v[i]);
      p[i] -= (alphaT * s.m[i]) / Math.sqrt(s.vMax[i] + eps);
    }
  }
}

/** Registry entry for AMSGrad. */
export const amsgradEntry: OptimizerEntry = {
  name: 'AMSGrad',
  summary: 'Adam with a non-decreasing second moment and a 1/√t step decay.',
  formula: 'm ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  v̂ ← max(v̂, v);  p ← p − α/√t · m/√(v̂ + ε)',
  params: [rate('alpha', 1e-3, 'Step size α (divided by √t).'), ...adamBetas(), epsilon('eps', 1e-8, 'ε inside the square root.')],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  pytorch: { kind: 'class', files: ['amsgrad'], className: 'AMSGrad' },
  create: (h) => new AMSGrad({ alpha: h.alpha, beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
};
