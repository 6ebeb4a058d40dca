/** SantaSSS: Santa with symmetric splitting (Chen et al. 2016, Algorithm 2), as in the reference. */
import type { FloatArray } from '../linalg/float-array';
import { Rng } from '../rng';
import type { OptimizerEntry } from './optimizer';
import { SantaBase, SantaParams, santaParams, SantaState } from './santa-common';

/**
 * SantaSSS, per coordinate, with β = t^anne_rate and G = 1/√(λ + √v):
 *   exploration (t < burnin):
 *     α ← α + (u² − η/β)/2;  u' = e^(−α/2)·u
 *     u' ← u' − G·g·η + √(2·G_prev·η/β)·z + η/β·(1 − G_prev/G)/u,   z ~ N(0, 1)
 *     u' ← e^(−α/2)·u';  α ← α + (u'² − η/β)/2
 *   refinement:  u' = e^(−α/2)·(e^(−α/2)·u − G·g·η)
 *   p ← p + G·u'/2
 * with G_prev = G on the first step (a deviation: see SantaBase).
 * As in the reference, only the closing half-step p ← p + G·u'/2 is applied: the paper's
 * opening half-step p ← p + G_prev·u/2 (which the reference computes and discards) is absent.
 */
export class SantaSSS extends SantaBase {
  constructor(h: SantaParams, rng: Rng) {
    super('SantaSSS', h, rng);
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: SantaState, t: number): void {
    const { eta, anne_rate, burnin } = this.h;
    const temp = eta / t ** anne_rate; // η/β
    const explore = t < burnin;
    for (let i = 0; i < p.length; i++) {
      const G = this.precondition(s, g[i], i);
      const u = s.u[i];
      const gPrev = this.previous(s, G, i);
      let next: number;
      if (explore) {
        s.alpha[i] += 0.5 * (u * u - temp);
        const shrink = Math.exp(-0.5 * s.alpha[i]);
        next = shrink * u;
        next += -G * g[i] * eta + Math.sqrt(2 * gPrev * temp) * this.noise() + (temp * (1 - gPrev / G)) / u;
        next *= shrink;
        s.alpha[i] += 0.5 * (next * next - temp);
      } else {
        const shrink = Math.exp(-0.5 * s.alpha[i]);
        next = shrink * (shrink * u - G * g[i] * eta);
      }
      s.u[i] = next;
      s.gPrev[i] = G;
      p[i] += 0.5 * G * next;
    }
  }
}

/** Registry entry for SantaSSS. */
export const santaSSSEntry: OptimizerEntry = {
  name: 'SantaSSS',
  summary:
    'Stochastic annealing thermostat (symmetric splitting scheme): noisy exploration for `burnin` steps, then refinement. Deviations from the reference, which diverged at once on the spiral example: λ defaults to 1 (bounding G ≤ 1/√λ) and G_prev starts at the first G.',
  formula:
    'explore: α ← α + (u² − η/β)/2;  u ← e^(−α/2)·(e^(−α/2)·u − G·g·η + √(2G_prev·η/β)·z + η/β·(1 − G_prev/G)/u);  α ← α + (u² − η/β)/2;  refine: u ← e^(−α/2)·(e^(−α/2)·u − G·g·η);  p ← p + G·u/2',
  params: santaParams(),
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['santa_base', 'santa_sss'], className: 'SantaSSS', rng: true },
  create: (h, ctx) => new SantaSSS({ eta: h.eta, sigma: h.sigma, lambda: h.lambda, anne_rate: h.anne_rate, burnin: h.burnin, C: h.C, N: h.N }, ctx.rng),
};
