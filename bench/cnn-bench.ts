/**
 * `npm run bench -- cnn [--json] [--samples=N] [--tfjs-samples=N]`: training throughput of the
 * Fashion-MNIST CNN of examples/fashion-mnist-cnn.nn.json with NN Lab (float32 and float64), PyTorch on
 * one thread (float32 and float64, bench/cnn_torch.py) and TensorFlow.js (`cpu` backend, and `wasm` if it
 * can train the model). Every engine trains a warm-up pass, then one timed epoch over the first N
 * training images (default 10,000; TF.js's cpu backend, being far slower, the first 2,000) with the
 * example's batch size and Adam rate; samples per second are images trained divided by the epoch's
 * seconds. Timings only, no assertions. With --json, prints ONE JSON object on stdout:
 * { samplesPerSecond: { nnlab32, nnlab64, torch32, torch64, tfjsCpu, tfjsWasm | null }, ratioVsTorch32,
 *   ratioVsTfjsCpu, tfjsWasmNote }.
 * Needs the Fashion-MNIST files (npm run fashion-data, or the Debian package dataset-fashion-mnist).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { prepareRun } from '../src/core/config/load';
import type { ResolvedConfig } from '../src/core/config/resolved';
import { firstSamples, type Dataset } from '../src/core/data/dataset';
import { train } from '../src/core/train/trainer';
import { pythonCommand } from '../test/support/python';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const root = join(__dirname, '..');
const EXAMPLE = join(root, 'examples', 'fashion-mnist-cnn.nn.json');
const FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'];
const json = process.argv.includes('--json');
const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SAMPLES = arg('samples', 10000);
const TFJS_SAMPLES = arg('tfjs-samples', 2000);
const WARMUP = 512;

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

/** The folder holding the Fashion-MNIST training files. */
function fashionDir(): string {
  const dir = [join(root, 'examples', 'data', 'fashion-mnist'), '/usr/share/datasets/fashion-mnist'].find((d) => FILES.every((f) => existsSync(join(d, f))));
  if (!dir) throw new Error('the Fashion-MNIST files are missing: run `npm run fashion-data` (see examples/data/fashion-mnist/README.md)');
  return dir;
}

/** The example's config and training images. */
function loadExample(dir: string): { config: ResolvedConfig; data: Dataset; layers: Record<string, unknown>[] } {
  const text = readFileSync(EXAMPLE, 'utf8');
  const run = prepareRun(text, {
    readFile: (p) => readFileSync(join(root, 'examples', p), 'utf8'),
    readBinaryFile: (p) => readFileSync(join(dir, basename(p))),
  });
  if (!run.config || !run.data) throw new Error(`${EXAMPLE}: ${run.problems.map((p) => p.message).join('; ')}`);
  const layers = (JSON.parse(text) as { layers: Record<string, unknown>[] }).layers;
  return { config: run.config, data: run.data, layers };
}

/** NN Lab: one epoch over `data` with the example's settings at `precision` (no validation, no test set). */
function nnlab(config: ResolvedConfig, data: Dataset, precision: 'float32' | 'float64'): number {
  const c: ResolvedConfig = { ...config, training: { ...config.training, epochs: 1, precision, validationSplit: 0, earlyStopping: undefined, schedule: undefined } };
  train(c, firstSamples(data, WARMUP));
  const t0 = performance.now();
  const r = train(c, firstSamples(data, SAMPLES));
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 'completed') throw new Error(`nnlab ${precision}: ${r.status}`);
  return SAMPLES / seconds;
}

/** The config's layers as a TF.js model on [28, 28, 1] images (channels last, TF.js's fast layout). */
function tfModel(layers: Record<string, unknown>[], shape: [number, number, number]): tf.Sequential {
  const model = tf.sequential();
  let first = true;
  const input = (): { inputShape?: [number, number, number] } => (first ? { inputShape: shape } : {});
  const pair = (v: unknown, d: number): [number, number] => (Array.isArray(v) ? [Number(v[0]), Number(v[1])] : [Number(v ?? d), Number(v ?? d)]);
  const act = (a: unknown): 'relu' | 'tanh' | 'sigmoid' | 'linear' | 'softmax' => {
    const name = typeof a === 'string' ? a : ((a as { name?: string } | undefined)?.name ?? 'identity');
    return ({ ReLU: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', identity: 'linear', softmax: 'softmax' } as const)[name as 'ReLU'] ?? 'linear';
  };
  let flat = false;
  for (const l of layers) {
    const type = (l.type as string | undefined) ?? 'dense';
    if (type === 'conv2d') {
      const padding = l.padding ?? 'valid';
      if (typeof padding === 'number' || Array.isArray(padding)) {
        model.add(tf.layers.zeroPadding2d({ ...input(), padding: pair(padding, 0) }));
        first = false;
      }
      model.add(
        tf.layers.conv2d({
          ...input(),
          filters: Number(l.filters),
          kernelSize: pair(l.kernel, 3),
          strides: pair(l.stride, 1),
          padding: padding === 'same' ? 'same' : 'valid',
          activation: act(l.activation),
        }),
      );
    } else if (type === 'maxpool2d' || type === 'avgpool2d') {
      const options = { ...input(), poolSize: pair(l.size, 2), strides: pair(l.stride ?? l.size, 2) };
      model.add(type === 'maxpool2d' ? tf.layers.maxPooling2d(options) : tf.layers.averagePooling2d(options));
    } else if (type === 'flatten') {
      model.add(tf.layers.flatten(input()));
      flat = true;
    } else if (type === 'dense') {
      if (!flat) model.add(tf.layers.flatten(input()));
      flat = true;
      model.add(tf.layers.dense({ units: Number(l.units), activation: act(l.activation) }));
    } else throw new Error(`the TF.js side of the bench has no ${type} layer`);
    first = false;
  }
  return model;
}

/** TF.js: one epoch of `model.fit` over the first `count` images after a warm-up batch; samples/s or the reason it cannot train. */
async function tfjs(backend: 'cpu' | 'wasm', layers: Record<string, unknown>[], data: Dataset, count: number, batch: number, lr: number): Promise<number | string> {
  if (!(await tf.setBackend(backend))) return `the ${backend} backend did not start`;
  await tf.ready();
  const [h, w] = data.imageShape ?? [28, 28];
  const px = data.x;
  const xs = new Float32Array(count * h * w);
  for (let i = 0; i < xs.length; i++) xs[i] = Number(px[i]) / (px instanceof Uint8Array ? 255 : 1);
  const ys = new Float32Array(count * data.outputs);
  ys.set(Float32Array.from(data.y.subarray(0, count * data.outputs)));
  const x = tf.tensor4d(xs, [count, h, w, 1]);
  const y = tf.tensor2d(ys, [count, data.outputs]);
  const model = tfModel(layers, [h, w, 1]);
  model.compile({ optimizer: tf.train.adam(lr), loss: 'categoricalCrossentropy' });
  try {
    await model.fit(x.slice(0, Math.min(batch, count)), y.slice(0, Math.min(batch, count)), { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
    const t0 = performance.now();
    await model.fit(x, y, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
    return count / ((performance.now() - t0) / 1000);
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

/** PyTorch on one thread, float32 and float64 (bench/cnn_torch.py). */
function torch(layers: Record<string, unknown>[], dir: string, batch: number, lr: number): { torch32: number; torch64: number } {
  const tmp = makeTempDir('cnn-bench');
  try {
    const spec = join(tmp, 'spec.json');
    const images = join(dir, FILES[0]);
    const labels = join(dir, FILES[1]);
    writeFileSync(spec, JSON.stringify({ layers, images, labels, samples: SAMPLES, warmup: WARMUP, batch, lr }));
    const r = spawnSync(pythonCommand(), [join(__dirname, 'cnn_torch.py'), spec], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, OMP_NUM_THREADS: '1' } });
    if (r.status !== 0) throw new Error(`cnn_torch.py failed: ${r.stderr || r.error?.message}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { torch32: number; torch64: number };
  } finally {
    removeTempDir(tmp);
  }
}

/** Runs the bench and prints the results. */
export async function runCnnBench(): Promise<void> {
  setWasmPaths(join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  const dir = fashionDir();
  const { config, data, layers } = loadExample(dir);
  const batch = config.training.batchSize;
  const lr = Number((config.optimizer.params as Record<string, number>).alpha ?? 0.001);
  log(`CNN bench: ${basename(EXAMPLE)}, batch ${batch}, ${SAMPLES} timed images (TF.js cpu: ${TFJS_SAMPLES}) after a ${WARMUP}-image warm-up`);
  const nnlab32 = nnlab(config, data, 'float32');
  log(`nnlab32  ${nnlab32.toFixed(0)} samples/s`);
  const nnlab64 = nnlab(config, data, 'float64');
  log(`nnlab64  ${nnlab64.toFixed(0)} samples/s`);
  const t = torch(layers, dir, batch, lr);
  log(`torch32  ${t.torch32.toFixed(0)} samples/s   torch64 ${t.torch64.toFixed(0)} samples/s (one thread)`);
  const cpu = await tfjs('cpu', layers, data, TFJS_SAMPLES, batch, lr);
  log(`tfjsCpu  ${typeof cpu === 'number' ? `${cpu.toFixed(0)} samples/s` : `cannot train: ${cpu}`}`);
  const wasm = await tfjs('wasm', layers, data, Math.min(SAMPLES, TFJS_SAMPLES), batch, lr);
  log(`tfjsWasm ${typeof wasm === 'number' ? `${wasm.toFixed(0)} samples/s` : `cannot train: ${wasm}`}`);
  const r = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
  const ratio = (a: number, b: number | string): number | null => (typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : null);
  const result = {
    samplesPerSecond: { nnlab32: r(nnlab32), nnlab64: r(nnlab64), torch32: r(t.torch32), torch64: r(t.torch64), tfjsCpu: r(cpu), tfjsWasm: r(wasm) },
    ratioVsTorch32: ratio(nnlab32, t.torch32),
    ratioVsTfjsCpu: ratio(nnlab32, cpu),
    tfjsWasmNote: typeof wasm === 'string' ? wasm : null,
    samples: SAMPLES,
    tfjsCpuSamples: TFJS_SAMPLES,
  };
  if (json) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
}
