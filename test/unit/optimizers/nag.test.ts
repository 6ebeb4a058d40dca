import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer NAG', () => {
  it('first step by hand: v = −(1 − μ)·η·g; p ← p + μ·v − (1 − μ)·η·g', () => {
    // η = 0.01, μ = 0.9 → (1 − μ)·η = 0.001;  p = [1, −1], g = [0.5, −2]
    // v = [−0.0005, 0.002];  p += 0.9·v − 0.001·g = [−0.00045 − 0.0005, 0.0018 + 0.002] = [−0.00095, 0.0038]
    // p = [0.99905, −0.9962]
    assertCloseArray(firstStep('NAG', {}, [1, -1], [0.5, -2]), [0.99905, -0.9962]);
  });

  fixtureTests('NAG');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('NAG'));
});
