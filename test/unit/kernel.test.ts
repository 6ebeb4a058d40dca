import { strict as assert } from 'assert';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { Rng } from '../../src/core/rng';

/** Random matrix with entries uniform in [-1, 1). */
function rand(rng: Rng, len: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = 2 * rng.uniform() - 1;
  return a;
}

/** Naive reference: element (r, c) of an R×C row-major matrix, optionally transposed. */
function at(a: Float64Array, cols: number, r: number, c: number): number {
  return a[r * cols + c];
}

function assertClose(actual: Float64Array, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= 1e-12 * (1 + Math.abs(expected[i])), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

// Sizes cover the 4-way unrolled passes and every remainder (0–3) of n and k.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 1],
  [4, 1, 5],
  [3, 7, 2],
  [8, 5, 13],
  [17, 9, 4],
  [6, 8, 3],
  [5, 4, 4],
  [2, 6, 7],
  [12, 11, 1],
];

describe('jsKernel (plain TypeScript dense kernel)', () => {
  const rng = new Rng(11);

  for (const [n, k, m] of shapes) {
    it(`matmul ${n}×${k} · ${k}×${m}, with and without bias, matches a naive triple loop`, () => {
      const a = rand(rng, n * k),
        b = rand(rng, k * m),
        bias = rand(rng, m);
      const expected: number[] = [],
        expectedBias: number[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += at(a, k, i, p) * at(b, m, p, j);
          expected.push(s);
          expectedBias.push(s + bias[j]);
        }
      const c = new Float64Array(n * m).fill(123); // stale contents must be overwritten
      jsKernel.matmul(a, b, c, n, k, m);
      assertClose(c, expected, 'A·B');
      jsKernel.matmul(a, b, c, n, k, m, bias);
      assertClose(c, expectedBias, 'A·B + bias');
    });

    it(`matmulTransA ${k}×${n} · ${n}×${m} matches a naive triple loop`, () => {
      const a = rand(rng, n * k),
        b = rand(rng, n * m);
      const expected: number[] = [];
      for (let p = 0; p < k; p++)
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += at(a, k, i, p) * at(b, m, i, j);
          expected.push(s);
        }
      const c = new Float64Array(k * m).fill(-5);
      jsKernel.matmulTransA(a, b, c, n, k, m);
      assertClose(c, expected, 'Aᵀ·B');
    });

    it(`matmulTransB ${n}×${m} · (${k}×${m})ᵀ matches a naive triple loop`, () => {
      const a = rand(rng, n * m),
        b = rand(rng, k * m);
      const expected: number[] = [];
      for (let i = 0; i < n; i++)
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += at(a, m, i, j) * at(b, m, p, j);
          expected.push(s);
        }
      const c = new Float64Array(n * k).fill(7);
      jsKernel.matmulTransB(a, b, c, n, m, k);
      assertClose(c, expected, 'A·Bᵀ');
    });
  }

  it('computes a hand-worked 2×2 product: [[1,2],[3,4]]·[[5,6],[7,8]] + [1,-1] = [[20,21],[44,49]]', () => {
    // 1·5+2·7 = 19, 1·6+2·8 = 22, 3·5+4·7 = 43, 3·6+4·8 = 50; plus bias [1, -1].
    const c = new Float64Array(4);
    jsKernel.matmul(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), c, 2, 2, 2, Float64Array.of(1, -1));
    assert.deepEqual(Array.from(c), [20, 21, 44, 49]);
  });

  it('writes only the first rows·cols entries of a larger output buffer', () => {
    const c = new Float64Array(6).fill(9);
    jsKernel.matmulTransA(Float64Array.of(1, 2), Float64Array.of(3, 4), c, 1, 2, 2);
    // Aᵀ·B = [1,2]ᵀ·[3,4] = [[3,4],[6,8]].
    assert.deepEqual(Array.from(c), [3, 4, 6, 8, 9, 9]);
  });
});
