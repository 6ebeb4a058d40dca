import { optimizerRegistry } from '../../../src/core/optimizers';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer MSGD', () => {
  it('first step by hand: Δp = μ·0 − (1 − μ)·η·g', () => {
    // η = 0.01, μ = 0.9 → (1 − μ)·η = 0.001;  p = [1, −1], g = [0.5, −2]
    // Δp = [−0.0005, 0.002] → p = [0.9995, −0.998]
    assertCloseArray(firstStep('MSGD', {}, [1, -1], [0.5, -2]), [0.9995, -0.998]);
  });

  it('second step keeps μ of the first update', () => {
    // Same g twice: Δp₂ = 0.9·Δp₁ − 0.001·g = [−0.00045 − 0.0005, 0.0018 + 0.002] = [−0.00095, 0.0038]
    // p = [0.9995 − 0.00095, −0.998 + 0.0038] = [0.99855, −0.9942]
    const p = Float64Array.from([1, -1]);
    const g = Float64Array.from([0.5, -2]);
    const opt = optimizerRegistry.create('MSGD');
    opt.step([p], [g]);
    opt.step([p], [g]);
    assertCloseArray(p, [0.99855, -0.9942]);
  });

  fixtureTests('MSGD');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('MSGD'));
});
