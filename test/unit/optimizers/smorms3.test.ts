import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SMORMS3', () => {
  it('first step by hand: s = 1 → ρ = ½, ζ = m²/(v + ε), p ← p − g·min(η, ζ)/√(v + ε)', () => {
    // η = 1e-3, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // ρ = 1/(1 + 1) = 0.5;  m = 0.5·g = [0.25, −1];  v = 0.5·g² = [0.125, 2]
    // ζ = m²/(v + ε) = [0.0625/0.12500001, 1/2.00000001] ≈ [0.49999996, 0.4999999975] → min(η, ζ) = η
    // √(v + ε) = [0.3535534047354, 1.4142135659086]
    // step = g·1e-3/√(v + ε) = [1.414213505804e-3, −1.414213558837e-3]
    // p = [0.9985857864942, −0.9985857864412]
    assertCloseArray(firstStep('SMORMS3', {}, [1, -1], [0.5, -2]), [0.9985857864942, -0.9985857864412], 1e-12);
  });

  fixtureTests('SMORMS3');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('SMORMS3'));
});
