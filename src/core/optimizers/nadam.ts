/** Nadam: Adam with Nesterov momentum (Dozat 2016), constant μ as in the reference. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import { createMoments, MomentState, updateMoments } from './moments';
import type { OptimizerEntry } from './optimizer';
import { decay, epsilon, rate } from './param-specs';

/** Nadam hyper-parameters. */
export interface NadamParams {
  alpha: number;
  mu: number;
  nu: number;
  eps: number;
}

/**
 * Nadam, in the reference's form:
 *   m ← μ·m + (1 − μ)·g;  v ← ν·v + (1 − ν)·g²
 *   m̂ = μ·m/(1 − μᵗ⁺¹) + (1 − μ)·g/(1 − μᵗ);  v̂ = ν·v/(1 − νᵗ)
 *   p ← p − α·m̂/√(v̂ + ε)
 * Two details differ from elsewhere and are kept as the reference wrote them: v̂ carries a
 * factor ν (Dozat has v̂ = v/(1 − νᵗ); the step is larger by 1/√ν ≈ 1.0005), and μ is constant
 * (PyTorch's NAdam uses a warming-up schedule μ_t, so it is not the same algorithm).
 */
export class Nadam extends BaseOptimizer<MomentState> {
  constructor(readonly h: NadamParams) {
    super('Nadam');
  }

  /** Sets the learning rate α (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.h.alpha = lr;
  }

  protected createState(size: number, like: FloatArray): MomentState {
    return createMoments(size, (n) => this.stateArray(like, n));
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MomentState, t: number): void {
    const { alpha, mu, nu, eps } = this.h;
    const cm = 1 - mu ** (t + 1);
    const cg = 1 - mu ** t;
    const cv = 1 - nu ** t;
    if (this.kernelStep('nadam', p, g, [s.m, s.v], [mu, nu, alpha, eps, cm, cg, cv])) return;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, mu, nu);
      const mHat = (mu * s.m[i]) / cm + ((1 - mu) * g[i]) / cg;
      const vHat = (nu * s.v[i]) / cv;
      p[i] -= (alpha * mHat) / Math.sqrt(vHat + eps);
    }
  }
}

/** Registry entry for Nadam. */
export const nadamEntry: OptimizerEntry = {
  name: 'Nadam',
  summary: 'Adam with Nesterov momentum: the bias-corrected momentum looks one step ahead.',
  formula: 'm ← μ·m + (1 − μ)·g;  v ← ν·v + (1 − ν)·g²;  m̂ = μ·m/(1 − μᵗ⁺¹) + (1 − μ)·g/(1 − μᵗ);  v̂ = ν·v/(1 − νᵗ);  p ← p − α·m̂/√(v̂ + ε)',
  params: [
    rate('alpha', 2e-3, 'Step size α.'),
    decay('mu', 0.975, 'Momentum μ (constant, as in the reference).'),
    decay('nu', 0.999, 'Decay ν of the squared-gradient average.'),
    epsilon('eps', 1e-8, 'ε inside the square root.'),
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  pytorch: { kind: 'class', files: ['nadam'], className: 'Nadam' },
  create: (h) => new Nadam({ alpha: h.alpha, mu: h.mu, nu: h.nu, eps: h.eps }),
};
