/** Plain stochastic gradient descent. */
import { pyFloat } from '../export/pytorch/python-text';
import type { FloatArray } from '../linalg/float-array';
import { BaseOptimizer } from './base';
import type { OptimizerEntry } from './optimizer';
import { rate } from './param-specs';

/** SGD: p ← p − η·g. Keeps no state. */
export class SGD extends BaseOptimizer<null> {
  constructor(public eta: number) {
    super('SGD');
  }

  /** Sets the learning rate η (a schedule's rate for the coming epoch). */
  setLearningRate(lr: number): void {
    this.eta = lr;
  }

  protected createState(): null {
    return null;
  }

  protected updateTensor(p: FloatArray, g: FloatArray): void {
    if (this.kernelStep('sgd', p, g, [], [this.eta])) return;
    // p ← p − η g
    for (let i = 0; i < p.length; i++) p[i] -= this.eta * g[i];
  }
}

/** Registry entry for SGD (the reference registered it as "SDG", kept as an alias). */
export const sgdEntry: OptimizerEntry = {
  name: 'SGD',
  aliases: ['SDG'],
  summary: 'Stochastic gradient descent: a fixed step against the gradient.',
  formula: 'p ← p − η·g',
  params: [rate('eta', 1e-2, 'Learning rate η.')],
  // PyTorch: a torch.optim built-in with translated arguments
  learningRate: 'eta',
  pytorch: { kind: 'torch', construct: (h) => `torch.optim.SGD(params, lr=${pyFloat(h.eta)})` },
  create: (h) => new SGD(h.eta),
};
