/**
 * The float32 WebAssembly kernel's fast paths for convolution and max pooling against the layers'
 * TypeScript loops on Float32Array, bit for bit:
 * - im2col and col2im by runs of the im2col table (table-runs.ts, wasm/conv32-runs.ts), through the
 *   kernel's passes (the runs are made there): odd sizes, padding, strides 1 and 2, one and several
 *   channels, windows 1, 2, 3 and 5 (runs longer than four split), blocks starting past the first
 *   sample, guard values after every output array (the f32x4 stores may not reach past them);
 * - 2×2 stride-2 max pooling four outputs at a time, where a row's outputs are not a multiple of
 *   four (its last group overlaps the one before) or fewer than four, with ties, NaN and ±0; and its
 *   backward from those arg-max indices (−0 and NaN in dy).
 */
import { strict as assert } from 'assert';
import { im2colTable, windowGeometry, type Padding } from '../../src/core/layers/conv-geometry';
import { MAXPOOL2D, Pool2dLayer } from '../../src/core/layers/pool2d';
import { gatherCode, runsPayOff, scatterCode, tableRuns } from '../../src/core/linalg/table-runs';
import { Rng } from '../../src/core/rng';
import { asF64, assertSame, availableBuilds, f32In, float32Kernel, float32Reference, i32In, values32 } from '../support/wasm-f32';

interface WindowCase {
  input: [number, number, number];
  kernel: [number, number];
  stride: [number, number];
  padding: Padding;
  /** Runs of one entry on average: the plain gather is taken. */
  plain?: true;
}

const WINDOWS: WindowCase[] = [
  { input: [1, 7, 9], kernel: [3, 3], stride: [1, 1], padding: 'same' },
  { input: [3, 8, 7], kernel: [2, 2], stride: [2, 2], padding: 'valid' },
  { input: [2, 9, 6], kernel: [3, 3], stride: [2, 2], padding: 1 },
  { input: [4, 5, 5], kernel: [1, 1], stride: [1, 1], padding: 'valid', plain: true },
  { input: [1, 5, 7], kernel: [1, 1], stride: [1, 1], padding: 'valid' },
  { input: [2, 6, 11], kernel: [5, 5], stride: [1, 1], padding: 2 },
  { input: [1, 2, 2], kernel: [2, 2], stride: [1, 1], padding: 'valid' },
  { input: [3, 5, 4], kernel: [2, 3], stride: [1, 2], padding: 'same' },
  { input: [16, 14, 14], kernel: [3, 3], stride: [1, 1], padding: 'same' },
];

/** A value that no pass writes: the guards after each output array keep it. */
const GUARD = -123.5;

/** The TypeScript im2col of the convolution layer on Float32Array. */
function im2colTs(table: Int32Array, x: Float32Array, first: number, count: number, inputs: number): Float32Array {
  const per = table.length;
  const cols = new Float32Array(count * per);
  for (let i = 0; i < count; i++) for (let t = 0; t < per; t++) cols[i * per + t] = table[t] >= 0 ? x[(first + i) * inputs + table[t]] : 0;
  return cols;
}

/** The TypeScript col2im of the convolution layer on Float32Array (each += rounds to float32). */
function col2imTs(table: Int32Array, dCols: Float32Array, n: number, inputs: number): Float32Array {
  const per = table.length;
  const dx = new Float32Array(n * inputs);
  for (let i = 0; i < n; i++) for (let t = 0; t < per; t++) if (table[t] >= 0) dx[i * inputs + table[t]] += dCols[i * per + t];
  return dx;
}

/** Values of many magnitudes (so the order of the float32 additions shows), with specials among them. */
function spread(rng: Rng, n: number, specials: readonly number[]): Float32Array {
  const a = values32(rng, n, -1, 1, specials);
  for (let i = specials.length; i < n; i++) a[i] *= 2 ** Math.floor(rng.uniform() * 40 - 20);
  return a;
}

/** `len` float32 values in the kernel's memory followed by four guard values. */
function guarded(kernel: ReturnType<typeof float32Kernel>, len: number): { a: Float32Array; guard: Float32Array } {
  const all = f32In(kernel, len + 4).a;
  all.fill(GUARD);
  return { a: all.subarray(0, len), guard: all.subarray(len) };
}

describe('im2col table runs', () => {
  for (const c of WINDOWS)
    it(`cover the table in order, none longer than four (${c.input.join('×')}, window ${c.kernel.join('×')}, stride ${c.stride.join('×')}, padding ${c.padding})`, () => {
      const table = im2colTable(windowGeometry(c.input, c.kernel, c.stride, c.padding));
      const runs = tableRuns(table);
      const rebuilt: number[] = [];
      for (let r = 0; r < runs.length; r += 2) {
        assert.ok(runs[r + 1] >= 1 && runs[r + 1] <= 4, `run length ${runs[r + 1]}`);
        for (let l = 0; l < runs[r + 1]; l++) rebuilt.push(runs[r] < 0 ? -1 : runs[r] + l);
      }
      assert.deepEqual(rebuilt, Array.from(table));
      const inputs = c.input[0] * c.input[1] * c.input[2];
      // Every scatter quadruple's four lanes lie inside the sample and the table.
      for (const [i, q] of Array.from(scatterCode(runs, inputs, table.length)).entries())
        if (i % 4 === 0) assert.ok(q >= 0 && q / 4 + 4 <= inputs, `dx offset ${q / 4}`);
      const { copies, pads } = gatherCode(runs);
      assert.equal(copies, runs.length / 2);
      assert.equal(pads, Array.from(runs).filter((v, i) => i % 2 === 0 && v < 0).length);
    });
});

for (const build of availableBuilds())
  describe(`float32 fast paths of convolution and max pooling in WebAssembly (${build}): the TypeScript loops bit for bit`, () => {
    for (const c of WINDOWS)
      it(`im2col and col2im by runs (${c.input.join('×')}, window ${c.kernel.join('×')}, stride ${c.stride.join('×')}, padding ${c.padding})`, () => {
        const g = windowGeometry(c.input, c.kernel, c.stride, c.padding);
        const inputs = g.c * g.h * g.w;
        const kernel = float32Kernel(build);
        const table = i32In(kernel, im2colTable(g)).a;
        const per = table.length;
        assert.equal(runsPayOff(tableRuns(table), per, inputs), !c.plain, 'the runs are taken');
        for (const n of [1, 2, 5]) {
          const rng = new Rng(n * 31 + per);
          const x = f32In(kernel, spread(rng, n * inputs, [NaN, -0, Infinity, 0, -Infinity])).a;
          // Training: the whole batch; evaluation: blocks from `first` (the last sample read is the batch's last).
          for (const [first, count] of [
            [0, n],
            [n - 1, 1],
            [Math.floor(n / 2), n - Math.floor(n / 2)],
          ]) {
            const cols = guarded(kernel, count * per);
            assert.ok(kernel.im2col(table, x, first, count, inputs, cols.a), 'im2col in WebAssembly');
            assertSame(cols.a, im2colTs(table, x, first, count, inputs), `X_col (n ${n}, first ${first}, count ${count})`);
            assert.ok(
              cols.guard.every((v) => v === GUARD),
              'nothing written past X_col',
            );
          }
          const dCols = f32In(kernel, spread(rng, n * per, [-0, NaN, 1e30, -1e30, -0])).a;
          const dx = guarded(kernel, n * inputs);
          dx.a.fill(7); // zeroed by the pass
          assert.ok(kernel.col2im(table, dCols, n, inputs, dx.a), 'col2im in WebAssembly');
          assertSame(dx.a, col2imTs(table, dCols, n, inputs), `dx (n ${n})`);
          assert.ok(
            dx.guard.every((v) => v === GUARD),
            'nothing written past dx',
          );
        }
      });

    for (const input of [
      [1, 4, 6],
      [2, 8, 8],
      [3, 9, 11],
      [1, 15, 15],
      [2, 13, 21],
      [16, 28, 28],
    ] as [number, number, number][])
      it(`2×2 stride-2 max pooling four outputs at a time, and its backward (${input.join('×')}: ${Math.floor(input[2] / 2)} outputs a row)`, () => {
        const g = windowGeometry(input, [2, 2], [2, 2], 'valid');
        const kernel = float32Kernel(build);
        for (const n of [1, 3]) {
          const ref = new Pool2dLayer(MAXPOOL2D, g, float32Reference());
          // Ties (values on a grid of quarters), NaN, ±0 and infinities.
          const data = values32(new Rng(n + input[2]), n * ref.inputs, -1, 1, [0.5, NaN, -0, 0, Infinity, -Infinity, 0.25, 0.25, -0, 0]);
          for (let i = 10; i < data.length; i++) data[i] = Math.round(data[i] * 4) / 4;
          const wantY = Float32Array.from(ref.forward(asF64(data), n));
          const wantArg = Int32Array.from((ref as unknown as { argmax: { fit(len: number): Int32Array } }).argmax.fit(n * ref.outputs));
          const x = f32In(kernel, data),
            y = guarded(kernel, n * ref.outputs),
            arg = i32In(kernel, n * ref.outputs + 4);
          arg.a.fill(-5);
          const yAt = kernel.arena.addressOf(y.a);
          kernel.fns.maxPoolForward32(x.at, yAt, arg.at, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
          assertSame(y.a, wantY, `max pool y (n ${n})`);
          assert.deepEqual(Array.from(arg.a.subarray(0, n * ref.outputs)), Array.from(wantArg), `max pool arg (n ${n})`);
          assert.ok(y.guard.every((v) => v === GUARD) && arg.a.subarray(n * ref.outputs).every((v) => v === -5), 'nothing written past y and arg');
          // Backward from the fast path's arg-max indices (each += from +0: −0 becomes +0).
          const dyData = values32(new Rng(n + 11), n * ref.outputs, -1, 1, [-0, NaN, -0, 1e-45, -0]);
          const wantDx = Float32Array.from(ref.backward(asF64(dyData)));
          const dy = f32In(kernel, dyData),
            dx = guarded(kernel, n * ref.inputs);
          dx.a.fill(7);
          kernel.fns.maxPoolBackward32(arg.at, dy.at, kernel.arena.addressOf(dx.a), n, ref.inputs, ref.outputs);
          assertSame(dx.a, wantDx, `max pool dx (n ${n})`);
          assert.ok(
            dx.guard.every((v) => v === GUARD),
            'nothing written past dx',
          );
        }
      });
  });
