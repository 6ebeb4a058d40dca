import { strict as assert } from 'assert';
import { optimizerRegistry } from '../../../src/core/optimizers';
import { Eve } from '../../../src/core/optimizers/eve';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer Eve', () => {
  it('first step by hand: d̃ = 1, p ← p − α·m̂/(√v̂ + ε)', () => {
    // α = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, p = [1, −1], g = [0.5, −2]
    // m̂ = 0.1·g/0.1 = g;  v̂ = 0.001·g²/0.001 = g²;  √v̂ = |g| = [0.5, 2]
    // step = 1e-3·g/(|g| + ε) = [0.0005/0.50000001, −0.002/2.00000001] = [0.99999998e-3, −0.999999995e-3]
    // p = [0.99900000002, −0.999000000005]
    assertCloseArray(firstStep('Eve', {}, [1, -1], [0.5, -2], { loss: 3 }), [0.99900000002, -0.999000000005], 1e-12);
  });

  it('second step by hand: d = |f − f_prev|/min(f, f_prev), clipped, averaged into d̃', () => {
    // c = 10, β₃ = 0.9 (to make the effect visible), f* = 0.  Losses 4 then 2 (the loss halves):
    // d = |2 − 4|/min(2, 4) = 1 → clip(1, 0.1, 10) = 1 → d̃ = 0.9·1 + 0.1·1 = 1.
    // Losses 4 then 3.6: d = 0.4/3.6 = 0.1111… → d̃ = 0.9 + 0.1·0.11111 = 0.91111111111
    // Losses 4 then 3.99: d = 0.01/3.99 = 0.0025 → clipped to 1/c = 0.1 → d̃ = 0.9 + 0.01 = 0.91
    const cases: [number, number][] = [
      [2, 1],
      [3.6, 0.9111111111111111],
      [3.99, 0.91],
    ];
    for (const [f2, expected] of cases) {
      const opt = optimizerRegistry.create('Eve', { beta3: 0.9 });
      assert.ok(opt instanceof Eve);
      const p = [Float64Array.from([1])];
      opt.step(p, [Float64Array.from([1])], 4);
      assert.equal(opt.feedback, 1);
      opt.step(p, [Float64Array.from([1])], f2);
      assert.ok(Math.abs(opt.feedback - expected) < 1e-15, `f2 = ${f2}: d̃ = ${opt.feedback}`);
    }
  });

  fixtureTests('Eve');

  it('keeps separate state per tensor (two tensors together = each alone)', () => assertSeparateState('Eve'));
});
