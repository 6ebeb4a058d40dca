/** The rate clipping AdaBound and AMSBound share (Luo et al. 2019, as in the reference). */
import type { FloatArray } from '../linalg/float-array';
import { ParamSpec } from '../registry';
import { BaseOptimizer } from './base';
import { createMaxMoments, MaxMomentState, updateMoments } from './moments';
import { adamBetas, epsilon, rate } from './param-specs';

/** AdaBound / AMSBound hyper-parameters. */
export interface BoundParams {
  alpha: number;
  eta: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/**
 * Adam-like steps whose per-coordinate rate is clipped into bounds that tighten towards η:
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  (AMSBound: v̂ ← max(v̂, v), used for v)
 *   η_l = η·(1 − 1/((1 − β₂)·t + 1));  η_u = η·(1 + 1/((1 − β₂)·t + ε))
 *   p ← p − clip(α/√v, η_l, η_u)/√t · m
 * No bias correction, as in the reference. α/√0 = ∞ is clipped to η_u.
 */
export abstract class BoundedRateOptimizer extends BaseOptimizer<MaxMomentState> {
  /** α and η as configured (a schedule scales both from these). */
  private readonly initial: { alpha: number; eta: number };

  constructor(
    name: string,
    readonly h: BoundParams,
    private readonly useMax: boolean,
  ) {
    super(name);
    this.initial = { alpha: h.alpha, eta: h.eta };
  }

  /**
   * Sets the learning rate α (a schedule's rate for the coming epoch) and moves the final rate the
   * bounds converge to with it, η = η₀·α/α₀ (as Luo et al.'s reference code scales final_lr by lr/base_lr).
   */
  setLearningRate(lr: number): void {
    this.h.alpha = lr;
    if (this.initial.alpha !== 0) this.h.eta = (this.initial.eta * lr) / this.initial.alpha;
  }

  protected createState(size: number, like: FloatArray): MaxMomentState {
    return createMaxMoments(size, (n) => this.stateArray(like, n));
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: MaxMomentState, t: number): void {
    const { alpha, eta, beta1, beta2, eps } = this.h;
    const lower = eta * (1 - 1 / ((1 - beta2) * t + 1));
    const upper = eta * (1 + 1 / ((1 - beta2) * t + eps));
    const rootT = Math.sqrt(t);
    if (this.kernelStep(this.useMax ? 'amsbound' : 'adabound', p, g, [s.m, s.v, s.vMax], [beta1, beta2, alpha, lower, upper, rootT])) return;
    for (let i = 0; i < p.length; i++) {
      updateMoments(s, g[i], i, beta1, beta2);
      s.vMax[i] = Math.max(s.vMax[i], s.v[i]);
      const v = this.useMax ? s.vMax[i] : s.v[i];
      const clipped = Math.min(Math.max(alpha / Math.sqrt(v), lower), upper);
      p[i] -= (clipped / rootT) * s.m[i];
    }
  }
}

/** The parameter specs shared by AdaBound and AMSBound. */
export function boundParams(): ParamSpec[] {
  return [
    rate('alpha', 1e-3, 'Adam-like step size α (before clipping).'),
    rate('eta', 1e-1, 'Final (SGD) learning rate η the bounds converge to.'),
    ...adamBetas(),
    epsilon('eps', 1e-8, 'ε in the upper bound’s denominator.', true),
  ];
}
