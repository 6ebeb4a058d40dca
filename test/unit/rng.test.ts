import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { join } from 'path';
import { Rng } from '../../src/core/rng';

/** The one Python port of the generator: embedded in the exported PyTorch script, imported by the test fixtures. */
const PYTHON_RNG_DIR = join(__dirname, '..', '..', 'src', 'core', 'export', 'pytorch', 'python');

describe('Rng (seeded xoshiro128**)', () => {
  it('matches the Python port for seed 42', () => {
    // Printed by NNLabRng(42) of src/core/export/pytorch/python/rng.py (next_u32 three times, uniform, normal).
    const r = new Rng(42);
    assert.deepEqual([r.nextU32(), r.nextU32(), r.nextU32()], [2837322924, 544945897, 479756282]);
    assert.equal(r.uniform(), 0.814939410083783);
    assert.equal(r.normal(), -0.013016263525480201);
  });

  it('draws exactly what its Python port (python/rng.py) draws: words, uniforms, normals, integers, shuffles', function () {
    const script = [
      'import json, sys',
      'from rng import NNLabRng',
      'out = []',
      'for seed in (0, 1, 42, 2**32 - 1, 2**40 + 5):',
      '    r = NNLabRng(seed)',
      '    a = list(range(30))',
      '    r.shuffle(a)',
      '    out.append([[r.next_u32() for _ in range(5)], [r.uniform() for _ in range(5)], [r.normal() for _ in range(5)], [r.int(7) for _ in range(5)], a])',
      'print(json.dumps(out))',
    ].join('\n');
    const py = spawnSync('python3', ['-c', script], { cwd: PYTHON_RNG_DIR, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    if (py.error) this.skip(); // no python3 on this machine
    assert.equal(py.status, 0, py.stderr);
    const expected = [0, 1, 42, 2 ** 32 - 1, 2 ** 40 + 5].map((seed) => {
      const r = new Rng(seed);
      const a = Array.from({ length: 30 }, (_, i) => i);
      r.shuffle(a);
      const five = (f: () => number) => Array.from({ length: 5 }, f);
      return [five(() => r.nextU32()), five(() => r.uniform()), five(() => r.normal()), five(() => r.int(7)), a];
    });
    const actual = JSON.parse(py.stdout) as number[][][];
    actual.forEach((got, k) => {
      const want = expected[k];
      assert.deepEqual([got[0], got[1], got[3], got[4]], [want[0], want[1], want[3], want[4]], `seed case ${k}: words, uniforms, integers, shuffle`);
      // Normals go through ln and cos, whose last bit may differ between V8 and the C library.
      got[2].forEach((z, i) => assert.ok(Math.abs(z - want[2][i]) <= 4e-16 * Math.max(1, Math.abs(z)), `seed case ${k}: normal ${i}: ${z} vs ${want[2][i]}`));
    });
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(7),
      b = new Rng(7),
      c = new Rng(8);
    const sa = Array.from({ length: 20 }, () => a.uniform());
    assert.deepEqual(
      sa,
      Array.from({ length: 20 }, () => b.uniform()),
    );
    assert.notDeepEqual(
      sa,
      Array.from({ length: 20 }, () => c.uniform()),
    );
  });

  it('draws uniforms in [0, 1) and normals with mean ≈ 0, variance ≈ 1', () => {
    const r = new Rng(3);
    let s = 0,
      s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    assert.ok(Math.abs(s / n) < 0.03, `mean ${s / n}`);
    assert.ok(Math.abs(s2 / n - 1) < 0.05, `variance ${s2 / n}`);
  });

  it('shuffles into a permutation', () => {
    const a = Uint32Array.from({ length: 50 }, (_, i) => i);
    new Rng(1).shuffle(a);
    assert.deepEqual(
      Array.from(a).sort((x, y) => x - y),
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.notDeepEqual(
      Array.from(a),
      Array.from({ length: 50 }, (_, i) => i),
    );
  });
});
