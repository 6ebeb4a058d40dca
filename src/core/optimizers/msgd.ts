/** Momentum SGD, with the reference's (1 − μ)·η step scaling. */
import { pyFloat } from '../export/pytorch/python-text';
import { BaseOptimizer, zeros } from './base';
import type { OptimizerEntry } from './optimizer';
import { decay, rate } from './param-specs';

/** Per-tensor state of MSGD: the previous update Δp. */
interface MomentumState {
  dp: Float64Array;
}

/**
 * Momentum SGD: Δp ← μ·Δp − (1 − μ)·η·g; p ← p + Δp.
 * The (1 − μ) factor is the reference's convention (PyTorch's SGD with momentum μ and
 * lr = (1 − μ)·η, dampening 0, gives the same trajectory).
 */
export class MSGD extends BaseOptimizer<MomentumState> {
  constructor(
    public eta: number,
    readonly mu: number,
  ) {
    super('MSGD');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number): MomentumState {
    return { dp: zeros(size) };
  }

  protected updateTensor(p: Float64Array, g: Float64Array, s: MomentumState): void {
    const { eta, mu } = this;
    for (let i = 0; i < p.length; i++) {
      // Δp ← μ Δp − (1 − μ) η g ;  p ← p + Δp
      s.dp[i] = mu * s.dp[i] - (1 - mu) * eta * g[i];
      p[i] += s.dp[i];
    }
  }
}

/** Registry entry for MSGD. */
export const msgdEntry: OptimizerEntry = {
  name: 'MSGD',
  summary: 'SGD with momentum: each update keeps a fraction μ of the previous one.',
  formula: 'Δp ← μ·Δp − (1 − μ)·η·g;  p ← p + Δp',
  params: [
    rate('eta', 1e-2, 'Learning rate η. The step is scaled by (1 − μ)·η (the reference convention; PyTorch uses lr·g without (1 − μ)).'),
    decay('mu', 0.9, 'Momentum μ: the fraction of the previous update kept.'),
  ],
  // PyTorch: torch's SGD with momentum; its lr = (1 − μ)·η gives NN Lab's trajectory (NN Lab scales the step by 1 − μ).
  learningRate: 'eta',
  pytorch: {
    kind: 'torch',
    lr: (rate, h) => `(1 - ${pyFloat(h.mu)}) * ${rate}`,
    construct: (h) => `torch.optim.SGD(params, lr=(1 - ${pyFloat(h.mu)}) * ${pyFloat(h.eta)}, momentum=${pyFloat(h.mu)})`,
  },
  create: (h) => new MSGD(h.eta, h.mu),
};
