/** Graves' RMSprop: divides by a running standard deviation instead of an RMS. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import { createMoments, MomentState, updateMoments } from './moments';
import type { OptimizerEntry } from './optimizer';
import { decay, epsilon, rate } from './param-specs';

/**
 * RMSpropGraves (Graves 2013, without the extra momentum term, as in the reference):
 *   m ← ρ·m + (1 − ρ)·g;  v ← ρ·v + (1 − ρ)·g²;  p ← p − η·g/√(v − m² + ε).
 * v − m² ≥ 0 always (both averages start at 0 and their weights sum to 1 − ρᵗ ≤ 1).
 */
export class RMSpropGraves extends BaseOptimizer<MomentState> {
  constructor(
    public eta: number,
    readonly rho: number,
    readonly eps: number,
  ) {
    super('RMSpropGraves');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number, like: FloatArray): MomentState {
    return createMoments(size, (n) => this.stateArray(like, n));
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MomentState): void {
    const { eta, rho, eps } = this;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, rho, rho);
      p[i] -= (eta * g[i]) / Math.sqrt(s.v[i] - s.m[i] * s.m[i] + eps);
    }
  }
}

/** Registry entry for RMSpropGraves. */
export const rmspropGravesEntry: OptimizerEntry = {
  name: 'RMSpropGraves',
  summary: 'RMSprop centred on the running mean: divides by a running standard deviation of the gradient.',
  formula: 'm ← ρ·m + (1 − ρ)·g;  v ← ρ·v + (1 − ρ)·g²;  p ← p − η·g / √(v − m² + ε)',
  params: [
    rate('eta', 1e-4, 'Learning rate η.'),
    decay('rho', 0.95, 'Decay ρ of both running averages.'),
    epsilon('eps', 1e-4, 'ε inside the square root (PyTorch RMSprop(centered=True) adds it outside).'),
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['rmsprop_graves'], className: 'RMSpropGraves' },
  create: (h) => new RMSpropGraves(h.eta, h.rho, h.eps),
};
