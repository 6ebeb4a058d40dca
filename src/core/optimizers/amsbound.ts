/** AMSBound: AdaBound on AMSGrad's non-decreasing second moment. */
import { BoundedRateOptimizer, BoundParams, boundParams } from './bounded-rate';
import type { OptimizerEntry } from './optimizer';

/** AMSBound: v̂ ← max(v̂, v);  p ← p − clip(α/√v̂, η_l(t), η_u(t))/√t · m. */
export class AMSBound extends BoundedRateOptimizer {
  constructor(h: BoundParams) {
    super('AMSBound', h, true);
  }
}

/** Registry entry for AMSBound. */
export const amsboundEntry: OptimizerEntry = {
  name: 'AMSBound',
  summary: 'AdaBound using the running maximum v̂ of the second moment.',
  formula: 'v̂ ← max(v̂, v);  η_l = η·(1 − 1/((1 − β₂)·t + 1));  η_u = η·(1 + 1/((1 − β₂)·t + ε));  p ← p − clip(α/√v̂, η_l, η_u)/√t · m',
  params: boundParams(),
  // PyTorch: NN Lab’s update rule written out in python/optimizers/
  learningRate: 'alpha',
  scaledWithRate: ['eta'],
  pytorch: { kind: 'class', files: ['bounded_rate'], className: 'AMSBound' },
  create: (h) => new AMSBound({ alpha: h.alpha, eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
};
