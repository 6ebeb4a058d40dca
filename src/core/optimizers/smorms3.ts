/** SMORMS3 (Simon Funk): RMSprop with an adaptive memory length per coordinate. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { epsilon, rate } from './param-specs';

/** Per-tensor state of SMORMS3: memory s, moments m, v (zeta is recomputed each step). */
interface Smorms3State {
  s: FloatArray;
  m: FloatArray;
  v: FloatArray;
}

/**
 * SMORMS3, as written in the reference:
 *   ρ = 1/(1 + s);  m ← ρ·m + (1 − ρ)·g;  v ← ρ·v + (1 − ρ)·g²;  ζ = m²/(v + ε)
 *   p ← p − g·min(η, ζ)/√(v + ε);  s ← 1 + (1 − ζ)·s      (s starts at 1, m and v at 0)
 * Every tensor has its own s, m, v and ζ (the reference assigned the weights' ζ twice, so the
 * bias used ζ = 0 forever and the weights used the bias' ζ).
 */
export class SMORMS3 extends BaseOptimizer<Smorms3State> {
  constructor(
    public eta: number,
    readonly eps: number,
  ) {
    super('SMORMS3');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number, like: FloatArray): Smorms3State {
    return { s: this.stateArray(like, size).fill(1), m: this.stateArray(like, size), v: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, st: Smorms3State): void {
    const { eta, eps } = this;
    for (let i = 0; i < p.length; i++) {
      const rho = 1 / (1 + st.s[i]);
      st.m[i] = rho * st.m[i] + (1 - rho) * g[i];
      st.v[i] = rho * st.v[i] + (1 - rho) * g[i] * g[i];
      const zeta = (st.m[i] * st.m[i]) / (st.v[i] + eps);
      p[i] -= (g[i] * Math.min(eta, zeta)) / Math.sqrt(st.v[i] + eps);
      st.s[i] = 1 + (1 - zeta) * st.s[i];
    }
  }
}

/** Registry entry for SMORMS3. */
export const smorms3Entry: OptimizerEntry = {
  name: 'SMORMS3',
  summary: 'RMSprop whose averaging memory adapts per coordinate to how consistent the gradient is.',
  formula: 'ρ = 1/(1 + s);  m ← ρ·m + (1 − ρ)·g;  v ← ρ·v + (1 − ρ)·g²;  ζ = m²/(v + ε);  p ← p − g·min(η, ζ)/√(v + ε);  s ← 1 + (1 − ζ)·s',
  params: [rate('eta', 1e-3, 'Largest learning rate η (the step uses min(η, ζ)).'), epsilon('eps', 1e-8, 'ε in ζ’s denominator and inside the square root.')],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['smorms3'], className: 'SMORMS3' },
  create: (h) => new SMORMS3(h.eta, h.eps),
};
