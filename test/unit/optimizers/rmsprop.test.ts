import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer RMSprop', () => {
  it('first step by hand: v = (1 − ρ)·g², p ← p − η·g/√(v + ε)', () => {
    // η = 0.01, ρ = 0.99, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // v = 0.01·g² = [0.0025, 0.04];  √(v + ε) = [0.0500000999999, 0.200000025] (≈ √v + ε/(2√v))
    // step = 0.01·[0.5/0.0500000999999, −2/0.200000025] = [0.0999998000006, −0.0999999875]
    // p = [0.9000001999994, −0.9000000125]
    assertCloseArray(firstStep('RMSprop', {}, [1, -1], [0.5, -2]), [0.9000001999994, -0.9000000125], 1e-11);
  });

  fixtureTests('RMSprop');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('RMSprop'));
});
