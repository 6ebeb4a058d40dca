/** RMSprop: steps divided by a running root mean square of the gradient. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { decay, epsilon, rate } from './param-specs';

/** Per-tensor state of RMSprop: the running mean v of g². */
interface SquareAverageState {
  v: FloatArray;
}

/** RMSprop: v ← ρ·v + (1 − ρ)·g²; p ← p − η·g/√(v + ε). */
export class RMSprop extends BaseOptimizer<SquareAverageState> {
  constructor(
    public eta: number,
    readonly rho: number,
    readonly eps: number,
  ) {
    super('RMSprop');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number, like: FloatArray): SquareAverageState {
    return { v: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: SquareAverageState): void {
    const { eta, rho, eps } = this;
    for (let i = 0; i < p.length; i++) {
      s.v[i] = rho * s.v[i] + (1 - rho) * g[i] * g[i]; // v ← ρ v + (1 − ρ) g²
      p[i] -= (eta * g[i]) / Math.sqrt(s.v[i] + eps); //  p ← p − η g/√(v + ε)
    }
  }
}

/** Registry entry for RMSprop. */
export const rmspropEntry: OptimizerEntry = {
  name: 'RMSprop',
  summary: 'Divides the step by a running root mean square of recent gradients.',
  formula: 'v ← ρ·v + (1 − ρ)·g²;  p ← p − η·g / √(v + ε)',
  params: [
    rate('eta', 1e-2, 'Learning rate η.'),
    decay('rho', 0.99, 'Decay ρ of the squared-gradient average.'),
    epsilon('eps', 1e-8, 'ε, inside the square root (the reference convention; PyTorch adds it outside).'),
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['rmsprop'], className: 'RMSprop' },
  create: (h) => new RMSprop(h.eta, h.rho, h.eps),
};
