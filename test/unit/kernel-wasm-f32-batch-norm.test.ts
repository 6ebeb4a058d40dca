/**
 * The WebAssembly kernel's float32 batch normalisation (wasm/batch-norm32.ts), called directly on
 * Float32Arrays in the kernel's memory, against the batch normalisation layer's own TypeScript loops
 * run on Float32Array (the layer built on a kernel whose arrays are Float32Array): x̂, y, μ, 1/σ, the
 * running statistics, dγ, dβ and dx bit for bit, in training and evaluation, with and without dx,
 * on feature counts around the four-wide SIMD steps, NaN, ±0 and ±Infinity included.
 */
import { strict as assert } from 'assert';
import { BatchNormLayer } from '../../src/core/layers/batch-norm';
import { NO_INPUT_GRADIENT } from '../../src/core/layers/layer';
import { Rng } from '../../src/core/rng';
import { asF64, assertSame, availableBuilds, f32In, float32Kernel, float32Reference, values32 } from '../support/wasm-f32';

/** The layer's private per-batch arrays, read for the comparison. */
interface BatchNormInternals {
  mean: Float64Array;
  invStd: Float64Array;
  xHat: { view: Float64Array };
}

// [n, features]: two samples, one feature, odd counts around the four-wide steps, a layer's width.
const SHAPES: [number, number][] = [
  [2, 1],
  [3, 3],
  [5, 4],
  [4, 7],
  [9, 13],
  [16, 33],
];

for (const build of availableBuilds())
  describe(`float32 batch normalisation in WebAssembly (${build}): the layer's TypeScript loops on Float32Array bit for bit`, () => {
    for (const [n, f] of SHAPES)
      for (const training of [true, false])
        for (const withDx of [true, false])
          it(`${n}×${f}, ${training ? 'training' : 'evaluation'}${withDx ? '' : ', no dx'}`, () => {
            const rng = new Rng(n * 100 + f);
            const momentum = 0.1,
              epsilon = 1e-5;
            const ref = new BatchNormLayer(f, momentum, epsilon, float32Reference());
            ref.gamma.set(values32(rng, f, 0.5, 1.5));
            ref.beta.set(values32(rng, f, -0.5, 0.5));
            ref.runningMean.set(values32(rng, f, -1, 1));
            ref.runningVar.set(values32(rng, f, 0.5, 2));
            ref.setTraining(training);
            ref.propagateDown = withDx;
            // The first feature gets the specials only in the larger shapes (a NaN makes its whole column NaN).
            const x = values32(rng, n * f, -3, 3, n * f > 40 ? [NaN, -0, 0, Infinity] : []);
            const dy = values32(rng, n * f, -1, 1, n * f > 40 ? [-0, NaN] : []);

            const kernel = float32Kernel(build);
            const gamma = f32In(kernel, ref.gamma as unknown as Float32Array),
              beta = f32In(kernel, ref.beta as unknown as Float32Array),
              runMean = f32In(kernel, ref.runningMean as unknown as Float32Array),
              runVar = f32In(kernel, ref.runningVar as unknown as Float32Array),
              mean = f32In(kernel, f),
              invStd = f32In(kernel, f),
              xIn = f32In(kernel, x),
              xh = f32In(kernel, n * f),
              y = f32In(kernel, n * f);
            mean.a.fill(4);
            invStd.a.fill(4);
            kernel.fns.batchNormForward32(
              xIn.at,
              xh.at,
              y.at,
              n,
              f,
              gamma.at,
              beta.at,
              mean.at,
              invStd.at,
              runMean.at,
              runVar.at,
              momentum,
              epsilon,
              training ? 1 : 0,
            );

            const wantY = ref.forward(asF64(x), n);
            const inner = ref as unknown as BatchNormInternals;
            assertSame(y.a, wantY, 'y');
            assertSame(xh.a, inner.xHat.view, 'x̂');
            assertSame(mean.a, inner.mean, 'μ');
            assertSame(invStd.a, inner.invStd, '1/σ');
            assertSame(runMean.a, ref.runningMean, 'running mean');
            assertSame(runVar.a, ref.runningVar, 'running variance');

            const dyIn = f32In(kernel, dy),
              dx = f32In(kernel, n * f),
              dGamma = f32In(kernel, f),
              dBeta = f32In(kernel, f),
              coef = kernel.arena.reserve(f * 8);
            dGamma.a.fill(6);
            dBeta.a.fill(6);
            dx.a.fill(8);
            kernel.fns.batchNormBackward32(dyIn.at, xh.at, withDx ? dx.at : 0, coef, n, f, gamma.at, invStd.at, dGamma.at, dBeta.at, training ? 1 : 0);
            const wantDx = ref.backward(asF64(dy));
            assertSame(dGamma.a, ref.dGamma, 'dγ');
            assertSame(dBeta.a, ref.dBeta, 'dβ');
            if (withDx) assertSame(dx.a, wantDx, 'dx');
            else {
              assert.equal(wantDx, NO_INPUT_GRADIENT);
              assert.ok(
                dx.a.every((v) => v === 8),
                'dx left alone',
              );
            }
          });
  });
