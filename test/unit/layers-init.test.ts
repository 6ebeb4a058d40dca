import { strict as assert } from 'assert';
import { initialize, initStd } from '../../src/core/layers/init';
import { Rng } from '../../src/core/rng';

function meanStd(a: Float64Array): { mean: number; std: number } {
  let s = 0,
    s2 = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
  }
  const mean = s / a.length;
  return { mean, std: Math.sqrt(s2 / a.length - mean * mean) };
}

describe('weight initialisers', () => {
  const fanIn = 150,
    fanOut = 200; // 30 000 weights: relative std error ≈ 1/√(2·30000) ≈ 0.4 %

  it('normal: W and b have the reference scale (default 0.05, or initScale)', () => {
    assert.equal(initStd('normal', fanIn, fanOut), 0.05);
    const w = new Float64Array(fanIn * fanOut),
      b = new Float64Array(20000);
    initialize(w, b, 'normal', fanIn, fanOut, new Rng(1), 0.3);
    const sw = meanStd(w),
      sb = meanStd(b);
    assert.ok(Math.abs(sw.std / 0.3 - 1) < 0.02, `W std ${sw.std}`);
    assert.ok(Math.abs(sw.mean) < 0.01, `W mean ${sw.mean}`);
    assert.ok(Math.abs(sb.std / 0.3 - 1) < 0.03, `b std ${sb.std}`);
  });

  it('xavier: std = √(2/(fanIn + fanOut)), biases zero', () => {
    const expected = Math.sqrt(2 / 350); // ≈ 0.0756
    assert.ok(Math.abs(initStd('xavier', fanIn, fanOut) - 0.07559289460184544) < 1e-15);
    const w = new Float64Array(fanIn * fanOut),
      b = new Float64Array(fanOut).fill(9);
    initialize(w, b, 'xavier', fanIn, fanOut, new Rng(2));
    assert.ok(Math.abs(meanStd(w).std / expected - 1) < 0.02, `W std ${meanStd(w).std}`);
    assert.ok(b.every((v) => v === 0));
  });

  it('he: std = √(2/fanIn), biases zero', () => {
    const expected = Math.sqrt(2 / 150); // ≈ 0.1155
    assert.ok(Math.abs(initStd('he', fanIn, fanOut) - 0.11547005383792516) < 1e-15);
    const w = new Float64Array(fanIn * fanOut),
      b = new Float64Array(fanOut).fill(9);
    initialize(w, b, 'he', fanIn, fanOut, new Rng(3));
    assert.ok(Math.abs(meanStd(w).std / expected - 1) < 0.02, `W std ${meanStd(w).std}`);
    assert.ok(b.every((v) => v === 0));
  });

  it('draws reproducibly from the given generator', () => {
    const a = new Float64Array(10),
      b = new Float64Array(10),
      c = new Float64Array(10),
      z = new Float64Array(2);
    initialize(a, z, 'he', 5, 2, new Rng(4));
    initialize(b, z, 'he', 5, 2, new Rng(4));
    initialize(c, z, 'he', 5, 2, new Rng(5));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });
});
