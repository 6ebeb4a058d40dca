/**
 * The convolution and max-pooling passes in WebAssembly (wasm/conv.ts through `WasmKernel`: im2col,
 * col2im, the convolution's bias and layout pass and its gradient, max pooling forward and backward):
 * the same numbers as the layers' TypeScript loops bit for bit, on both precisions, in training and
 * blocked evaluation, with the input in the kernel's memory or not, NaN, ±0 and ties included.
 * The reference is the same WebAssembly kernel with those members switched off, so the products are
 * the same code on both sides and only the passes differ.
 */
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { Conv2dLayer } from '../../src/core/layers/conv2d';
import { windowGeometry } from '../../src/core/layers/conv-geometry';
import { AVGPOOL2D, MAXPOOL2D, Pool2dLayer } from '../../src/core/layers/pool2d';
import type { Precision } from '../../src/core/config/types';
import { WasmKernel, createWasmKernel } from '../../src/core/linalg/wasm-kernel';
import { Rng } from '../../src/core/rng';
import { type ConvCase, KERNEL_CONV_CASES } from '../support/conv-cases';

/** Asserts a and b hold the same numbers bit for bit (±0 told apart; NaN equals NaN). */
function assertSame(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} (WebAssembly) vs ${b[i]} (TypeScript)`);
}

/** The conv/pool members of `kernel`, counted when they take a pass over; `off` makes them all decline. */
function instrument(kernel: WasmKernel, off: boolean): { handled: number } {
  const seen = { handled: 0 };
  const wrap = <A extends unknown[]>(f: (...a: A) => boolean): ((...a: A) => boolean) =>
    off
      ? () => false
      : (...a: A) => {
          const ok = f(...a);
          if (ok) seen.handled++;
          return ok;
        };
  kernel.im2col = wrap(kernel.im2col.bind(kernel));
  kernel.col2im = wrap(kernel.col2im.bind(kernel));
  kernel.convOutput = wrap(kernel.convOutput.bind(kernel));
  kernel.convOutputGrad = wrap(kernel.convOutputGrad.bind(kernel));
  kernel.maxPoolForward = wrap(kernel.maxPoolForward.bind(kernel));
  kernel.maxPoolBackward = wrap(kernel.maxPoolBackward.bind(kernel));
  kernel.avgPoolForward = wrap(kernel.avgPoolForward.bind(kernel));
  kernel.avgPoolBackward = wrap(kernel.avgPoolBackward.bind(kernel));
  return seen;
}

/** n values uniform in [−1, 1), with `specials` first. */
function values(rng: Rng, n: number, specials: readonly number[] = []): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = i < specials.length ? specials[i] : 2 * rng.uniform() - 1;
  return a;
}

const CASES: ConvCase[] = [...KERNEL_CONV_CASES, { input: [1, 14, 14], filters: 8, kernel: [3, 3], stride: [1, 1], padding: 'same' }];

const PRECISIONS: Precision[] = ['float64', 'float32'];

describe('convolution and max pooling in WebAssembly: the TypeScript loops’ numbers bit for bit', () => {
  before(function () {
    if (!createWasmKernel()) this.skip();
  });

  for (const precision of PRECISIONS)
    for (const c of CASES)
      it(`conv2d ${c.input.join('×')} → ${c.filters}, kernel ${c.kernel.join('×')}, stride ${c.stride.join('×')}, padding ${c.padding} (${precision})`, () => {
        const relu = activationRegistry.create('ReLU', {}, { path: [] });
        const geometry = windowGeometry(c.input, c.kernel, c.stride, c.padding);
        const run = (off: boolean, n: number, training: boolean, residentInput: boolean): { out: Float64Array[]; handled: number } => {
          const kernel = new WasmKernel({ precision });
          const seen = instrument(kernel, off);
          const layer = new Conv2dLayer(geometry, c.filters, relu, kernel);
          layer.w.set(values(new Rng(1), layer.w.length));
          layer.b.set(values(new Rng(2), layer.b.length));
          layer.setTraining(training);
          const data = values(new Rng(3), n * layer.inputs, [NaN, -0, 0, Infinity]);
          const x = residentInput ? kernel.alloc(data.length) : new Float64Array(data.length);
          x.set(data);
          const out = [Float64Array.from(layer.forward(x, n)), Float64Array.from(layer.preActivation)];
          if (training) {
            const dy = kernel.alloc(n * layer.outputs);
            dy.set(values(new Rng(4), dy.length, [-0, 0]));
            out.push(Float64Array.from(layer.backward(dy)), Float64Array.from(layer.dw), Float64Array.from(layer.db));
          }
          return { out, handled: seen.handled };
        };
        for (const [n, training, residentInput] of [
          [3, true, true],
          [4, true, false],
          [70, false, true],
          [70, false, false],
        ] as const) {
          const got = run(false, n, training, residentInput);
          const want = run(true, n, training, residentInput);
          assert.ok(got.handled > 0, 'the WebAssembly passes ran');
          const names = ['y', 'z', 'dx', 'dW', 'db'];
          got.out.forEach((a, k) => assertSame(a, want.out[k], `${names[k]} (n ${n}, ${training ? 'training' : 'evaluation'})`));
        }
      });

  for (const precision of PRECISIONS)
    it(`nothing is allocated per batch after the first (conv2d and maxpool2d, training and evaluation, ${precision})`, () => {
      const relu = activationRegistry.create('ReLU', {}, { path: [] });
      const kernel = new WasmKernel({ precision });
      const conv = new Conv2dLayer(windowGeometry([2, 10, 10], [3, 3], [1, 1], 'same'), 4, relu, kernel);
      const pool = new Pool2dLayer(MAXPOOL2D, windowGeometry([4, 10, 10], [2, 2], [2, 2], 'valid'), kernel);
      conv.w.set(values(new Rng(1), conv.w.length));
      const n = 8;
      const x = kernel.alloc(n * conv.inputs);
      x.set(values(new Rng(2), x.length));
      const dy = kernel.alloc(n * pool.outputs);
      dy.set(values(new Rng(3), dy.length));
      const step = (): void => {
        conv.setTraining(true);
        conv.backward(pool.backward(dy.subarray(0, n * pool.outputs)));
        pool.forward(conv.forward(x, n), n);
        conv.setTraining(false);
        pool.forward(conv.forward(x, n), n);
      };
      pool.forward(conv.forward(x, n), n);
      step();
      const before = kernel.arena.allocations;
      for (let r = 0; r < 3; r++) step();
      assert.equal(kernel.arena.allocations, before);
    });

  for (const [input, size, stride] of [
    [
      [2, 6, 6],
      [2, 2],
      [2, 2],
    ],
    [
      [3, 7, 5],
      [3, 2],
      [2, 1],
    ],
    [
      [1, 5, 5],
      [3, 3],
      [1, 1],
    ],
    [
      [16, 28, 28],
      [2, 2],
      [2, 2],
    ],
  ] as [[number, number, number], [number, number], [number, number]][])
    for (const [mode, precision] of ([MAXPOOL2D, AVGPOOL2D] as const).flatMap((m) => PRECISIONS.map((p) => [m, p] as const)))
      it(`${mode} ${input.join('×')}, size ${size.join('×')}, stride ${stride.join('×')} (${precision}): outputs, arg-max and gradients (ties, NaN, ±0)`, () => {
        const geometry = windowGeometry(input, size, stride, 'valid');
        const n = 5;
        const run = (off: boolean): { out: Float64Array[]; handled: number } => {
          const kernel = new WasmKernel({ precision });
          const seen = instrument(kernel, off);
          const layer = new Pool2dLayer(mode, geometry, kernel);
          const rng = new Rng(5);
          const x = kernel.alloc(n * layer.inputs);
          // Few distinct values, so windows hold ties; then NaN, −0 and +0 in the first windows.
          for (let i = 0; i < x.length; i++) x[i] = Math.floor(4 * rng.uniform()) - 2;
          x.set([NaN, -0, 0, 0, -0, NaN, 1, 1]);
          const y = Float64Array.from(layer.forward(x, n));
          const dy = kernel.alloc(n * layer.outputs);
          dy.set(values(new Rng(6), dy.length, [-0]));
          return { out: [y, Float64Array.from(layer.backward(dy))], handled: seen.handled };
        };
        const got = run(false);
        const want = run(true);
        assert.equal(got.handled, 2, 'forward and backward ran in WebAssembly');
        assertSame(got.out[0], want.out[0], 'y');
        assertSame(got.out[1], want.out[1], 'dx');
      });
});
