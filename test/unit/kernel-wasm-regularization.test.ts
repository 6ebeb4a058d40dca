/**
 * Dropout and batch normalisation in WebAssembly (wasm/dropout.ts, wasm/batch-norm.ts through
 * `WasmKernel`): the same numbers as the TypeScript layers bit for bit — masks, outputs,
 * gradients, running statistics and the generator's state afterwards — on random inputs of
 * several shapes, odd ones included; small batches stay in TypeScript; nothing is allocated per batch.
 */
import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { BatchNormLayer } from '../../src/core/layers/batch-norm';
import { DropoutLayer } from '../../src/core/layers/dropout';
import { NO_INPUT_GRADIENT } from '../../src/core/layers/layer';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { LAYER_THRESHOLD, WasmKernel } from '../../src/core/linalg/wasm-kernel';
import { Rng } from '../../src/core/rng';

/** Asserts a and b hold the same numbers bit for bit (±0 told apart; NaN equals NaN). */
function assertSame(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} (WebAssembly) vs ${b[i]} (TypeScript)`);
}

/** A copy of `a` inside the kernel's memory (where the layers' own arrays live). */
function resident(kernel: WasmKernel, a: FloatArray): FloatArray {
  const r = kernel.alloc(a.length);
  r.set(a);
  return r;
}

/** Counts the passes `kernel` took over (its regularisation members returning true); zero the fields to restart. */
function countHandled(kernel: WasmKernel): { dropout: number; batchNorm: number } {
  const seen = { dropout: 0, batchNorm: 0 };
  const df = kernel.dropoutForward.bind(kernel),
    db = kernel.dropoutBackward.bind(kernel),
    bf = kernel.batchNormForward.bind(kernel),
    bb = kernel.batchNormBackward.bind(kernel);
  const note = (ok: boolean, key: 'dropout' | 'batchNorm'): boolean => {
    if (ok) seen[key]++;
    return ok;
  };
  kernel.dropoutForward = (...a) => note(df(...a), 'dropout');
  kernel.dropoutBackward = (...a) => note(db(...a), 'dropout');
  kernel.batchNormForward = (...a) => note(bf(...a), 'batchNorm');
  kernel.batchNormBackward = (...a) => note(bb(...a), 'batchNorm');
  return seen;
}

/** n values: specials first (NaN, ±0, ±Infinity, the smallest subnormal), then uniform in [lo, hi). */
function values(rng: Rng, n: number, lo: number, hi: number, specials: readonly number[] = []): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = i < specials.length ? specials[i] : lo + (hi - lo) * rng.uniform();
  return a;
}

/** The generator's next eight words (advances it). */
function nextWords(rng: Rng): number[] {
  return Array.from({ length: 8 }, () => rng.nextU32());
}

const SPECIALS = [NaN, 0, -0, Infinity, -Infinity, 5e-324, -1];

// [n, features]: one sample, one feature, odd counts around the two-wide SIMD steps, the example's layers.
const DROPOUT_SHAPES: [number, number][] = [
  [1, 1],
  [1, 3],
  [3, 1],
  [2, 7],
  [5, 13],
  [8, 8],
  [13, 5],
  [127, 33],
  [128, 256],
];

const BATCHNORM_SHAPES: [number, number][] = [
  [2, 1],
  [2, 2],
  [3, 5],
  [4, 64],
  [16, 33],
  [7, 129],
  [128, 256],
  [128, 128],
];

describe('Dropout and batch normalisation in WebAssembly (bit for bit the TypeScript layers)', () => {
  // One kernel for the tests below (each WebAssembly memory reserves its maximum size), every batch of it in WebAssembly.
  const kernel = new WasmKernel({ layerThreshold: 0 });
  const handled = countHandled(kernel);
  beforeEach(() => {
    handled.dropout = 0;
    handled.batchNorm = 0;
  });

  it('Rng.saveState / loadState hand the stream over: the copy draws what the original draws', () => {
    const a = new Rng(11);
    for (let i = 0; i < 5; i++) a.uniform();
    const words = new Int32Array(6);
    a.saveState(words, 2);
    const b = new Rng(999);
    b.loadState(words, 2);
    assert.deepEqual(nextWords(b), nextWords(a));
    assert.equal(b.uniform(), a.uniform());
  });

  for (const [n, f] of DROPOUT_SHAPES)
    for (const rate of [0.2, 0.5, 0.95]) {
      it(`dropout ${n}×${f}, rate ${rate}: masks, outputs, gradients and the generator afterwards equal TypeScript's`, () => {
        const rngTs = new Rng(n * 1000 + f),
          rngWasm = new Rng(n * 1000 + f);
        const ts = new DropoutLayer(f, rate, rngTs, jsKernel);
        const wasm = new DropoutLayer(f, rate, rngWasm, kernel);
        const data = new Rng(7);
        // Several batches (a smaller last one included), so the stream runs through many draws.
        for (const rows of [n, n, Math.max(1, n - 1), n]) {
          const x = values(data, rows * f, -3, 3, SPECIALS);
          const dy = values(data, rows * f, -1, 1, SPECIALS.slice().reverse());
          const yTs = ts.forward(x, rows);
          const yWasm = wasm.forward(resident(kernel, x), rows);
          assertSame(yWasm, yTs, 'y');
          assertSame(wasm.backward(resident(kernel, dy)), ts.backward(dy), 'dx');
          // The mask itself: dy = 1 gives it back.
          const ones = new Float64Array(rows * f).fill(1);
          assertSame(wasm.backward(resident(kernel, ones)), ts.backward(ones), 'mask');
        }
        assert.equal(handled.dropout, 12, 'every pass ran in WebAssembly');
        assert.deepEqual(nextWords(rngWasm), nextWords(rngTs), 'generator state afterwards');
      });
    }

  it('dropout with rate 0, and in evaluation, draws nothing and is the identity', () => {
    const rng = new Rng(3),
      twin = new Rng(3);
    const off = new DropoutLayer(16, 0, rng, kernel);
    const x = resident(kernel, values(new Rng(1), 64, -1, 1));
    assert.equal(off.forward(x, 4), x);
    const on = new DropoutLayer(16, 0.5, rng, kernel);
    on.setTraining(false);
    assert.equal(on.forward(x, 4), x);
    assert.equal(handled.dropout, 0);
    assert.deepEqual(nextWords(rng), nextWords(twin));
  });

  for (const [n, f] of BATCHNORM_SHAPES)
    it(`batchnorm ${n}×${f}: training and evaluation outputs, dγ, dβ, dx and running statistics equal TypeScript's`, () => {
      const ts = new BatchNormLayer(f, 0.37, 1e-3, jsKernel);
      const wasm = new BatchNormLayer(f, 0.37, 1e-3, kernel);
      const data = new Rng(n + 31 * f);
      for (const layer of [ts, wasm]) layer.reset();
      const gamma = values(data, f, 0.5, 1.5),
        beta = values(data, f, -0.5, 0.5);
      for (const layer of [ts, wasm]) {
        layer.gamma.set(gamma);
        layer.beta.set(beta);
      }
      // Features of very different offsets and scales (cancellation in x − μ), one constant feature (σ² = 0), −0 entries.
      const batch = (rows: number): Float64Array => {
        const x = new Float64Array(rows * f);
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < f; j++) {
            const offset = j % 3 === 0 ? 1000 : j % 3 === 1 ? -0.001 : 0;
            const scale = j % 4 === 0 ? 1e-4 : j % 4 === 1 ? 10 : 1;
            x[i * f + j] = j === f - 1 && f > 1 ? 2.5 : (i + j) % 11 === 0 ? -0 : offset + scale * (2 * data.uniform() - 1);
          }
        return x;
      };
      let passes = 0;
      const compare = (rows: number, what: string): void => {
        const x = batch(rows);
        const dy = values(data, rows * f, -1, 1);
        assertSame(wasm.forward(resident(kernel, x), rows), ts.forward(x, rows), `${what} y`);
        assertSame(wasm.backward(resident(kernel, dy)), ts.backward(dy), `${what} dx`);
        assertSame(wasm.dGamma, ts.dGamma, `${what} dγ`);
        assertSame(wasm.dBeta, ts.dBeta, `${what} dβ`);
        assertSame(wasm.runningMean, ts.runningMean, `${what} running mean`);
        assertSame(wasm.runningVar, ts.runningVar, `${what} running variance`);
        passes += 2;
      };
      for (const rows of [n, n, Math.max(2, n - 1)]) compare(rows, `training ${rows}`);
      for (const layer of [ts, wasm]) layer.setTraining(false);
      compare(n, 'evaluation');
      compare(1, 'evaluation of one sample');
      // Without an input gradient: dγ and dβ only.
      for (const layer of [ts, wasm]) {
        layer.setTraining(true);
        layer.propagateDown = false;
      }
      const x = batch(n),
        dy = values(data, n * f, -1, 1);
      assertSame(wasm.forward(resident(kernel, x), n), ts.forward(x, n), 'y');
      assert.equal(wasm.backward(resident(kernel, dy)), NO_INPUT_GRADIENT);
      ts.backward(dy);
      assertSame(wasm.dGamma, ts.dGamma, 'dγ without dx');
      assertSame(wasm.dBeta, ts.dBeta, 'dβ without dx');
      assert.equal(handled.batchNorm, passes + 2, 'every pass ran in WebAssembly');
    });

  it(`small batches (below ${LAYER_THRESHOLD} values) and arrays outside the kernel's memory stay in TypeScript`, () => {
    const standard = new WasmKernel();
    const seen = countHandled(standard);
    assert.equal(standard.layerThreshold, LAYER_THRESHOLD);
    const dropout = new DropoutLayer(8, 0.5, new Rng(1), standard);
    const bn = new BatchNormLayer(8, 0.1, 1e-5, standard);
    bn.reset();
    const rows = Math.ceil(LAYER_THRESHOLD / 8); // the smallest batch of 8 features handed over
    const small = resident(standard, values(new Rng(2), 8 * (rows - 1), -1, 1));
    dropout.backward(dropout.forward(small, rows - 1));
    bn.backward(bn.forward(small, rows - 1));
    assert.deepEqual(seen, { dropout: 0, batchNorm: 0 });
    const foreign = values(new Rng(2), 8 * rows, -1, 1);
    dropout.forward(foreign, rows);
    bn.forward(foreign, rows);
    assert.deepEqual(seen, { dropout: 0, batchNorm: 0 });
    const large = resident(standard, foreign);
    dropout.backward(dropout.forward(large, rows));
    bn.backward(bn.forward(large, rows));
    assert.deepEqual(seen, { dropout: 2, batchNorm: 2 });
  });

  it('allocates nothing per batch once warmed up (the generator state and scratch regions are reused)', () => {
    const dropout = new DropoutLayer(96, 0.3, new Rng(1), kernel);
    const bn = new BatchNormLayer(96, 0.1, 1e-5, kernel);
    bn.reset();
    const x = resident(kernel, values(new Rng(2), 32 * 96, -1, 1));
    const step = (rows: number): void => {
      const v = rows === 32 ? x : x.subarray(0, rows * 96);
      dropout.backward(bn.backward(dropout.forward(bn.forward(v, rows), rows)));
    };
    step(32);
    step(5);
    const before = kernel.arena.allocations;
    for (let i = 0; i < 10; i++) step(i % 2 === 0 ? 32 : 5);
    assert.equal(kernel.arena.allocations, before);
  });
});
