/** Eve: Adam whose step shrinks when the loss changes fast (Hayashi et al., v3). */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import { createMoments, MomentState, updateMoments } from './moments';
import type { OptimizerEntry } from './optimizer';
import { adamBetas, decay, epsilon, rate } from './param-specs';

/** Eve hyper-parameters. */
export interface EveParams {
  alpha: number;
  beta1: number;
  beta2: number;
  beta3: number;
  c: number;
  eps: number;
  fstar: number;
}

/**
 * Eve (Hayashi, Koushik & Neubig, arXiv:1611.01505 v3). Per tensor, Adam's moments:
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  m̂ = m/(1 − β₁ᵗ);  v̂ = v/(1 − β₂ᵗ)
 * Once per step, global feedback from the loss f (passed to `step`):
 *   t = 1:  d̃ = 1
 *   t > 1:  d = |f − f_prev| / (min(f, f_prev) − f*);  d̂ = clip(d, 1/c, c);  d̃ ← β₃·d̃ + (1 − β₃)·d̂
 *   p ← p − α·m̂ / (d̃·(√v̂ + ε))
 * When min(f, f_prev) ≤ f* the relative change is unbounded (or 0/0): d̂ = c, the most
 * cautious value. The reference used |f − f*| as numerator (so d ≥ 1, and d̂ = 1 whenever the
 * loss fell: Eve was Adam) and a default f = 1 instead of the real loss.
 */
export class Eve extends BaseOptimizer<MomentState> {
  private dTilde = 1;
  private fPrev = Number.NaN;

  constructor(readonly h: EveParams) {
    super('Eve');
  }

  /** The current feedback coefficient d̃ (1 until the second step). */
  get feedback(): number {
    return this.dTilde;
  }

  protected override beginStep(t: number, loss: number | undefined): void {
    if (loss === undefined || !Number.isFinite(loss))
      throw new Error(`Eve needs the loss of every step: call step(params, grads, loss) with a finite loss (got ${loss}).`);
    const { beta3, c, fstar } = this.h;
    if (t === 1) {
      this.dTilde = 1;
    } else {
      const den = Math.min(loss, this.fPrev) - fstar;
      const d = den > 0 ? Math.abs(loss - this.fPrev) / den : c;
      const dHat = Math.min(Math.max(d, 1 / c), c);
      this.dTilde = beta3 * this.dTilde + (1 - beta3) * dHat;
    }
    this.fPrev = loss;
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
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, beta1, beta2);
      p[i] -= (alpha * (s.m[i] / c1)) / (this.dTilde * (Math.sqrt(s.v[i] / c2) + eps));
    }
  }
}

/** Registry entry for Eve. */
export const eveEntry: OptimizerEntry = {
  name: 'Eve',
  summary: 'Adam with a global step factor 1/d̃ driven by the relative change of the loss.',
  formula: 'd = |f − f_prev| / (min(f, f_prev) − f*);  d̃ ← β₃·d̃ + (1 − β₃)·clip(d, 1/c, c)  (d̃ = 1 at t = 1);  p ← p − α·m̂ / (d̃·(√v̂ + ε))',
  params: [
    rate('alpha', 1e-3, 'Step size α.'),
    ...adamBetas(),
    decay('beta3', 0.999, 'Decay β₃ of the loss-feedback average d̃.'),
    { name: 'c', default: 10, doc: 'Clipping range [1/c, c] of the feedback d.', min: 1 },
    epsilon('eps', 1e-8, 'ε added to √v̂ (outside the root, as in the paper and the reference).'),
    { name: 'fstar', default: 0, doc: 'f*: a lower bound of the loss (0 for the losses here).' },
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  pytorch: { kind: 'class', files: ['eve'], className: 'Eve' },
  create: (h) => new Eve({ alpha: h.alpha, beta1: h.beta1, beta2: h.beta2, beta3: h.beta3, c: h.c, eps: h.eps, fstar: h.fstar }),
};
