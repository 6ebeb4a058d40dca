import { strict as assert } from 'assert';
import { clampSmoothing, smooth } from '../../../webview/panel/smoothing';

describe('webview smoothing (debiased EMA)', () => {
  it('matches hand-worked values for w = 0.5', () => {
    // ema: 0.5, 1.25, 2.125; debias: 0.5, 0.75, 0.875
    const s = smooth([1, 2, 3], 0.5);
    assert.equal(s.length, 3);
    assert.ok(Math.abs(s[0] - 1) < 1e-12);
    assert.ok(Math.abs(s[1] - 1.25 / 0.75) < 1e-12);
    assert.ok(Math.abs(s[2] - 2.125 / 0.875) < 1e-12);
  });

  it('matches hand-worked values for w = 0.9 on a step', () => {
    // values 10, 0: ema 1, 0.9; debias 0.1, 0.19 → 10, 4.7368…
    const s = smooth([10, 0], 0.9);
    assert.ok(Math.abs(s[0] - 10) < 1e-12);
    assert.ok(Math.abs(s[1] - 0.9 / 0.19) < 1e-12);
  });

  it('is the identity at weight 0 and keeps a constant series constant', () => {
    assert.deepEqual(smooth([3, 1, 4, 1, 5], 0), [3, 1, 4, 1, 5]);
    for (const v of smooth([2, 2, 2, 2], 0.95)) assert.ok(Math.abs(v - 2) < 1e-12);
  });

  it('passes non-finite values through without counting them', () => {
    const s = smooth([1, NaN, 3], 0.5);
    assert.ok(Number.isNaN(s[1]));
    assert.ok(Math.abs(s[2] - (0.25 + 1.5) / 0.75) < 1e-12);
  });

  it('clamps the weight to [0, 0.99]', () => {
    assert.equal(clampSmoothing(-1), 0);
    assert.equal(clampSmoothing(NaN), 0);
    assert.equal(clampSmoothing(5), 0.99);
    assert.equal(clampSmoothing(0.6), 0.6);
  });
});
