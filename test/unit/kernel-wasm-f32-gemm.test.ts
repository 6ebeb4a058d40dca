/**
 * The float32 products of the WebAssembly kernel (wasm/gemm32.ts) against the float32 dot products
 * they stand for, bit for bit where the operation order is fixed: per element of C, from C (gemm32)
 * or +0 (gemm32to), s ← fl(s + fl(a·b)) over q in order. The last m mod 4 columns (four lanes over a
 * row's last four columns, only the leftover ones stored) and the columns of m < 4 run unfused in
 * every build; the plain SIMD build's wide tiles follow the same order, so there every column is
 * checked; the relaxed build fuses its wide tiles, so there the leftover columns are.
 */
import { strict as assert } from 'assert';
import { Rng } from '../../src/core/rng';
import { assertSame, availableBuilds, f32In, float32Kernel, values32 } from '../support/wasm-f32';

/** C[n×m] (from `c0`, or +0 when undefined) + A[n×K]·B[K×m], rounding to float32 at every step. */
function reference(a: Float32Array, b: Float32Array, c0: Float32Array | undefined, n: number, k: number, m: number): Float32Array {
  const c = new Float32Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = c0 ? c0[i * m + j] : 0;
      for (let q = 0; q < k; q++) s = Math.fround(s + Math.fround(a[i * k + q] * b[q * m + j]));
      c[i * m + j] = s;
    }
  return c;
}

/** The columns of row-major [n×m] data from `from` on. */
function columns(c: Float32Array, n: number, m: number, from: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let j = from; j < m; j++) out.push(c[i * m + j]);
  return out;
}

for (const build of availableBuilds())
  describe(`float32 products in WebAssembly (${build}): the leftover columns bit for bit`, () => {
    for (const m of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 15, 19])
      it(`m = ${m} (n 1, 3, 4, 5, 9; K 1, 7, 33; gemm32 from C and gemm32to from +0)`, () => {
        const kernel = float32Kernel(build);
        for (const n of [1, 3, 4, 5, 9])
          for (const k of [1, 7, 33]) {
            const rng = new Rng(n * 100 + k * 10 + m);
            const a = values32(rng, n * k, -1, 1),
              b = values32(rng, k * m, -1, 1),
              c0 = values32(rng, n * m, -1, 1, [-0]);
            const from = build === 'simd' || m < 4 ? 0 : m - (m % 4);
            const pa = f32In(kernel, a).at,
              pb = f32In(kernel, b).at;
            for (const fresh of [false, true]) {
              const c = f32In(kernel, fresh ? n * m : c0);
              const guard = f32In(kernel, [5, 5, 5, 5]);
              if (fresh) c.a.fill(NaN); // gemm32to does not read C
              (fresh ? kernel.fns.gemm32to : kernel.fns.gemm32)(pa, k * 4, 4, pb, c.at, n, k, m);
              const want = reference(a, b, fresh ? undefined : c0, n, k, m);
              assertSame(columns(c.a, n, m, from), columns(want, n, m, from), `${fresh ? 'gemm32to' : 'gemm32'} n ${n} K ${k} m ${m}`);
              assert.deepEqual(Array.from(guard.a), [5, 5, 5, 5], 'nothing written past C');
            }
          }
      });
  });
