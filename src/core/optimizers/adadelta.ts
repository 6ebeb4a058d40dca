/** AdaDelta: a step size from the ratio of update and gradient running RMS. */
import type { FloatArray } from '../linalg/float-array';
import { pyFloat } from '../export/pytorch/python-text';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { decay, epsilon } from './param-specs';

/** Per-tensor state of AdaDelta: running means of g² (v) and of Δp² (u). */
interface DeltaState {
  v: FloatArray;
  u: FloatArray;
}

/**
 * AdaDelta: v ← ρ·v + (1 − ρ)·g²; Δp = −g·√(u + ε)/√(v + ε); u ← ρ·u + (1 − ρ)·Δp²; p ← p + Δp.
 * No learning rate: the units of Δp come from the running RMS of past updates.
 */
export class AdaDelta extends BaseOptimizer<DeltaState> {
  constructor(
    readonly rho: number,
    readonly eps: number,
  ) {
    super('AdaDelta');
  }

  protected createState(size: number, like: FloatArray): DeltaState {
    return { v: this.stateArray(like, size), u: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: DeltaState): void {
    const { rho, eps } = this;
    for (let i = 0; i < p.length; i++) {
      s.v[i] = rho * s.v[i] + (1 - rho) * g[i] * g[i];
      const dp = (-g[i] * Math.sqrt(s.u[i] + eps)) / Math.sqrt(s.v[i] + eps);
      s.u[i] = rho * s.u[i] + (1 - rho) * dp * dp;
      p[i] += dp;
    }
  }
}

/** Registry entry for AdaDelta. */
export const adadeltaEntry: OptimizerEntry = {
  name: 'AdaDelta',
  summary: 'RMSprop whose learning rate is replaced by the running RMS of past updates (no η).',
  formula: 'v ← ρ·v + (1 − ρ)·g²;  Δp = −g·√(u + ε) / √(v + ε);  u ← ρ·u + (1 − ρ)·Δp²;  p ← p + Δp',
  params: [
    decay('rho', 0.95, 'Decay ρ of both running averages.'),
    epsilon('eps', 1e-6, 'ε inside both square roots; also sets the size of the first steps.', true),
  ],
  // PyTorch: torch's Adadelta is this rule with lr = 1 (ε inside both roots in both).
  pytorch: { kind: 'torch', construct: (h) => `torch.optim.Adadelta(params, lr=1.0, rho=${pyFloat(h.rho)}, eps=${pyFloat(h.eps)})` },
  create: (h) => new AdaDelta(h.rho, h.eps),
};
