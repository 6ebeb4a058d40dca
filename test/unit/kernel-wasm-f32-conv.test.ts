/**
 * The WebAssembly kernel's float32 convolution passes (wasm/conv32.ts: im2colF32, convOutput32,
 * convOutputGrad32f, col2im32), called directly on Float32Arrays in the kernel's memory, against the
 * convolution layer's own TypeScript loops run on Float32Array: the layer is built on a stand-in
 * kernel whose arrays are Float32Array and whose products record their operands (X_col, dZ_col) and
 * answer with chosen float32 data (Z_col, dX_col), so each loop's input and output are known.
 * Bit for bit, on odd sizes, every padding, strides 1 and 2, NaN, ±0, ±Infinity included, in
 * training and in blocked evaluation (blocks of EVAL_BLOCK samples: `first` > 0).
 */
import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { Conv2dLayer, EVAL_BLOCK } from '../../src/core/layers/conv2d';
import { im2colTable, windowGeometry } from '../../src/core/layers/conv-geometry';
import { Rng } from '../../src/core/rng';
import { type ConvCase, KERNEL_CONV_CASES } from '../support/conv-cases';
import { asF64, assertSame, availableBuilds, f32In, float32Kernel, float32Reference, i32In, SPECIALS_32, values32 } from '../support/wasm-f32';

const CASES: ConvCase[] = [...KERNEL_CONV_CASES, { input: [1, 9, 9], filters: 5, kernel: [3, 3], stride: [1, 1], padding: 'same' }];

/** One product call of the layer as recorded: its first operand and what it answered. */
interface Call {
  a: Float32Array;
  c: Float32Array;
}

for (const build of availableBuilds())
  describe(`float32 convolution passes in WebAssembly (${build}): the layer's TypeScript loops on Float32Array bit for bit`, () => {
    for (const c of CASES)
      it(`conv2d ${c.input.join('×')} → ${c.filters}, kernel ${c.kernel.join('×')}, stride ${c.stride.join('×')}, padding ${c.padding}`, () => {
        const geometry = windowGeometry(c.input, c.kernel, c.stride, c.padding);
        const identity = activationRegistry.create('identity', {}, { path: [] });
        for (const [n, training] of [
          [1, true],
          [3, true],
          [EVAL_BLOCK + 5, false],
        ] as const) {
          const rng = new Rng(n * 7 + c.filters);
          // The products: X_col · Wᵀ answers a random Z_col, dZ_col · W a random dX_col; both operands recorded.
          const forwardCalls: Call[] = [];
          const backwardCalls: Call[] = [];
          let dzCol = new Float32Array(0);
          const answer = (calls: Call[], a: FloatArray, c64: FloatArray): void => {
            const out = values32(rng, c64.length, -2, 2, calls.length === 0 ? [NaN, -0, Infinity] : []);
            c64.set(out);
            calls.push({ a: Float32Array.from(a), c: out });
          };
          const ref = float32Reference({
            matmulTransB: (a, _b, c64) => answer(forwardCalls, a, c64),
            matmulTransA: (a) => {
              dzCol = Float32Array.from(a);
            },
            matmul: (a, _b, c64) => answer(backwardCalls, a, c64),
          });
          const layer = new Conv2dLayer(geometry, c.filters, identity, ref);
          layer.setTraining(training);
          layer.b.set(values32(rng, c.filters, -1, 1, c.filters > 2 ? [-0] : []));
          const x = values32(rng, n * layer.inputs, -1, 1, SPECIALS_32);
          layer.forward(asF64(x), n);
          const z = Float32Array.from(layer.preActivation);

          const kernel = float32Kernel(build);
          const what = `n ${n}, ${training ? 'training' : 'evaluation'}`;
          const table = i32In(kernel, im2colTable(geometry));
          const per = table.a.length;
          const { p, f } = { p: geometry.oh * geometry.ow, f: c.filters };
          const xIn = f32In(kernel, x),
            bIn = f32In(kernel, layer.b as unknown as Float32Array),
            zOut = f32In(kernel, n * layer.outputs);
          zOut.a.fill(5);
          const block = training ? n : EVAL_BLOCK;
          assert.equal(forwardCalls.length, Math.ceil(n / block), 'one product per block');
          forwardCalls.forEach((call, k) => {
            const first = k * block,
              count = Math.min(block, n - first);
            const cols = f32In(kernel, count * per);
            kernel.fns.im2colF32(xIn.at + first * layer.inputs * 4, table.at, per, cols.at, count, layer.inputs);
            assertSame(cols.a, call.a, `X_col (${what}, block ${k})`);
            const zCol = f32In(kernel, call.c);
            kernel.fns.convOutput32(zCol.at, bIn.at, zOut.at, first, count, f, p);
          });
          assertSame(zOut.a, z, `z (${what})`);
          if (!training) continue;

          // Backward from dz: dZ_col and db (convOutputGrad), then dx from the answered dX_col (col2im).
          const dz = values32(rng, n * layer.outputs, -1, 1, [NaN, -0, 0, Infinity]);
          const dx = Float32Array.from(layer.backwardFromPreActivation(asF64(dz)));
          const dzIn = f32In(kernel, dz),
            dzColOut = f32In(kernel, n * p * f),
            dbOut = f32In(kernel, f);
          dbOut.a.fill(3);
          kernel.fns.convOutputGrad32f(dzIn.at, dzColOut.at, dbOut.at, n, f, p);
          assertSame(dzColOut.a, dzCol, `dZ_col (${what})`);
          assertSame(dbOut.a, layer.db as unknown as Float32Array, `db (${what})`);
          assert.equal(backwardCalls.length, 1);
          const dCols = f32In(kernel, backwardCalls[0].c),
            dxOut = f32In(kernel, n * layer.inputs);
          dxOut.a.fill(9);
          kernel.fns.col2im32(dCols.at, table.at, per, dxOut.at, n, layer.inputs);
          assertSame(dxOut.a, dx, `dx (${what})`);
        }
      });

    it('db sums a filter in double per sample and rounds at each sample, as `db[j] += s` on a Float32Array', () => {
      // One filter, one sample of 1 + 2⁻²⁴ + 2⁻²⁴: summed in double it rounds up to 1 + 2⁻²³; float32 additions give 1.
      const kernel = float32Kernel(build);
      const dz = f32In(kernel, [1, 2 ** -24, 2 ** -24]),
        dzCol = f32In(kernel, 3),
        db = f32In(kernel, 1);
      kernel.fns.convOutputGrad32f(dz.at, dzCol.at, db.at, 1, 1, 3);
      assert.equal(db.a[0], 1 + 2 ** -23);
    });
  });
