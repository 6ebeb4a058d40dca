/** SantaE: Santa with Euler integration (Chen et al. 2016, Algorithm 1). */
import type { FloatArray } from '../linalg/float-array';
import { Rng } from '../rng';
import type { OptimizerEntry } from './optimizer';
import { SantaBase, SantaParams, santaParams, SantaState } from './santa-common';

/**
 * SantaE, per coordinate, with β = t^anne_rate and G = 1/√(λ + √v):
 *   exploration (t < burnin):
 *     α ← α + u² − η/β
 *     u' = η/β·(1 − G_prev/G)/u + √(2·η/β·G_prev)·z + (1 − α)·u − η·G·g,   z ~ N(0, 1)
 *   refinement:  u' = (1 − α)·u − η·G·g
 *   p ← p + G·u';  u ← u';  G_prev ← G
 * with G_prev = G on the first step and α clipped to [0, 2] in (1 − α)·u (deviations: see SantaBase).
 */
export class SantaE extends SantaBase {
  constructor(h: SantaParams, rng: Rng) {
    super('SantaE', h, rng);
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: SantaState, t: number): void {
    const { eta, anne_rate, burnin } = this.h;
    const temp = eta / t ** anne_rate; // η/β
    const explore = t < burnin;
    for (let i = 0; i < p.length; i++) {
      const G = this.precondition(s, g[i], i);
      const u = s.u[i];
      const gPrev = this.previous(s, G, i);
      let next = 0;
      if (explore) {
        s.alpha[i] += u * u - temp;
        next = (temp * (1 - gPrev / G)) / u + Math.sqrt(2 * temp * gPrev) * this.noise();
      }
      // The friction in (1 − α)·u is clipped to [0, 2], where this Euler step is stable (a deviation).
      const friction = Math.min(Math.max(s.alpha[i], 0), 2);
      next += (1 - friction) * u - eta * G * g[i];
      s.u[i] = next;
      s.gPrev[i] = G;
      p[i] += G * next;
    }
  }
}

/** Registry entry for SantaE. */
export const santaEEntry: OptimizerEntry = {
  name: 'SantaE',
  summary:
    'Stochastic annealing thermostat (Euler scheme): noisy exploration for `burnin` steps, then preconditioned momentum descent. Deviations from the reference, which diverged at once with its defaults: λ defaults to 1 (bounding G ≤ 1/√λ), G_prev starts at the first G, and α is clipped to [0, 2] in (1 − α)·u.',
  formula:
    'G = 1/√(λ + √v);  explore: α ← α + u² − η/β;  u ← η/β·(1 − G_prev/G)/u + √(2η/β·G_prev)·z + (1 − clip(α, 0, 2))·u − η·G·g;  refine: u ← (1 − clip(α, 0, 2))·u − η·G·g;  p ← p + G·u',
  params: santaParams(),
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['santa_base', 'santa_e'], className: 'SantaE', rng: true },
  create: (h, ctx) => new SantaE({ eta: h.eta, sigma: h.sigma, lambda: h.lambda, anne_rate: h.anne_rate, burnin: h.burnin, C: h.C, N: h.N }, ctx.rng),
};
