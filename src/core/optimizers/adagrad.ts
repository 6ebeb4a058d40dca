/** AdaGrad: per-coordinate step sizes from the sum of squared gradients. */
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { epsilon, rate } from './param-specs';

/** Per-tensor state of AdaGrad: the running sum G of squared gradients. */
interface SumState {
  G: FloatArray;
}

/**
 * AdaGrad: G ← G + g²; p ← p − η·g/√(G + ε).
 * The reference had no ε, so a coordinate whose gradients were all zero gave 0/0 = NaN;
 * ε (inside the root, like the other optimizers here) makes that step 0.
 */
export class AdaGrad extends BaseOptimizer<SumState> {
  constructor(
    public eta: number,
    readonly eps: number,
  ) {
    super('AdaGrad');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(size: number, like: FloatArray): SumState {
    return { G: this.stateArray(like, size) };
  }

  protected updateTensor(p: FloatArray, g: FloatArray, s: SumState): void {
    for (let i = 0; i < p.length; i++) {
      s.G[i] += g[i] * g[i]; // G ← G + g²
      p[i] -= (this.eta * g[i]) / Math.sqrt(s.G[i] + this.eps); // p ← p − η g/√(G + ε)
    }
  }
}

/** Registry entry for AdaGrad. */
export const adagradEntry: OptimizerEntry = {
  name: 'AdaGrad',
  summary: 'Divides each coordinate’s step by the root of the sum of its squared gradients so far.',
  formula: 'G ← G + g²;  p ← p − η·g / √(G + ε)',
  params: [
    rate('eta', 1e-3, 'Learning rate η.'),
    epsilon('eps', 1e-8, 'ε inside the square root; keeps a zero gradient from giving 0/0 (new: the reference had none).', true),
  ],
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'eta',
  pytorch: { kind: 'class', files: ['adagrad'], className: 'AdaGrad' },
  create: (h) => new AdaGrad(h.eta, h.eps),
};
