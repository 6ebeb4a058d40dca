import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer Nadam', () => {
  it('first step by hand: m̂ = μ·m/(1 − μ²) + (1 − μ)·g/(1 − μ), v̂ = ν·v/(1 − ν)', () => {
    // α = 2e-3, μ = 0.975, ν = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // m = 0.025·g;  1 − μ² = 0.049375;  m̂ = g·(0.975·0.025/0.049375 + 1) = g·1.4936708860759
    //   = [0.7468354430380, −2.9873417721519]
    // v = 0.001·g²;  v̂ = 0.999·g² = [0.24975, 3.996]
    // √(v̂ + ε) = [0.4997499474737, 1.9989997523761]
    // step = α·m̂/√(v̂ + ε) = [2.988836504389e-3, −2.988836560486e-3]
    // p = [0.9970111634956, −0.9970111634395]
    assertCloseArray(firstStep('Nadam', {}, [1, -1], [0.5, -2]), [0.9970111634956, -0.9970111634395], 1e-12);
  });

  fixtureTests('Nadam');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('Nadam'));
});
