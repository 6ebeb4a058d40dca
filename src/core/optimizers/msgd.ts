/** Momentum SGD, with the reference's (1 − μ)·η step scaling. */
import { pyFloat } from '../export/pytorch/python-text';
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { decay, rate } from './param-specs';

/** Per-tensor state of MSGD: the momentum buffer b (a running sum of gradients). */
interface MomentumState {
  b: FloatArray;
}

/**
 * Momentum SGD: Δp ← μ·Δp − (1 − μ)·η·g; p ← p + Δp (the reference's form).
 * The (1 − μ) factor is the reference's convention (PyTorch's SGD with momentum μ and
 * lr = (1 − μ)·η, dampening 0, gives the same trajectory).
 * Stored as PyTorch stores it, in gradient units: b ← μ·b + g; p ← p − (1 − μ)·η·b. With a constant
 * η this is the same trajectory (Δp = −(1 − μ)·η·b); when a schedule changes η, the new rate scales
 * the whole buffer, as `torch.optim.lr_scheduler` does with torch's SGD (a rate of 0 stops the
 * parameters instead of letting them coast on the old velocity).
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

  protected createState(size: number, like: FloatArray): MomentumState {
    return { b: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MomentumState): void {
    const { eta, mu } = this;
    const lr = (1 - mu) * eta;
    if (this.kernelStep('msgd', p, g, [s.b], [mu, lr])) return;
    for (let i = 0; i < p.length; i++) {
      // b ← μ b + g ;  p ← p − (1 − μ) η b
      s.b[i] = mu * s.b[i] + g[i];
      p[i] -= lr * s.b[i];
    }
  }
}

/** Registry entry for MSGD. */
export const msgdEntry: OptimizerEntry = {
  name: 'MSGD',
  summary: 'SGD with momentum: each update keeps a fraction μ of the previous one.',
  formula: "Δp ← μ·Δp − (1 − μ)·η·g;  p ← p + Δp   (kept as b ← μ·b + g, p ← p − (1 − μ)·η·b: a schedule's new η scales the whole step, as in PyTorch)",
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
