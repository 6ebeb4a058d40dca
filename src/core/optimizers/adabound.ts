/** AdaBound: Adam whose per-coordinate rates are clipped into bounds converging to SGD's. */
import { BoundedRateOptimizer, BoundParams, boundParams } from './bounded-rate';
import type { OptimizerEntry } from './optimizer';

/** AdaBound: p ← p − clip(α/√v, η_l(t), η_u(t))/√t · m (see BoundedRateOptimizer). */
export class AdaBound extends BoundedRateOptimizer {
  constructor(h: BoundParams) {
    super('AdaBound', h, false);
  }
}

/** Registry entry for AdaBound. */
export const adaboundEntry: OptimizerEntry = {
  name: 'AdaBound',
  summary: 'Adam with its per-coordinate rate clipped into bounds that tighten to the SGD rate η.',
  formula: 'η_l = η·(1 − 1/((1 − β₂)·t + 1));  η_u = η·(1 + 1/((1 − β₂)·t + ε));  p ← p − clip(α/√v, η_l, η_u)/√t · m',
  params: boundParams(),
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  scaledWithRate: ['eta'],
  pytorch: { kind: 'class', files: ['bounded_rate'], className: 'AdaBound' },
  create: (h) => new AdaBound({ alpha: h.alpha, eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
};
