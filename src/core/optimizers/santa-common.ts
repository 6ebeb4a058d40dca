/** What SantaE and SantaSSS share: hyper-parameters, state, preconditioner and noise. */
import type { FloatArray } from '../linalg/float-array';
import { ParamSpec } from '../registry';
import { Rng } from '../rng';
import { BaseOptimizer } from './base';
import { decay, epsilon, rate } from './param-specs';

/** Santa hyper-parameters (the reference's `lambda_` is `lambda`). */
export interface SantaParams {
  eta: number;
  sigma: number;
  lambda: number;
  anne_rate: number;
  burnin: number;
  C: number;
  N: number;
}

/** Per-tensor state: momentum u, thermostat α, average v of g²/N², previous preconditioner G (NaN before the first step). */
export interface SantaState {
  u: FloatArray;
  alpha: FloatArray;
  v: FloatArray;
  gPrev: FloatArray;
}

/**
 * Base of the two Santa variants (Chen et al., AISTATS 2016, as written in the reference).
 * State is created on a tensor's first use, at whatever step that is:
 *   u = √η·N(0, 1) (one draw per element, in order), α = √η·C, v = 0, G_prev unset (NaN).
 * All normals come from the run's seeded `rng`. Annealing: β(t) = t^anne_rate.
 * Exploration (the noisy, annealed dynamics) runs while t < burnin, refinement after.
 *
 * The exploration term η/β·(1 − G_prev/G)/u divides by u exactly as the paper does. u is a
 * continuous random variable, so u = 0 has probability 0 and is not guarded.
 *
 * Deviations from the reference, which diverged in its first epoch on every shipped example:
 *   - G_prev starts at the first step's own G (the reference starts it at 0, so the first kick
 *     was η/u, huge for a small drawn u, and the first noise was zero);
 *   - λ defaults to 1 (the reference: 1e-8), which bounds the preconditioner G = 1/√(λ + √v) ≤ 1/√λ;
 *     with the mean mini-batch gradients used here, v is tiny and G reached 10⁴;
 *   - SantaE only: the friction α in (1 − α)·u is clipped to [0, 2], where the Euler step is stable.
 */
export abstract class SantaBase extends BaseOptimizer<SantaState> {
  constructor(
    name: string,
    readonly h: SantaParams,
    private readonly rng: Rng,
  ) {
    super(name);
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.h.eta = lr;
  }

  protected createState(size: number, like: FloatArray): SantaState {
    const root = Math.sqrt(this.h.eta);
    const u = this.stateArray(like, size);
    for (let i = 0; i < size; i++) u[i] = root * this.rng.normal();
    // G_prev is unset (NaN) until the first step, which takes the first preconditioner as G_prev.
    return { u, alpha: this.stateArray(like, size).fill(root * this.h.C), v: this.stateArray(like, size), gPrev: this.stateArray(like, size).fill(NaN) };
  }

  /** G_prev at coordinate i: the previous step's G, or `G` itself on the first step (see the class comment). */
  protected previous(s: SantaState, G: number, i: number): number {
    const prev = s.gPrev[i];
    return prev === prev ? prev : G; // NaN (unset) is the only value not equal to itself
  }

  /** v ← σ·v + (1 − σ)·g²/N²;  returns G = 1/√(λ + √v) at coordinate i. */
  protected precondition(s: SantaState, g: number, i: number): number {
    const { sigma, lambda, N } = this.h;
    s.v[i] = sigma * s.v[i] + ((1 - sigma) * g * g) / (N * N);
    return 1 / Math.sqrt(lambda + Math.sqrt(s.v[i]));
  }

  /** One standard normal draw from the run's generator. */
  protected noise(): number {
    return this.rng.normal();
  }
}

/** The parameter specs shared by SantaE and SantaSSS, with the reference's defaults. */
export function santaParams(): ParamSpec[] {
  return [
    rate('eta', 1e-2, 'Learning rate η.'),
    decay('sigma', 0.95, 'Decay σ of the squared-gradient average v.'),
    epsilon('lambda', 1, 'λ in G = 1/√(λ + √v), so G ≤ 1/√λ (the reference’s lambda_; its default 1e-8 let G reach 10⁴ and blew up the first steps).', true),
    { name: 'anne_rate', default: 0.5, doc: 'Annealing rate: inverse temperature β(t) = t^anne_rate.', min: 0 },
    { name: 'burnin', default: 100, doc: 'Steps of exploration (t < burnin) before refinement.', min: 0, integer: true },
    { name: 'C', default: 5, doc: 'Initial thermostat α = √η·C.', min: 0 },
    { name: 'N', default: 16, doc: 'Scale N in v ← σ·v + (1 − σ)·g²/N² (the reference: number of mini-batches).', min: 1 },
  ];
}
