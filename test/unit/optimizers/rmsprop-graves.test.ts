import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer RMSpropGraves', () => {
  it('first step by hand: p ← p − η·g/√(v − m² + ε)', () => {
    // η = 1e-4, ρ = 0.95, ε = 1e-4, p = [1, −1], g = [0.5, −2]
    // m = 0.05·g, v = 0.05·g²  →  v − m² = (0.05 − 0.0025)·g² = 0.0475·g² = [0.011875, 0.19]
    // √(v − m² + ε) = [√0.011975, √0.1901] = [0.1094303431412, 0.4360045871318]
    // step = 1e-4·[0.5/0.10943034314, −2/0.43600458713] = [4.569116623849e-4, −4.587107702597e-4]
    // p = [0.9995430883376, −0.9995412892297]
    assertCloseArray(firstStep('RMSpropGraves', {}, [1, -1], [0.5, -2]), [0.9995430883376, -0.9995412892297], 1e-12);
  });

  fixtureTests('RMSpropGraves');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('RMSpropGraves'));
});
