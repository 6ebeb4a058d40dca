import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer AdaGrad', () => {
  it('first step by hand: G = g², p ← p − η·g/√(G + ε)', () => {
    // η = 1e-3, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // G = [0.25, 4];  √(G + ε) = [0.50000001, 2.0000000025] (√(x² + ε) ≈ |x| + ε/(2|x|))
    // step = 1e-3·[0.5/0.50000001, −2/2.0000000025] = [0.99999998e-3, −0.99999999875e-3]
    // p = [0.99900000002, −0.99900000000125]
    assertCloseArray(firstStep('AdaGrad', {}, [1, -1], [0.5, -2]), [0.99900000002, -0.99900000000125]);
  });

  fixtureTests('AdaGrad');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('AdaGrad'));
});
