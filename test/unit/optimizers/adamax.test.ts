import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer AdaMax', () => {
  it('first step by hand: u = |g| + ε, p ← p − α/(1 − β₁)·m/u', () => {
    // α = 2e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // m = 0.1·g = [0.05, −0.2];  u = max(0, |g| + ε) = [0.50000001, 2.00000001]
    // α/(1 − β₁) = 0.02;  step = 0.02·m/u = [0.001/0.50000001, −0.004/2.00000001] = [1.99999996e-3, −1.99999999e-3]
    // p = [0.99800000004, −0.99800000001]
    assertCloseArray(firstStep('AdaMax', {}, [1, -1], [0.5, -2]), [0.99800000004, -0.99800000001], 1e-12);
  });

  fixtureTests('AdaMax');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('AdaMax'));
});
