/**
 * The WebAssembly kernel's float32 elementwise passes (wasm/relu.ts, finite.ts, dropout.ts,
 * avg-pool.ts, conv32.ts's max pooling), called directly on Float32Arrays in the kernel's memory:
 * the numbers of the TypeScript code run on Float32Array (the ReLU activation's own loops, the
 * divergence scan, the dropout and pooling layers built on a kernel whose arrays are Float32Array)
 * bit for bit, on odd sizes (the SIMD loops' tails), NaN, ±0, ±Infinity and subnormals included.
 * Average pooling's float64 pass is checked against the float64 layer the same way.
 * Each engine's builds run (Node 20: plain SIMD; Node ≥ 22 also relaxed SIMD).
 */
import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { windowGeometry } from '../../src/core/layers/conv-geometry';
import { DropoutLayer } from '../../src/core/layers/dropout';
import { AVGPOOL2D, MAXPOOL2D, Pool2dLayer } from '../../src/core/layers/pool2d';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { Rng } from '../../src/core/rng';
import { firstRunaway } from '../../src/core/train/divergence';
import { asF64, assertSame, availableBuilds, f32In, float32Kernel, float32Reference, i32In, SPECIALS_32, values32 } from '../support/wasm-f32';

/** Lengths around the four-wide SIMD steps (and the sixteen-wide scan). */
const LENGTHS = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 67];

/** Pooling cases: input [c, h, w], window, stride (stride < window: overlapping windows). */
const POOLS: { input: [number, number, number]; size: [number, number]; stride: [number, number] }[] = [
  { input: [1, 4, 4], size: [2, 2], stride: [2, 2] },
  { input: [2, 5, 7], size: [2, 2], stride: [2, 2] },
  { input: [3, 7, 6], size: [3, 3], stride: [2, 2] },
  { input: [2, 6, 7], size: [3, 2], stride: [1, 2] },
  { input: [1, 9, 9], size: [3, 3], stride: [1, 1] },
  { input: [2, 5, 5], size: [5, 5], stride: [1, 1] },
];

for (const build of availableBuilds())
  describe(`float32 passes in WebAssembly (${build}): the TypeScript loops on Float32Array bit for bit`, () => {
    it('reluForward32 and reluBackward32 as the ReLU activation', () => {
      const relu = activationRegistry.create('ReLU', {}, { path: [] });
      const kernel = float32Kernel(build);
      const rng = new Rng(11);
      for (const len of LENGTHS) {
        // Specials placed at the start, in a SIMD block and in the tail.
        const data = values32(rng, len, -2, 2, len >= 8 ? SPECIALS_32 : [NaN, -0]);
        if (len > 9) data[len - 1] = -0;
        const x = f32In(kernel, data),
          y = f32In(kernel, len);
        kernel.fns.reluForward32(x.at, y.at, len);
        const want = new Float32Array(len);
        relu.forwardInto(asF64(data), asF64(want), len);
        assertSame(y.a, want, `relu forward (len ${len})`);
        const dyData = values32(rng, len, -3, 3, [-1, NaN, 2, -0, Infinity]);
        const dy = f32In(kernel, dyData),
          dx = f32In(kernel, len);
        kernel.fns.reluBackward32(x.at, dy.at, dx.at, len);
        const wantDx = new Float32Array(len);
        relu.backwardInto(asF64(data), asF64(want), asF64(dyData), asF64(wantDx), len);
        assertSame(dx.a, wantDx, `relu backward (len ${len})`);
      }
    });

    it('firstRunaway32 finds what the divergence scan finds, wherever it is', () => {
      const kernel = float32Kernel(build);
      const rng = new Rng(12);
      for (const len of LENGTHS)
        for (const bad of [undefined, NaN, Infinity, -Infinity, 2e12, -2e12])
          for (const where of bad === undefined ? [0] : [0, len >> 1, len - 1]) {
            const data = values32(rng, len, -1e11, 1e11);
            if (bad !== undefined) data[where] = bad;
            // A second one later: the first must win.
            if (bad !== undefined && where + 1 < len) data[len - 1] = NaN;
            const a = f32In(kernel, data);
            const i = kernel.fns.firstRunaway32(a.at, len, 1e12);
            const want = firstRunaway([asF64(data)], 1e12);
            if (want === undefined) assert.equal(i, -1, `len ${len}: all within`);
            else {
              assert.equal(i, where, `len ${len}: index of ${bad}`);
              assert.ok(Object.is(a.a[i], want), `len ${len}: value`);
            }
          }
    });

    it('dropoutForward32 and dropoutBackward32 as the dropout layer, the generator left where it would be', () => {
      const kernel = float32Kernel(build);
      for (const [n, features, rate] of [
        [1, 1, 0.5],
        [3, 5, 0.3],
        [7, 9, 0.1],
        [16, 33, 0.7],
      ] as const) {
        const len = n * features;
        const data = values32(new Rng(n), len, -2, 2, SPECIALS_32);
        const ref = new DropoutLayer(features, rate, new Rng(99), float32Reference());
        const wantY = Float32Array.from(ref.forward(asF64(data), n));
        // dy = 1: dx is the mask itself; then a random dy.
        const wantMask = Float32Array.from(ref.backward(asF64(new Float32Array(len).fill(1))));
        const dyData = values32(new Rng(n + 1), len, -2, 2, [NaN, -0, Infinity]);
        const wantDx = Float32Array.from(ref.backward(asF64(dyData)));

        const rng = new Rng(99);
        const state = i32In(kernel, 4);
        rng.saveState(state.a, 0);
        const x = f32In(kernel, data),
          mask = f32In(kernel, len),
          y = f32In(kernel, len);
        kernel.fns.dropoutForward32(state.at, x.at, mask.at, y.at, len, rate, ref.keepScale);
        rng.loadState(state.a, 0);
        assertSame(y.a, wantY, `dropout y (${n}×${features})`);
        assertSame(mask.a, wantMask, `dropout mask (${n}×${features})`);
        const dy = f32In(kernel, dyData),
          dx = f32In(kernel, len);
        kernel.fns.dropoutBackward32(mask.at, dy.at, dx.at, len);
        assertSame(dx.a, wantDx, `dropout dx (${n}×${features})`);
        // The stream goes on from the same place: the next draws match a generator that drew len uniforms.
        const other = new Rng(99);
        for (let k = 0; k < len; k++) other.uniform();
        assert.deepEqual([rng.nextU32(), rng.nextU32()], [other.nextU32(), other.nextU32()], 'generator state after the pass');
      }
    });

    for (const pool of POOLS) {
      const geometry = windowGeometry(pool.input, pool.size, pool.stride, 'valid');
      const label = `${pool.input.join('×')}, window ${pool.size.join('×')}, stride ${pool.stride.join('×')}`;
      const ns = [1, 3];

      it(`maxPoolForward32 and maxPoolBackward32 as the max pooling layer (${label})`, () => {
        const kernel = float32Kernel(build);
        for (const n of ns) {
          const ref = new Pool2dLayer(MAXPOOL2D, geometry, float32Reference());
          // Ties (values on a grid of quarters) and specials.
          const data = values32(new Rng(n + 5), n * ref.inputs, -1, 1, [NaN, -0, 0, Infinity, -Infinity, 0.25, 0.25]);
          for (let i = 7; i < data.length; i += 3) data[i] = Math.round(data[i] * 4) / 4;
          const wantY = Float32Array.from(ref.forward(asF64(data), n));
          const wantArg = Int32Array.from((ref as unknown as { argmax: { fit(len: number): Int32Array } }).argmax.fit(n * ref.outputs));
          const dyData = values32(new Rng(n + 6), n * ref.outputs, -1, 1, [NaN, -0]);
          const wantDx = Float32Array.from(ref.backward(asF64(dyData)));
          const g = geometry;
          const x = f32In(kernel, data),
            y = f32In(kernel, n * ref.outputs),
            arg = i32In(kernel, n * ref.outputs);
          kernel.fns.maxPoolForward32(x.at, y.at, arg.at, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
          assertSame(y.a, wantY, `max pool y (n ${n})`);
          assert.deepEqual(Array.from(arg.a), Array.from(wantArg), `max pool arg (n ${n})`);
          const dy = f32In(kernel, dyData),
            dx = f32In(kernel, n * ref.inputs);
          dx.a.fill(7); // zeroed by the pass
          kernel.fns.maxPoolBackward32(arg.at, dy.at, dx.at, n, ref.inputs, ref.outputs);
          assertSame(dx.a, wantDx, `max pool dx (n ${n})`);
        }
      });

      for (const precision of ['float32', 'float64'] as const)
        it(`avgPoolForward and avgPoolBackward (${precision}) as the average pooling layer (${label})`, () => {
          const kernel = float32Kernel(build);
          const wide = precision === 'float64';
          const g = geometry;
          for (const n of ns) {
            const ref = new Pool2dLayer(AVGPOOL2D, geometry, wide ? jsKernel : float32Reference());
            const data = values32(new Rng(n + 7), n * ref.inputs, -1, 1, n === 1 ? [] : SPECIALS_32);
            const dyData = values32(new Rng(n + 8), n * ref.outputs, -1, 1, n === 1 ? [] : [NaN, -0, Infinity]);
            if (wide) {
              // Float64 data with bits below float32's.
              const x64 = Float64Array.from(data, (v, i) => v + i * 1e-12);
              const dy64 = Float64Array.from(dyData, (v, i) => v - i * 1e-12);
              const wantY = Float64Array.from(ref.forward(x64, n));
              const wantDx = Float64Array.from(ref.backward(dy64));
              const x = kernel.arena.alloc(x64.length),
                y = kernel.arena.alloc(n * ref.outputs),
                dy = kernel.arena.alloc(dy64.length),
                dx = kernel.arena.alloc(n * ref.inputs);
              x.set(x64);
              dy.set(dy64);
              dx.fill(7);
              const at = (a: FloatArray): number => kernel.arena.addressOf(a);
              kernel.fns.avgPoolForward64(at(x), at(y), n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
              kernel.fns.avgPoolBackward64(at(dy), at(dx), n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
              assertSame(y, wantY, `avg pool y (n ${n})`);
              assertSame(dx, wantDx, `avg pool dx (n ${n})`);
            } else {
              const wantY = Float32Array.from(ref.forward(asF64(data), n));
              const wantDx = Float32Array.from(ref.backward(asF64(dyData)));
              const x = f32In(kernel, data),
                y = f32In(kernel, n * ref.outputs),
                dy = f32In(kernel, dyData),
                dx = f32In(kernel, n * ref.inputs);
              dx.a.fill(7);
              kernel.fns.avgPoolForward32(x.at, y.at, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
              kernel.fns.avgPoolBackward32(dy.at, dx.at, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
              assertSame(y.a, wantY, `avg pool y (n ${n})`);
              assertSame(dx.a, wantDx, `avg pool dx (n ${n})`);
            }
          }
        });
    }
  });
