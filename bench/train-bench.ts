/**
 * Training throughput of NN Lab's core against TensorFlow.js on the same CPU, in one run.
 * `npm run bench` (optionally `-- --quick`); `npm run bench -- mlp [--json]` runs bench/mlp-bench.ts instead. Each case trains the same MLP (same sizes,
 * batch size, Adam) on random data for a fixed number of batches, after a warm-up, and
 * reports samples per second and the ratio NN Lab / TF.js. Timings, never assertions:
 * machines are shared and noisy, so each case takes the best of several repeats.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { join } from 'path';
import { Rng } from '../src/core/rng';
import { Sequential } from '../src/core/model/sequential';
import { jsKernel } from '../src/core/linalg/js-kernel';
import type { DenseKernel } from '../src/core/linalg/kernel';
import { createWasmKernel } from '../src/core/linalg/wasm-kernel';
import { optimizerRegistry } from '../src/core/optimizers/index';
import type { ResolvedConfig } from '../src/core/config/resolved';

interface Case {
  name: string;
  sizes: number[];
  batch: number;
  batches: number;
}

const quick = process.argv.includes('--quick');
const CASES: Case[] = [
  { name: 'playground 2-16-16-1', sizes: [2, 16, 16, 1], batch: 32, batches: quick ? 300 : 2000 },
  { name: 'tabular 64-128-128-10', sizes: [64, 128, 128, 10], batch: 64, batches: quick ? 40 : 200 },
  { name: 'mnist-like 784-128-10', sizes: [784, 128, 10], batch: 128, batches: quick ? 10 : 40 },
];
const REPEATS = quick ? 2 : 3;

function randomData(c: Case, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = new Rng(seed);
  const inputs = c.sizes[0],
    outputs = c.sizes[c.sizes.length - 1];
  const x = Float64Array.from({ length: c.batch * inputs }, () => rng.normal());
  const y = new Float64Array(c.batch * outputs);
  for (let i = 0; i < c.batch; i++) y[i * outputs + rng.int(outputs)] = 1;
  return { x, y };
}

function configFor(c: Case): ResolvedConfig {
  const hidden = c.sizes
    .slice(1, -1)
    .map((units) => ({ type: 'dense' as const, units, activation: { name: 'ReLU', params: {} }, init: 'he' as const, initScale: 0.05 }));
  const outUnits = c.sizes[c.sizes.length - 1];
  const out = {
    type: 'dense' as const,
    units: outUnits,
    activation: { name: outUnits === 1 ? 'sigmoid' : 'softmax', params: {} },
    init: 'xavier' as const,
    initScale: 0.05,
  };
  return {
    name: c.name,
    inputs: c.sizes[0],
    layers: [...hidden, out],
    loss: outUnits === 1 ? 'Binary' : 'Cross',
    optimizer: { name: 'Adam', params: { alpha: 1e-3 } },
    training: { epochs: 1, batchSize: c.batch, validationSplit: 0, seed: 1, shuffle: false, precision: 'float64' },
  };
}

/** Samples per second of NN Lab's core with `kernel` (float64 TypeScript or WebAssembly). */
function benchCore(c: Case, kernel: DenseKernel): number {
  const cfg = configFor(c);
  const rng = new Rng(1);
  const model = Sequential.build(cfg, rng, kernel);
  const opt = optimizerRegistry.create('Adam', { alpha: 1e-3 }, { rng });
  opt.useKernel?.(kernel); // as the trainer does: Adam's state beside the weights, its step in WebAssembly
  const { x, y } = randomData(c, 2);
  const step = (): void => {
    const loss = model.lossAndGradients(x, y, c.batch);
    opt.step(model.params(), model.grads(), loss);
  };
  for (let i = 0; i < Math.ceil(c.batches / 5); i++) step();
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < c.batches; i++) step();
    best = Math.min(best, performance.now() - t0);
  }
  return (c.batches * c.batch) / (best / 1000);
}

/** Samples per second of TF.js on the current backend (float32). */
async function benchTf(c: Case): Promise<number> {
  const { x, y } = randomData(c, 2);
  const xs = tf.tensor2d(Float32Array.from(x), [c.batch, c.sizes[0]]);
  const ys = tf.tensor2d(Float32Array.from(y), [c.batch, c.sizes[c.sizes.length - 1]]);
  const vars: tf.Variable[] = [];
  for (let l = 1; l < c.sizes.length; l++) {
    vars.push(tf.variable(tf.randomNormal([c.sizes[l - 1], c.sizes[l]], 0, Math.sqrt(2 / c.sizes[l - 1]))));
    vars.push(tf.variable(tf.zeros([c.sizes[l]])));
  }
  const last = c.sizes.length - 2;
  const opt = tf.train.adam(1e-3);
  const lossFn = (): tf.Scalar => {
    let h: tf.Tensor = xs;
    for (let l = 0; l <= last; l++) {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1]);
      h = l < last ? tf.relu(z) : z;
    }
    return c.sizes[c.sizes.length - 1] === 1 ? tf.losses.sigmoidCrossEntropy(ys, h) : tf.losses.softmaxCrossEntropy(ys, h);
  };
  const step = (): void => {
    tf.tidy(() => {
      opt.minimize(lossFn, false, vars);
    });
  };
  for (let i = 0; i < Math.ceil(c.batches / 5); i++) step();
  await tf.ready();
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < c.batches; i++) step();
    await vars[0].data(); // wait for pending work
    best = Math.min(best, performance.now() - t0);
  }
  tf.dispose([xs, ys, ...vars]);
  opt.dispose();
  return (c.batches * c.batch) / (best / 1000);
}

async function main(): Promise<void> {
  setWasmPaths(join(__dirname, '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  const rows: string[][] = [['case', 'NN Lab (f64 wasm)', 'NN Lab (f64 JS)', 'TF.js cpu', 'TF.js wasm', 'vs cpu', 'vs wasm']];
  for (const c of CASES) {
    const wasmKernel = createWasmKernel();
    const ours = wasmKernel ? benchCore(c, wasmKernel) : NaN;
    const oursJs = benchCore(c, jsKernel);
    await tf.setBackend('cpu');
    const cpu = await benchTf(c);
    const wasm = (await tf.setBackend('wasm')) ? await benchTf(c) : NaN;
    const f = (v: number): string => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')}/s` : 'n/a');
    rows.push([c.name, f(ours), f(oursJs), f(cpu), f(wasm), `${(ours / cpu).toFixed(2)}×`, Number.isFinite(wasm) ? `${(ours / wasm).toFixed(2)}×` : 'n/a']);
    console.error(`done: ${c.name}`);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log(`\nsamples/s of training (forward + backward + Adam step), best of ${REPEATS}; ratios compare NN Lab's f64 wasm kernel (> 1: NN Lab is faster).`);
}

/**
 * `npm run bench -- mlp` the MLP against TF.js and NumPy (bench/mlp-bench.ts), `-- panel` the live panel in the real host,
 * `-- fashion` the Fashion-MNIST example, `-- sweep` a 12-run sweep with 1 and with all workers, `-- cnn` the Fashion-MNIST
 * CNN against PyTorch and TF.js (bench/cnn-bench.ts), `-- gemm` the kernel's products per build (bench/gemm-bench.ts);
 * no argument runs the throughput cases above.
 */
const benches: Record<string, () => Promise<void>> = {
  mlp: async () => (await import('./mlp-bench')).runMlpBench(),
  cnn: async () => (await import('./cnn-bench')).runCnnBench(),
  gemm: async () => (await import('./gemm-bench')).runGemmBench(),
  panel: async () => (await import('./panel-bench')).panelBench(process.argv.includes('--json')),
  sweep: async () => (await import('./sweep-bench')).sweepBench(process.argv.includes('--json')),
  fashion: async () => {
    await import('./fashion-bench');
  },
};
(benches[process.argv[2] ?? ''] ?? main)().catch((e) => {
  console.error(e);
  process.exit(1);
});
