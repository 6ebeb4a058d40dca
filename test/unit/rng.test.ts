import { strict as assert } from 'assert';
import { Rng } from '../../src/core/rng';

describe('Rng (seeded xoshiro128**)', () => {
  it('matches the Python twin in test/fixtures/rng.py for seed 42', () => {
    // Printed by `/usr/bin/python3 test/fixtures/rng.py`.
    const r = new Rng(42);
    assert.deepEqual([r.nextU32(), r.nextU32(), r.nextU32()], [2837322924, 544945897, 479756282]);
    assert.equal(r.uniform(), 0.814939410083783);
    assert.equal(r.normal(), -0.013016263525480201);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const sa = Array.from({ length: 20 }, () => a.uniform());
    assert.deepEqual(sa, Array.from({ length: 20 }, () => b.uniform()));
    assert.notDeepEqual(sa, Array.from({ length: 20 }, () => c.uniform()));
  });

  it('draws uniforms in [0, 1) and normals with mean ≈ 0, variance ≈ 1', () => {
    const r = new Rng(3);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      const z = r.normal();
      s += z; s2 += z * z;
    }
    assert.ok(Math.abs(s / n) < 0.03, `mean ${s / n}`);
    assert.ok(Math.abs(s2 / n - 1) < 0.05, `variance ${s2 / n}`);
  });

  it('shuffles into a permutation', () => {
    const a = Uint32Array.from({ length: 50 }, (_, i) => i);
    new Rng(1).shuffle(a);
    assert.deepEqual(Array.from(a).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
    assert.notDeepEqual(Array.from(a), Array.from({ length: 50 }, (_, i) => i));
  });
});
