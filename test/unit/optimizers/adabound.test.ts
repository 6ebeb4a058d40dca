import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer AdaBound', () => {
  it('first step by hand: rate α/√v clipped into [η_l, η_u], p ← p − rate·m', () => {
    // α = 1e-3, η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2], t = 1
    // m = 0.1·g = [0.05, −0.2];  v (= v̂ at t = 1) = 0.001·g² = [0.00025, 0.004]
    // η_l = 0.1·(1 − 1/1.001) = 9.99000999e-5;  η_u = 0.1·(1 + 1/0.00100001) = 100.099000001
    // α/√v = 1e-3/[0.0158113883008, 0.0632455532034] = [0.0632455532034, 0.0158113883008]  (inside the bounds)
    // step = rate·m = [0.0632455532034·0.05, 0.0158113883008·(−0.2)] = [3.16227766017e-3, −3.16227766017e-3]
    // p = [0.99683772234, −0.99683772234]
    assertCloseArray(firstStep('AdaBound', {}, [1, -1], [0.5, -2]), [0.9968377223398, -0.9968377223398], 1e-12);
  });

  it('clips the rate to the upper bound when v = 0 (α/√0 = ∞)', () => {
    // g = [0, 1]: v₀ = 0 → rate = η_u = 100.099…, but m₀ = 0 so p₀ stays; p₁ as above: 1 − 0.1·α/√0.001
    // α/√(0.001·1) = 0.0316227766017;  step = 0.0316227766017·0.1 = 3.16227766017e-3
    assertCloseArray(firstStep('AdaBound', {}, [1, 1], [0, 1]), [1, 0.9968377223398], 1e-12);
  });

  fixtureTests('AdaBound');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('AdaBound'));
});
