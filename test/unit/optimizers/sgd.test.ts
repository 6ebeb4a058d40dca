import { strict as assert } from 'assert';
import { optimizerRegistry } from '../../../src/core/optimizers';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SGD', () => {
  it('first step by hand: p ← p − η·g', () => {
    // η = 0.01, p = [1, −1], g = [0.5, −2]
    // p₀ = 1 − 0.01·0.5 = 0.995;  p₁ = −1 − 0.01·(−2) = −0.98
    assertCloseArray(firstStep('SGD', {}, [1, -1], [0.5, -2]), [0.995, -0.98]);
  });

  it('is registered as "SGD", with the reference spelling "SDG" as an alias', () => {
    assert.ok(optimizerRegistry.has('SGD'));
    assert.equal(optimizerRegistry.canonical('SDG'), 'SGD');
    assert.equal(optimizerRegistry.create('SDG').name, 'SGD');
  });

  fixtureTests('SGD');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('SGD'));
});
