import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer AdaDelta', () => {
  it('first step by hand: v = (1 − ρ)·g², Δp = −g·√(0 + ε)/√(v + ε)', () => {
    // ρ = 0.95, ε = 1e-6, p = [1, −1], g = [0.5, −2]
    // v = 0.05·g² = [0.0125, 0.2];  √(v + ε) = [√0.012501, √0.200001] = [0.1118078709215, 0.4472147135325]
    // √(u + ε) = √1e-6 = 1e-3;  Δp = −g·1e-3/√(v + ε) = [−0.004471957080, 0.004472124775]
    // p = [0.995528042920, −0.995527875225]
    assertCloseArray(firstStep('AdaDelta', {}, [1, -1], [0.5, -2]), [0.99552804292, -0.995527875225], 1e-11);
  });

  fixtureTests('AdaDelta');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('AdaDelta'));
});
