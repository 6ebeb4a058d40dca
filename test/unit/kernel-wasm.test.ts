import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { prepareRun } from '../../src/core/config/load';
import type { ResolvedConfig } from '../../src/core/config/resolved';
import type { Dataset } from '../../src/core/data/dataset';
import { activationRegistry } from '../../src/core/activations';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { WasmKernel, createWasmKernel } from '../../src/core/linalg/wasm-kernel';
import { Rng } from '../../src/core/rng';
import { TrainingRun } from '../../src/core/train/trainer';
import { kernelName } from '../support/kernel-name';

/** Random matrix with entries uniform in [-1, 1). */
function rand(rng: Rng, len: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = 2 * rng.uniform() - 1;
  return a;
}

/** Σ_q |a(r,q)|·|b(q,c)| for every output (r, c): the scale of each dot product's rounding error. */
function magnitudes(
  get: (r: number, q: number) => number,
  getB: (q: number, c: number) => number,
  rows: number,
  depth: number,
  cols: number,
  bias?: Float64Array,
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let s = bias ? Math.abs(bias[c]) : 0;
      for (let q = 0; q < depth; q++) s += Math.abs(get(r, q) * getB(q, c));
      out[r * cols + c] = s;
    }
  return out;
}

/** |actual − expected| ≤ tol(i)·scale[i] for every entry, reporting the worst ratio on failure. */
function assertWithin(actual: Float64Array, expected: Float64Array, scale: Float64Array, tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    assert.ok(err <= tol * scale[i] + Number.MIN_VALUE, `${what}[${i}]: ${actual[i]} vs ${expected[i]} (error ${err}, scale ${scale[i]})`);
  }
}

/** float32's unit roundoff 2⁻²⁴: a k-term float32 dot product of rounded operands errs by at most ≈ (k + 2)·u·Σ|a||b|. */
const U32 = 2 ** -24;

// Odd and even sizes around the 4-row / 2-, 4-, 8-column tiles and the 784 of MNIST-like inputs.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 7],
  [3, 7, 1],
  [7, 1, 3],
  [4, 4, 4],
  [5, 9, 13],
  [65, 3, 10],
  [3, 65, 7],
  [8, 16, 2],
  [64, 784, 128],
  [7, 784, 65],
  [33, 128, 64],
  [2, 64, 10],
  [17, 5, 33],
];

/** Runs one product with foreign arrays (copied in/out) and with arrays in the kernel's memory. */
function bothWays(
  kernel: WasmKernel,
  inputs: Float64Array[],
  outLen: number,
  run: (args: FloatArray[], out: FloatArray) => void,
): [Float64Array, Float64Array] {
  const foreign = new Float64Array(outLen).fill(7); // stale contents must be overwritten
  run(inputs, foreign);
  const resident = inputs.map((x) => {
    const r = kernel.alloc(x.length);
    r.set(x);
    return r;
  });
  const out = kernel.alloc(outLen).fill(-3);
  run(resident, out);
  return [foreign, Float64Array.from(out)];
}

describe('WasmKernel (WebAssembly SIMD dense kernel)', () => {
  const rng = new Rng(5);
  const k64 = createWasmKernel({ precision: 'float64' });
  const k32 = createWasmKernel({ precision: 'float32' });

  it('is available on this Node (WebAssembly SIMD and shared memory)', () => {
    assert.ok(k64 && k32);
    assert.equal(k64.name, kernelName('wasm64'));
    assert.equal(k32.name, kernelName('wasm32'));
  });

  for (const [n, k, m] of shapes) {
    it(`matmul, matmulTransA, matmulTransB for n=${n}, k=${k}, m=${m}: float64 equals the TS kernel within 1e-12, float32 within (k+2)·2⁻²⁴`, () => {
      const a = rand(rng, n * k),
        b = rand(rng, k * m),
        bias = rand(rng, m),
        g = rand(rng, n * m);
      const cases: {
        what: string;
        inputs: Float64Array[];
        len: number;
        depth: number;
        run: (kern: typeof jsKernel, x: FloatArray[], out: FloatArray) => void;
        scale: Float64Array;
      }[] = [
        {
          what: 'A·B',
          inputs: [a, b],
          len: n * m,
          depth: k,
          run: (kern, [x, y], out) => kern.matmul(x, y, out, n, k, m),
          scale: magnitudes(
            (r, q) => a[r * k + q],
            (q, c) => b[q * m + c],
            n,
            k,
            m,
          ),
        },
        {
          what: 'A·B + bias',
          inputs: [a, b, bias],
          len: n * m,
          depth: k,
          run: (kern, [x, y, z], out) => kern.matmul(x, y, out, n, k, m, z),
          scale: magnitudes(
            (r, q) => a[r * k + q],
            (q, c) => b[q * m + c],
            n,
            k,
            m,
            bias,
          ),
        },
        {
          what: 'Aᵀ·G',
          inputs: [a, g],
          len: k * m,
          depth: n,
          run: (kern, [x, y], out) => kern.matmulTransA(x, y, out, n, k, m),
          scale: magnitudes(
            (r, q) => a[q * k + r],
            (q, c) => g[q * m + c],
            k,
            n,
            m,
          ),
        },
        {
          what: 'G·Bᵀ',
          inputs: [g, b],
          len: n * k,
          depth: m,
          run: (kern, [x, y], out) => kern.matmulTransB(x, y, out, n, m, k),
          scale: magnitudes(
            (r, q) => g[r * m + q],
            (q, c) => b[c * m + q],
            n,
            m,
            k,
          ),
        },
      ];
      for (const c of cases) {
        const expected = new Float64Array(c.len);
        c.run(jsKernel, c.inputs, expected);
        const [f64Foreign, f64Resident] = bothWays(k64!, c.inputs, c.len, (x, out) => c.run(k64!, x, out));
        assertWithin(f64Foreign, expected, c.scale, 1e-12, `${c.what} float64 (copied in/out)`);
        assertWithin(f64Resident, expected, c.scale, 1e-12, `${c.what} float64 (in kernel memory)`);
        const [f32Foreign, f32Resident] = bothWays(k32!, c.inputs, c.len, (x, out) => c.run(k32!, x, out));
        assertWithin(f32Foreign, expected, c.scale, (c.depth + 3) * U32, `${c.what} float32 (copied in/out)`);
        assertWithin(f32Resident, expected, c.scale, (c.depth + 3) * U32, `${c.what} float32 (in kernel memory)`);
      }
    });
  }

  it('float32 products really round to float32 (they differ from float64 on a long sum)', () => {
    const n = 4,
      k = 784,
      m = 8;
    const a = rand(rng, n * k),
      b = rand(rng, k * m);
    const c64 = new Float64Array(n * m),
      c32 = new Float64Array(n * m);
    k64!.matmul(a, b, c64, n, k, m);
    k32!.matmul(a, b, c32, n, k, m);
    assert.ok(
      c32.some((v, i) => v !== c64[i]),
      'float32 results equal float64 ones bit for bit',
    );
    assert.ok(
      c32.every((v) => Math.fround(v) === v),
      'float32 results are float32 numbers',
    );
  });

  it('firstRunaway finds NaN, ±Infinity and values beyond ±limit anywhere (SIMD blocks and tail), in and outside its memory, for both precisions', () => {
    for (const precision of ['float64', 'float32'] as const) {
      const kernel = createWasmKernel({ precision })!;
      const limit = 1e12;
      for (const len of [1, 7, 8, 9, 17, 100]) {
        for (const at of new Set([0, 1, 7, 8, len - 1].filter((i) => i < len))) {
          for (const bad of [NaN, Infinity, -Infinity, 1.5e12, -1.5e12]) {
            const resident = kernel.alloc(len).fill(1.5),
              foreign = new Float64Array(len).fill(-2);
            resident[at] = bad;
            foreign[at] = bad;
            const want = precision === 'float32' ? Math.fround(bad) : bad;
            assert.ok(Object.is(kernel.firstRunaway([kernel.alloc(3), resident], limit), want), `${precision} len ${len}, at ${at}, ${bad} (kernel memory)`);
            assert.ok(Object.is(kernel.firstRunaway([foreign], limit), bad), `${precision} len ${len}, at ${at}, ${bad} (foreign)`);
          }
        }
        // ±limit itself is within; so are float32's neighbours below it.
        assert.equal(
          kernel.firstRunaway(
            [kernel.alloc(len).fill(precision === 'float32' ? Math.fround(limit) - 65536 : limit), kernel.alloc(len).fill(-limit / 2)],
            limit,
          ),
          undefined,
        );
      }
    }
  });

  it("ReLU in WebAssembly gives the TypeScript ReLU's numbers bit for bit (NaN, ±0, ±Infinity, odd lengths)", () => {
    const kernel = createWasmKernel()!;
    const relu = activationRegistry.create('ReLU');
    const special = [NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1, -1];
    for (const len of [1, 2, 3, 9, 64, 129]) {
      const z = kernel.alloc(len),
        dy = kernel.alloc(len),
        y = kernel.alloc(len),
        dz = kernel.alloc(len);
      for (let i = 0; i < len; i++) {
        z[i] = i < special.length ? special[i] : 2 * rng.uniform() - 1;
        dy[i] = i < special.length ? special[(i + 3) % special.length] : 2 * rng.uniform() - 1;
      }
      const yTs = new Float64Array(len),
        dzTs = new Float64Array(len);
      relu.forwardInto(z, yTs, len);
      relu.backwardInto(z, yTs, dy, dzTs, len);
      assert.equal(kernel.activationInto('ReLU', z, y), true);
      assert.equal(kernel.activationBackwardInto('ReLU', z, dy, dz), true);
      for (let i = 0; i < len; i++) {
        assert.ok(Object.is(y[i], yTs[i]), `forward[${i}] of ${z[i]}: ${y[i]} vs ${yTs[i]}`);
        assert.ok(Object.is(dz[i], dzTs[i]), `backward[${i}] of ${z[i]}, ${dy[i]}: ${dz[i]} vs ${dzTs[i]}`);
      }
    }
    // Other activations, and arrays outside the kernel's memory, are left to the activation.
    assert.equal(kernel.activationInto('tanh', kernel.alloc(2), kernel.alloc(2)), false);
    assert.equal(kernel.activationInto('ReLU', new Float64Array(2), kernel.alloc(2)), false);
  });

  it('arrays handed out by alloc stay valid when the memory grows', () => {
    const kernel = createWasmKernel()!;
    const w = kernel.alloc(10).fill(1.5);
    const before = kernel.arena.memory.buffer.byteLength;
    kernel.alloc(8 * 1024 * 1024); // 64 MiB: forces growth
    assert.ok(kernel.arena.memory.buffer.byteLength > before);
    assert.equal(w.length, 10);
    assert.deepEqual(Array.from(w), new Array(10).fill(1.5));
    const c = kernel.alloc(1);
    kernel.matmul(w, kernel.alloc(10).fill(2), c, 1, 10, 1);
    assert.equal(c[0], 30);
  });
});

/** The description and data of an example file, with the training block overridden. */
function example(file: string, training: Partial<ResolvedConfig['training']>): { config: ResolvedConfig; data: Dataset } {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8');
  const run = prepareRun(text);
  assert.ok(run.config && run.data, `${file}: ${JSON.stringify(run.problems)}`);
  return { config: { ...run.config, training: { ...run.config.training, ...training } }, data: run.data };
}

describe('training with the WebAssembly kernel', () => {
  it('spiral: every epoch of a float64 WASM run matches the TS kernel within 1e-12 relative', () => {
    const { config, data } = example('spiral.nn.json', { epochs: 30, validationSplit: 0.2 });
    const viaJs = new TrainingRun(config, data, { kernel: jsKernel });
    const viaWasm = new TrainingRun(config, data, { kernel: createWasmKernel({ precision: 'float64' }) });
    assert.equal(viaWasm.model.kernel.name, kernelName('wasm64'));
    for (let e = 0; e < 30; e++) {
      const a = viaJs.runEpoch()!,
        b = viaWasm.runEpoch()!;
      for (const key of ['loss', 'valLoss'] as const) {
        const x = a[key]!,
          y = b[key]!;
        assert.ok(Math.abs(x - y) <= 1e-12 * Math.abs(x), `epoch ${e + 1} ${key}: ${x} (TS) vs ${y} (WASM)`);
      }
    }
    const wJs = viaJs.model.params(),
      wWasm = viaWasm.model.params();
    wJs.forEach((w, i) => w.forEach((v, j) => assert.ok(Math.abs(v - wWasm[i][j]) <= 1e-10 * (1 + Math.abs(v)), `param ${i}[${j}]`)));
  });

  it('the default kernel follows training.precision', () => {
    const { config, data } = example('xor.nn.json', { epochs: 1 });
    assert.equal(new TrainingRun(config, data).model.kernel.name, kernelName('wasm64'));
    assert.equal(new TrainingRun({ ...config, training: { ...config.training, precision: 'float32' } }, data).model.kernel.name, kernelName('wasm32'));
  });

  for (const file of ['xor.nn.json', 'spiral.nn.json']) {
    it(`float32 precision trains ${file} to convergence`, () => {
      const { config, data } = example(file, { precision: 'float32' });
      const run = new TrainingRun(config, data);
      assert.equal(run.model.kernel.name, kernelName('wasm32'));
      while (!run.done) run.runEpoch();
      const last = run.history[run.history.length - 1];
      assert.equal(run.status, 'completed');
      assert.ok(last.accuracy! >= 0.97, `${file}: accuracy ${last.accuracy}, loss ${last.loss}`);
      assert.ok(last.loss < run.history[0].loss / 5, `${file}: loss ${run.history[0].loss} → ${last.loss}`);
    });
  }

  for (const precision of ['float64', 'float32'] as const) {
    it(`allocates nothing inside the training loop after the first epoch (${precision})`, () => {
      // 103 samples in batches of 16 (a smaller last batch) with a validation split.
      const { config, data } = example('spiral.nn.json', { epochs: 5, validationSplit: 0.2, batchSize: 16, precision });
      const kernel = createWasmKernel({ precision })!;
      const run = new TrainingRun(config, { ...data, n: 129, x: data.x.subarray(0, 258), y: data.y.subarray(0, 129) }, { kernel });
      run.runEpoch();
      const regions = kernel.arena.allocations;
      const bytes = kernel.arena.memory.buffer.byteLength;
      const Original = globalThis.Float64Array;
      let created = 0;
      // Counts fresh arrays (`new Float64Array(length)`); views and copies of typed arrays are not storage growth.
      const Counting = new Proxy(Original, {
        construct(target, args: unknown[], newTarget) {
          if (typeof args[0] === 'number' && args[0] > 0) created++;
          return Reflect.construct(target, args, newTarget) as object;
        },
      });
      globalThis.Float64Array = Counting;
      try {
        for (let e = 0; e < 3; e++) run.runEpoch();
        assert.equal(new Float64Array(2).length, 2); // the spy works
      } finally {
        globalThis.Float64Array = Original;
      }
      assert.equal(created, 1, 'new Float64Array(n) calls inside epochs 2–4 (1 = the spy check)');
      assert.equal(kernel.arena.allocations, regions, 'kernel memory regions created after epoch 1');
      assert.equal(kernel.arena.memory.buffer.byteLength, bytes, 'kernel memory grew after epoch 1');
    });
  }
});
