/**
 * `npm run bench -- mlp [--json] [--quick] [--rounds=N] [--only=name,…]`: training throughput of a 784-128-64-10 MLP (ReLU,
 * softmax + Cross, SGD eta 0.01, batch 64, seeded random data) with every NN Lab kernel,
 * TensorFlow.js (wasm and cpu backends) and, when `python3` has NumPy, NumPy float64 on one
 * thread, all in one run on the same machine. Each engine trains one warm-up epoch, then the
 * median epoch time of the timed epochs gives samples per second; all engines run in turn for
 * several rounds (default 3) and each reports the median of its rounds. Timings only, no assertions.
 * --only=nnlab64,nnlab32 runs just those engines. The WebAssembly kernels run the build the engine
 * prefers (relaxed SIMD under Node ≥ 22; NN_LAB_WASM=simd forces the plain build; `wasmBuild` in
 * the output); where that is relaxed SIMD, nnlab64simd and nnlab32simd run the plain build alongside.
 * With --json, prints ONE JSON object on stdout (progress goes to stderr).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { spawnSync } from 'child_process';
import { cpus } from 'os';
import { join } from 'path';
import type { Precision } from '../src/core/config/types';
import type { ResolvedConfig } from '../src/core/config/resolved';
import type { Dataset } from '../src/core/data/dataset';
import { jsKernel } from '../src/core/linalg/js-kernel';
import type { DenseKernel } from '../src/core/linalg/kernel';
import { createWasmKernel } from '../src/core/linalg/wasm-kernel';
import { preferredBuild, WasmBuild } from '../src/core/linalg/wasm-module';
import { Rng } from '../src/core/rng';
import { TrainingRun } from '../src/core/train/trainer';
import { pythonCommand } from '../test/support/python';
import { createThreadedKernel } from './thread-helper';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const SIZES = [784, 128, 64, 10];
const BATCH = 64;
const ETA = 0.01;
const SAMPLES = quick ? 2048 : 8192;
const TIMED_EPOCHS = 3;
/** Rounds of all engines, one after the other, so a change of machine load hits them all alike. */
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? (quick ? 1 : 3));
/** Engines to run (--only=a,b), or undefined for all. */
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

/** Seeded random inputs N(0, 1) and one-hot targets, shared by every engine. */
function randomData(sizes: number[], n: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const inputs = sizes[0],
    outputs = sizes[sizes.length - 1];
  const x = new Float64Array(n * inputs);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(n * outputs);
  for (let i = 0; i < n; i++) y[i * outputs + rng.int(outputs)] = 1;
  return { x, y, n, inputs, outputs, task: 'classification' };
}

/** The MLP as a resolved NN Lab description (He init for ReLU, Xavier for the output). */
function mlpConfig(sizes: number[], batch: number, optimizer: ResolvedConfig['optimizer']): ResolvedConfig {
  const last = sizes.length - 1;
  const layers = sizes.slice(1).map((units, i) => ({
    type: 'dense' as const,
    units,
    activation: { name: i + 1 < last ? 'ReLU' : units === 1 ? 'sigmoid' : 'softmax', params: {} },
    init: (i + 1 < last ? 'he' : 'xavier') as 'he' | 'xavier',
    initScale: 0.05,
  }));
  return {
    name: `mlp ${sizes.join('-')}`,
    inputs: sizes[0],
    layers,
    loss: sizes[last] === 1 ? 'Binary' : 'Cross',
    optimizer,
    training: { epochs: 1000, batchSize: batch, validationSplit: 0, seed: 1, shuffle: true, precision: 'float64' },
  };
}

/** Median of a list of numbers. */
function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Samples per second of NN Lab's TrainingRun with `kernel`: one warm-up epoch, median of the timed ones. */
function benchNnLab(kernel: DenseKernel, data: Dataset, config: ResolvedConfig, epochs: number): number {
  const run = new TrainingRun(config, data, { kernel });
  run.runEpoch();
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    run.runEpoch();
    times.push(performance.now() - t0);
  }
  return data.n / (median(times) / 1000);
}

/** Samples per second of TF.js on `backend` (float32), SGD, the same batches; NaN when the backend is missing. */
async function benchTf(backend: string, data: Dataset, sizes: number[], batch: number, epochs: number, lr: number, adam = false): Promise<number> {
  if (!(await tf.setBackend(backend))) return NaN;
  await tf.ready();
  const nb = Math.ceil(data.n / batch);
  const xs: tf.Tensor2D[] = [],
    ys: tf.Tensor2D[] = [];
  for (let b = 0; b < nb; b++) {
    const count = Math.min(batch, data.n - b * batch);
    xs.push(tf.tensor2d(Float32Array.from(data.x.subarray(b * batch * data.inputs, (b * batch + count) * data.inputs)), [count, data.inputs]));
    ys.push(tf.tensor2d(Float32Array.from(data.y.subarray(b * batch * data.outputs, (b * batch + count) * data.outputs)), [count, data.outputs]));
  }
  const vars: tf.Variable[] = [];
  for (let l = 1; l < sizes.length; l++) {
    vars.push(tf.variable(tf.randomNormal([sizes[l - 1], sizes[l]], 0, Math.sqrt(2 / sizes[l - 1]), 'float32', 1)));
    vars.push(tf.variable(tf.zeros([sizes[l]])));
  }
  const last = sizes.length - 2;
  const opt = adam ? tf.train.adam(lr) : tf.train.sgd(lr);
  const step = (x: tf.Tensor2D, y: tf.Tensor2D): void => {
    tf.tidy(() => {
      opt.minimize(
        () => {
          let h: tf.Tensor = x;
          for (let l = 0; l <= last; l++) {
            const z = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1]);
            h = l < last ? tf.relu(z) : z;
          }
          return sizes[sizes.length - 1] === 1 ? tf.losses.sigmoidCrossEntropy(y, h) : tf.losses.softmaxCrossEntropy(y, h);
        },
        false,
        vars,
      );
    });
  };
  const epoch = async (): Promise<void> => {
    for (let b = 0; b < nb; b++) step(xs[b], ys[b]);
    await vars[0].data(); // wait for pending work
  };
  await epoch();
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    await epoch();
    times.push(performance.now() - t0);
  }
  tf.dispose([...xs, ...ys, ...vars]);
  opt.dispose();
  return data.n / (median(times) / 1000);
}

/** NumPy float64 on one thread (bench/mlp_numpy.py), or undefined without python3 + NumPy. */
function benchNumpy(): number | undefined {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  // Machine-specific OpenBLAS overrides would skew the reference: cleared for this subprocess only.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync(pythonCommand(), [join(__dirname, 'mlp_numpy.py'), String(SAMPLES), String(TIMED_EPOCHS), '1'], { env, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try {
    return (JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { samplesPerSecond: number }).samplesPerSecond;
  } catch {
    return undefined;
  }
}

const round = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : Math.round(v));
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || !Number.isFinite(a / b) ? null : Math.round((a / b) * 100) / 100;

/** One engine: a name and how to measure its samples per second once. */
interface Engine {
  name: string;
  measure(): Promise<number | undefined>;
}

/** Runs every engine `ROUNDS` times, round-robin, and prints the results. */
export async function runMlpBench(): Promise<void> {
  setWasmPaths(join(__dirname, '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  const log = (s: string): void => {
    process.stderr.write(`${s}\n`);
  };
  const data = randomData(SIZES, SAMPLES, 2);
  const config = mlpConfig(SIZES, BATCH, { name: 'SGD', params: { eta: ETA } });
  const single = (precision: Precision, build?: WasmBuild) => async (): Promise<number> =>
    benchNnLab(createWasmKernel({ precision, build }) ?? jsKernel, data, config, TIMED_EPOCHS);
  const threaded = (precision: Precision) => async (): Promise<number | undefined> => {
    const t = await createThreadedKernel(precision);
    if (!t) return undefined;
    try {
      return benchNnLab(t.kernel, data, config, TIMED_EPOCHS);
    } finally {
      t.close();
    }
  };
  // The small live-training case: 2-16-16-1, batch 32, Adam, against TF.js wasm.
  const small = [2, 16, 16, 1];
  const smallData = randomData(small, quick ? 1024 : 4096, 3);
  const smallConfig = mlpConfig(small, 32, { name: 'Adam', params: { alpha: 1e-3 } });
  const engines: Engine[] = [
    { name: 'nnlab64', measure: single('float64') },
    { name: 'nnlab32', measure: single('float32') },
    // Where the relaxed-SIMD build runs by default: the plain build too, in the same rounds.
    ...(preferredBuild() === 'relaxed-simd'
      ? [
          { name: 'nnlab64simd', measure: single('float64', 'simd') },
          { name: 'nnlab32simd', measure: single('float32', 'simd') },
        ]
      : []),
    { name: 'nnlab64x2', measure: threaded('float64') },
    { name: 'nnlab32x2', measure: threaded('float32') },
    { name: 'js64', measure: async () => benchNnLab(jsKernel, data, config, 3) },
    { name: 'tfjsWasm', measure: () => benchTf('wasm', data, SIZES, BATCH, TIMED_EPOCHS, ETA) },
    { name: 'tfjsCpu', measure: () => benchTf('cpu', data, SIZES, BATCH, 3, ETA) },
    { name: 'numpy64', measure: async () => benchNumpy() },
    { name: 'playgroundNnlab64', measure: async () => benchNnLab(createWasmKernel() ?? jsKernel, smallData, smallConfig, TIMED_EPOCHS) },
    { name: 'playgroundJs64', measure: async () => benchNnLab(jsKernel, smallData, smallConfig, TIMED_EPOCHS) },
    { name: 'playgroundTfjsWasm', measure: () => benchTf('wasm', smallData, small, 32, TIMED_EPOCHS, 1e-3, true) },
  ];
  const runs: Record<string, number[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const e of engines) {
      if (ONLY && !ONLY.includes(e.name)) continue;
      const v = await e.measure();
      if (v !== undefined && Number.isFinite(v)) (runs[e.name] ??= []).push(v);
      log(`round ${r + 1}/${ROUNDS} ${e.name}: ${v === undefined ? 'n/a' : Math.round(v)}/s`);
    }
  }
  const med = (name: string): number | undefined => (runs[name]?.length ? median(runs[name]) : undefined);
  const mlpNames = ['nnlab64', 'nnlab32', 'nnlab64simd', 'nnlab32simd', 'nnlab64x2', 'nnlab32x2', 'js64', 'tfjsWasm', 'tfjsCpu', 'numpy64'];
  /** Spread of the rounds: (max − min) / median, in percent. */
  const spread = (name: string): number | null => {
    const v = runs[name];
    return v?.length ? Math.round(((Math.max(...v) - Math.min(...v)) / median(v)) * 100) : null;
  };
  const playground = {
    sizes: small.join('-'),
    batch: 32,
    optimizer: 'Adam',
    nnlab64: round(med('playgroundNnlab64')),
    js64: round(med('playgroundJs64')),
    tfjsWasm: round(med('playgroundTfjsWasm')),
    ratioVsTfjsWasm: ratio(med('playgroundNnlab64'), med('playgroundTfjsWasm')),
  };
  const result = {
    benchmark: 'mlp',
    sizes: SIZES.join('-'),
    activation: 'ReLU',
    loss: 'softmax + Cross',
    optimizer: `SGD eta ${ETA}`,
    batch: BATCH,
    samples: SAMPLES,
    warmupEpochs: 1,
    timedEpochs: TIMED_EPOCHS,
    rounds: ROUNDS,
    statistic: 'median over rounds of the median epoch',
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    wasmBuild: preferredBuild(),
    samplesPerSecond: Object.fromEntries(mlpNames.map((k) => [k, round(med(k))])),
    ratioVsTfjsWasm: ratio(med('nnlab64'), med('tfjsWasm')),
    ratioVsTfjsWasmF32: ratio(med('nnlab32'), med('tfjsWasm')),
    ratioVsNumpy64: ratio(med('nnlab64'), med('numpy64')),
    twoThreadSpeedup64: ratio(med('nnlab64x2'), med('nnlab64')),
    twoThreadSpeedup32: ratio(med('nnlab32x2'), med('nnlab32')),
    relaxedSpeedup64: ratio(med('nnlab64'), med('nnlab64simd')),
    relaxedSpeedup32: ratio(med('nnlab32'), med('nnlab32simd')),
    playground,
    spreadPercent: Object.fromEntries([...mlpNames, 'playgroundNnlab64', 'playgroundTfjsWasm'].map((k) => [k, spread(k)])),
    rounds_samplesPerSecond: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
  };
  if (json) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
}
