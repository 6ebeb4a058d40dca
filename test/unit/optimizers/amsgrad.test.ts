import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer AMSGrad', () => {
  it('first step by hand: v̂ = v, p ← p − α/√1·m/√(v̂ + ε)', () => {
    // α = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2]   (no bias correction)
    // m = 0.1·g = [0.05, −0.2];  v̂ = v = 0.001·g² = [0.00025, 0.004]
    // √(v̂ + ε) = [0.0158117045254, 0.0632456322603]
    // step = 1e-3·m/√(v̂ + ε) = [3.162214416512e-3, −3.162273707329e-3]
    // p = [0.9968377855835, −0.9968377262927]
    assertCloseArray(firstStep('AMSGrad', {}, [1, -1], [0.5, -2]), [0.9968377855835, -0.9968377262927], 1e-12);
  });

  fixtureTests('AMSGrad');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('AMSGrad'));
});
