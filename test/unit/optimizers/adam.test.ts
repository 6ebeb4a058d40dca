import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer Adam', () => {
  it('first step by hand: α₁ = α·√(1 − β₂)/(1 − β₁), p ← p − α₁·m/√(v + ε)', () => {
    // α = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // m = 0.1·g = [0.05, −0.2];  v = 0.001·g² = [0.00025, 0.004]
    // α₁ = 1e-3·√0.001/0.1 = 3.16227766017e-4
    // √(v + ε) = [√0.00025001, √0.00400001] = [0.0158117045254, 0.0632456322603]
    // step = α₁·m/√(v + ε) = [0.9999800006e-3, −0.99999875e-3]
    // p = [0.9990000199994, −0.9990000012500]
    assertCloseArray(firstStep('Adam', {}, [1, -1], [0.5, -2]), [0.9990000199994, -0.99900000125], 1e-12);
  });

  fixtureTests('Adam');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('Adam'));
});
