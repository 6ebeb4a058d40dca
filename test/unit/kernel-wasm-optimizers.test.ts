/**
 * The optimizer steps in WebAssembly (wasm/optimizer-steps.ts through `WasmKernel.optimizerStep`):
 * SGD, MSGD, NAG and the Adam family give the same numbers as the optimizers' TypeScript loops bit
 * for bit, with float64 and float32 storage, over several steps with random gradients (zeros, −0,
 * tiny and huge values, a NaN at the end), odd tensor lengths (the one-lane tail), a learning rate
 * changed between steps; tensors below the threshold, foreign arrays and mixed element types stay in
 * TypeScript with the same numbers.
 */
import { strict as assert } from 'assert';
import type { FloatArray } from '../../src/core/linalg/float-array';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { OPTIMIZER_MIN_LENGTH } from '../../src/core/linalg/wasm-optimizer-steps';
import { WasmKernel } from '../../src/core/linalg/wasm-kernel';
import { WasmBuild, wasmKernelAvailable } from '../../src/core/linalg/wasm-module';
import { optimizerRegistry } from '../../src/core/optimizers';
import type { Optimizer } from '../../src/core/optimizers/optimizer';
import { Rng } from '../../src/core/rng';

/** The optimizers whose step the kernel runs, with hyper-parameters that move the weights visibly. */
const OPTIMIZERS: readonly { name: string; params: Record<string, number> }[] = [
  { name: 'SGD', params: { eta: 0.05 } },
  { name: 'MSGD', params: { eta: 0.05, mu: 0.9 } },
  { name: 'NAG', params: { eta: 0.05, mu: 0.8 } },
  { name: 'Adam', params: { alpha: 0.01 } },
  { name: 'AMSGrad', params: { alpha: 0.01, beta2: 0.99 } },
  { name: 'AdaMax', params: { alpha: 0.01 } },
  { name: 'Nadam', params: { alpha: 0.01 } },
  { name: 'AdaBound', params: { alpha: 0.01, eta: 0.05 } },
  { name: 'AMSBound', params: { alpha: 0.01, eta: 0.05, beta2: 0.99 } },
];

/** Tensor lengths: odd ones (a one-lane tail), even ones, and two below the threshold (TypeScript). */
const LENGTHS = [17, 33, OPTIMIZER_MIN_LENGTH, 128, OPTIMIZER_MIN_LENGTH - 1, 257, 10];

/** The learning rate of each step, as a factor of the configured one (0: a schedule's stop). */
const RATE_FACTORS = [1, 1, 0.5, 0.25, 0, 3, 1];

/** Builds to test: the plain SIMD build, and the relaxed one where the engine has it. */
const BUILDS: WasmBuild[] = wasmKernelAvailable('relaxed-simd') ? ['simd', 'relaxed-simd'] : ['simd'];

type Storage = 'float64' | 'float32';

/** A zeroed array of `len` inside the kernel's memory with the storage's element type. */
function resident(kernel: WasmKernel, storage: Storage, len: number): FloatArray {
  return storage === 'float64' ? kernel.arena.alloc(len) : kernel.arena.alloc32(len);
}

/** A zeroed array of `len` outside any kernel. */
function plain(storage: Storage, len: number): FloatArray {
  return storage === 'float64' ? new Float64Array(len) : new Float32Array(len);
}

/** Gradient values of step `step` for a tensor of `len`: random, with zeros, −0, tiny and huge values, and a NaN in the last step. */
function gradient(rng: Rng, len: number, step: number, steps: number): number[] {
  const g = Array.from({ length: len }, () => (2 * rng.uniform() - 1) * (rng.uniform() < 0.2 ? 10 : 1));
  g[0] = 0;
  g[1] = -0;
  g[2] = step % 2 === 0 ? 1e-30 : -3e-39;
  g[3] = step === 2 ? 1e30 : g[3];
  if (step === steps - 1 && len > 5) g[5] = NaN;
  return g;
}

/** Asserts a and b hold the same numbers bit for bit (±0 told apart; NaN equals NaN). */
function assertSame(a: FloatArray, b: FloatArray, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} (WebAssembly) vs ${b[i]} (TypeScript)`);
}

/** Counts the steps `kernel` took over (its `optimizerStep` returning true). */
function countHandled(kernel: WasmKernel): { handled: number } {
  const seen = { handled: 0 };
  const original = kernel.optimizerStep.bind(kernel);
  kernel.optimizerStep = (...a) => {
    const ok = original(...a);
    if (ok) seen.handled++;
    return ok;
  };
  return seen;
}

/** An array of `len` values. */
type Make = (len: number) => FloatArray;

/** Where each run's parameters and gradients come from: the run given the kernel, and the TypeScript run (no kernel). */
interface Sides {
  params: Make;
  grads: Make;
  refParams: Make;
  refGrads: Make;
}

/** Parameters and gradients both from `ours` and `reference`. */
function same(ours: Make, reference: Make): Sides {
  return { params: ours, grads: ours, refParams: reference, refGrads: reference };
}

/**
 * Runs the optimizer `name` with and without `kernel` over the same tensors and gradients for
 * RATE_FACTORS.length steps, comparing every parameter after every step.
 */
function compareRuns(kernel: WasmKernel, name: string, params: Record<string, number>, sides: Sides, seed: number): void {
  const make = (): Optimizer => optimizerRegistry.create(name, params);
  const ours = make(),
    reference = make();
  ours.useKernel?.(kernel);
  const entry = optimizerRegistry.entry(name);
  const lr0 = optimizerRegistry.resolveParams(name, params)[entry.learningRate!];
  const rng = new Rng(seed);
  const pOurs = LENGTHS.map(sides.params),
    gOurs = LENGTHS.map(sides.grads);
  const pRef = LENGTHS.map(sides.refParams),
    gRef = LENGTHS.map(sides.refGrads);
  LENGTHS.forEach((len, k) => {
    for (let i = 0; i < len; i++) pOurs[k][i] = pRef[k][i] = 2 * rng.uniform() - 1;
  });
  const steps = RATE_FACTORS.length;
  for (let step = 0; step < steps; step++) {
    ours.setLearningRate?.(lr0 * RATE_FACTORS[step]);
    reference.setLearningRate?.(lr0 * RATE_FACTORS[step]);
    LENGTHS.forEach((len, k) => {
      const g = gradient(rng, len, step, steps);
      gOurs[k].set(g);
      gRef[k].set(g);
    });
    ours.step(pOurs, gOurs);
    reference.step(pRef, gRef);
    LENGTHS.forEach((len, k) => assertSame(pOurs[k], pRef[k], `${name} step ${step + 1}, tensor ${k} (${len} values)`));
  }
}

for (const build of BUILDS) {
  describe(`WebAssembly optimizer steps (${build} build)`, () => {
    for (const storage of ['float64', 'float32'] as const) {
      for (const { name, params } of OPTIMIZERS) {
        it(`${name}, ${storage} storage: the same numbers as TypeScript, every step and tensor`, () => {
          const kernel = new WasmKernel({ build, precision: storage });
          const seen = countHandled(kernel);
          compareRuns(
            kernel,
            name,
            params,
            same(
              (len) => resident(kernel, storage, len),
              (len) => plain(storage, len),
            ),
            17,
          );
          const big = LENGTHS.filter((len) => len >= OPTIMIZER_MIN_LENGTH).length;
          assert.equal(seen.handled, big * RATE_FACTORS.length, 'every tensor at or above the threshold ran in WebAssembly');
        });
      }
    }
  });
}

describe('WebAssembly optimizer steps: what stays in TypeScript', () => {
  it('arrays outside the kernel, mixed element types, and a kernel without the hook give the same numbers', () => {
    for (const { name, params } of OPTIMIZERS) {
      // Parameters and gradients outside the kernel's memory (the state is inside): declined.
      const kernel = new WasmKernel();
      const seen = countHandled(kernel);
      const f64: Make = (len) => plain('float64', len);
      compareRuns(kernel, name, params, same(f64, f64), 5);
      assert.equal(seen.handled, 0, `${name}: foreign arrays`);
      // Float32 parameters in the kernel with float64 gradients: declined; TypeScript mixes them as before.
      const mixed = new WasmKernel();
      const seenMixed = countHandled(mixed);
      const sides: Sides = {
        params: (len) => resident(mixed, 'float32', len),
        grads: (len) => resident(mixed, 'float64', len),
        refParams: (len) => plain('float32', len),
        refGrads: f64,
      };
      compareRuns(mixed, name, params, sides, 6);
      assert.equal(seenMixed.handled, 0, `${name}: mixed element types`);
    }
    // The TypeScript kernel has no optimizer hook: the optimizer runs as without a kernel.
    const opt = optimizerRegistry.create('Adam', {});
    opt.useKernel?.(jsKernel);
    const reference = optimizerRegistry.create('Adam', {});
    const p = new Float64Array([0.5, -0.25, 1, 2, 3, 4, 5, 6, 7]),
      q = p.slice();
    const g = new Float64Array([0.1, 0, -0.3, 1, 1, 1, 1, 1, -1]);
    opt.step([p], [g]);
    reference.step([q], [g]);
    assertSame(p, q, 'Adam on the TypeScript kernel');
  });
});
