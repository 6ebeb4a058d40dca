/** Nesterov accelerated gradient in the form that needs only the current gradient. */
import { pyFloat } from '../export/pytorch/python-text';
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { decay, rate } from './param-specs';

/** Per-tensor state of NAG: the momentum buffer b (gradient units; the velocity is v = −(1 − μ)·η·b). */
interface VelocityState {
  b: FloatArray;
}

/**
 * Nesterov accelerated gradient.
 *
 * The reference's look-ahead form evaluates the gradient at θ + μv:
 *   v ← μ·v − (1−μ)·η·∇f(θ + μ·v);   θ ← θ + v.
 * A layer-wise training loop only has ∇f at the current parameters, so we store the
 * shifted variable φ = θ + μ·v (the look-ahead point itself) instead of θ. Then
 *   φ_new = θ_new + μ·v_new = (θ + v_new) + μ·v_new = φ − μ·v + (1+μ)·v_new,
 * and substituting v_new = μ·v − (1−μ)·η·∇f(φ):
 *   φ_new = φ − μ·v + (1+μ)·μ·v − (1+μ)(1−μ)·η·∇f(φ)
 *         = φ + μ·(μ·v − (1−μ)·η·∇f(φ)) − (1−μ)·η·∇f(φ)
 *         = φ + μ·v_new − (1−μ)·η·∇f(φ).
 * So with g = ∇f(p) at the stored p = φ:
 *   v ← μ·v − (1−μ)·η·g;   p ← p + μ·v − (1−μ)·η·g,
 * the same trajectory as the look-ahead form, seen through φ (θ = φ − μ·v; both start equal
 * because v starts at 0). This is also PyTorch's SGD(nesterov=True) with lr = (1−μ)·η.
 * Stored as PyTorch stores it, in gradient units, v = −(1−μ)·η·b:
 *   b ← μ·b + g;   p ← p − (1−μ)·η·(g + μ·b),
 * the same trajectory for a constant η; when a schedule changes η the new rate scales the whole
 * buffer, as torch.optim.lr_scheduler does with torch's SGD.
 */
export class NAG extends BaseOptimizer<VelocityState> {
  constructor(
    public eta: number,
    readonly mu: number,
  ) {
    super('NAG');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number, like: FloatArray): VelocityState {
    return { b: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: VelocityState): void {
    const { eta, mu } = this;
    const lr = (1 - mu) * eta;
    if (this.kernelStep('nag', p, g, [s.b], [mu, lr])) return;
    for (let i = 0; i < p.length; i++) {
      s.b[i] = mu * s.b[i] + g[i]; // b ← μ b + g
      p[i] -= lr * (g[i] + mu * s.b[i]); // p ← p − (1−μ) η (g + μ b)
    }
  }
}

/** Registry entry for NAG. */
export const nagEntry: OptimizerEntry = {
  name: 'NAG',
  summary: 'Nesterov momentum: the gradient is taken at the look-ahead point (stored directly, so only the current gradient is needed).',
  formula: 'v ← μ·v − (1 − μ)·η·g;  p ← p + μ·v − (1 − μ)·η·g   (p is the look-ahead point θ + μ·v)',
  params: [rate('eta', 1e-2, 'Learning rate η. The step is scaled by (1 − μ)·η (the reference convention).'), decay('mu', 0.9, 'Momentum μ.')],
  // PyTorch: torch's Nesterov SGD; its lr = (1 − μ)·η gives NN Lab's trajectory (NN Lab scales the step by 1 − μ).
  learningRate: 'eta',
  pytorch: {
    kind: 'torch',
    lr: (rate, h) => `(1 - ${pyFloat(h.mu)}) * ${rate}`,
    construct: (h) => `torch.optim.SGD(params, lr=(1 - ${pyFloat(h.mu)}) * ${pyFloat(h.eta)}, momentum=${pyFloat(h.mu)}, nesterov=True)`,
  },
  create: (h) => new NAG(h.eta, h.mu),
};
