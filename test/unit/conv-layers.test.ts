/**
 * The image layer kinds of issue #17: conv2d, maxpool2d, avgpool2d and flatten. Forward and backward
 * against finite differences and against torch.nn.functional (conv2d, max_pool2d, avg_pool2d) from the
 * same weights in float64, for strides 1 and 2, padding valid / same / a number, rectangular kernels
 * and several channels; the sample shape of the data (digits, CSV and inline "shape"); the shape
 * diagnostics; the model file; and both exports of a small CNN on the digits: the PyTorch script's
 * float64 loss history equals `train --json` within 1e-9, ONNX Runtime equals `predict` within 1e-5.
 */
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { parseTree } from 'jsonc-parser';
import { activationRegistry } from '../../src/core/activations';
import { digestOf } from '../../src/core/config/digest';
import { prepareRun } from '../../src/core/config/load';
import { validateConfig } from '../../src/core/config/validate';
import { fixesFor } from '../../src/core/editing/fix-plans';
import { BatchNormLayer } from '../../src/core/layers/batch-norm';
import { Conv2dLayer } from '../../src/core/layers/conv2d';
import { windowGeometry } from '../../src/core/layers/conv-geometry';
import { AVGPOOL2D, MAXPOOL2D, Pool2dLayer, type PoolMode } from '../../src/core/layers/pool2d';
import type { Layer } from '../../src/core/layers/layer';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import type { DenseKernel } from '../../src/core/linalg/kernel';
import { createWasmKernel } from '../../src/core/linalg/wasm-kernel';
import { checkWeightsJson } from '../../src/core/model/weights-json';
import { formatPath } from '../../src/core/problems';
import { Rng } from '../../src/core/rng';
import { pythonCommand } from '../support/python';
import { runProcess } from '../support/run-process';
import type { ConvCase } from '../support/conv-cases';
import { useTempDir } from '../support/temp-dir';
import { cli, deviation, onnxRuntimeRows, predictRows } from './export-onnx.helpers';
import { assertGradClose, dot, numericGradient, randomArray } from './layers-gradcheck';

const CONV_CASES: ConvCase[] = [
  { input: [1, 5, 5], filters: 2, kernel: [3, 3], stride: [1, 1], padding: 'valid' },
  { input: [2, 6, 5], filters: 3, kernel: [3, 3], stride: [1, 1], padding: 'same' },
  { input: [3, 7, 6], filters: 2, kernel: [2, 4], stride: [1, 1], padding: 'same' },
  { input: [2, 7, 7], filters: 4, kernel: [3, 3], stride: [2, 2], padding: 1 },
  { input: [2, 8, 7], filters: 2, kernel: [3, 2], stride: [2, 1], padding: 'valid' },
  { input: [3, 5, 6], filters: 3, kernel: [4, 3], stride: [1, 2], padding: 2 },
];

/** One pooling case. */
interface PoolCase {
  mode: PoolMode;
  input: [number, number, number];
  size: [number, number];
  stride: [number, number];
}

const POOL_CASES: PoolCase[] = [
  { mode: MAXPOOL2D, input: [2, 6, 6], size: [2, 2], stride: [2, 2] },
  { mode: MAXPOOL2D, input: [3, 7, 5], size: [3, 2], stride: [2, 1] },
  { mode: MAXPOOL2D, input: [1, 5, 5], size: [3, 3], stride: [1, 1] },
  { mode: AVGPOOL2D, input: [2, 6, 6], size: [2, 2], stride: [2, 2] },
  { mode: AVGPOOL2D, input: [3, 7, 5], size: [3, 2], stride: [2, 1] },
];

function convLayer(c: ConvCase, seed: number): Conv2dLayer {
  const act = activationRegistry.create('identity', {}, { path: [] });
  const layer = new Conv2dLayer(windowGeometry(c.input, c.kernel, c.stride, c.padding), c.filters, act, jsKernel);
  const rng = new Rng(seed);
  layer.w.set(randomArray(rng, layer.w.length));
  layer.b.set(randomArray(rng, layer.b.length));
  return layer;
}

function poolLayer(c: PoolCase): Pool2dLayer {
  return new Pool2dLayer(c.mode, windowGeometry(c.input, c.size, c.stride, 'valid'), jsKernel);
}

/** Asserts |a − b| ≤ tol·max(1, |b|) elementwise. */
function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

/** Checks dL/dx and dL/dparams of L = r·layer(x) against central differences. */
function gradCheck(layer: Layer, x: Float64Array, n: number, seed: number, what: string): void {
  const rng = new Rng(seed);
  const r = randomArray(rng, n * layer.outputs);
  const loss = (): number => dot(r, layer.forward(x, n));
  layer.forward(x, n);
  const dx = Float64Array.from(layer.backward(r));
  const grads = layer.grads().map((g) => Float64Array.from(g));
  assertGradClose(dx, numericGradient(x, loss), `${what} dx`);
  layer.params().forEach((p, k) => assertGradClose(grads[k], numericGradient(p, loss), `${what} param ${k}`));
}

describe('image layers: conv2d, maxpool2d, avgpool2d, flatten', function () {
  this.timeout(300_000);
  const dir = useTempDir('conv');

  describe('shapes', () => {
    it('output size ⌊(n + 2p − k)/s⌋ + 1; "same" pads k − 1 with the extra row and column after (PyTorch)', () => {
      const g = windowGeometry([1, 28, 28], [3, 3], [1, 1], 'same');
      assert.deepEqual([g.oh, g.ow, g.pt, g.pb], [28, 28, 1, 1]);
      const even = windowGeometry([1, 8, 8], [4, 2], [1, 1], 'same');
      assert.deepEqual([even.oh, even.ow, even.pt, even.pb, even.pl, even.pr], [8, 8, 1, 2, 0, 1]);
      const strided = windowGeometry([1, 7, 7], [3, 3], [2, 2], 1);
      assert.deepEqual([strided.oh, strided.ow], [4, 4]);
      const pool = windowGeometry([16, 7, 7], [2, 2], [2, 2], 'valid');
      assert.deepEqual([pool.oh, pool.ow], [3, 3]);
    });
  });

  describe('forward and backward', () => {
    CONV_CASES.forEach((c, k) =>
      it(`conv2d ${c.input.join('×')} → ${c.filters}, kernel ${c.kernel.join('×')}, stride ${c.stride.join('×')}, padding ${c.padding}: finite differences`, () => {
        const layer = convLayer(c, 10 + k);
        const n = 2;
        gradCheck(layer, randomArray(new Rng(20 + k), n * layer.inputs), n, 30 + k, `case ${k}`);
      }),
    );
    POOL_CASES.forEach((c, k) =>
      it(`${c.mode} ${c.input.join('×')}, size ${c.size.join('×')}, stride ${c.stride.join('×')}: finite differences`, () => {
        const layer = poolLayer(c);
        const n = 2;
        gradCheck(layer, randomArray(new Rng(40 + k), n * layer.inputs), n, 50 + k, `case ${k}`);
      }),
    );

    it('the WebAssembly kernels agree with the TypeScript one: float64 within 1e-12, float32 within 1e-4 (training and blocked evaluation)', function () {
      const relu = activationRegistry.create('ReLU', {}, { path: [] });
      const c = CONV_CASES[3];
      const run = (kernel: DenseKernel | undefined, n: number, training: boolean): number[][] => {
        if (!kernel) return [];
        const layer = new Conv2dLayer(windowGeometry(c.input, c.kernel, c.stride, c.padding), c.filters, relu, kernel);
        const ref = convLayer(c, 7);
        layer.w.set(ref.w);
        layer.b.set(ref.b);
        layer.setTraining(training);
        const x = kernel.alloc ? kernel.alloc(n * layer.inputs) : new Float64Array(n * layer.inputs);
        x.set(randomArray(new Rng(8), n * layer.inputs));
        const y = Array.from(layer.forward(x, n));
        if (!training) return [y];
        const dy = kernel.alloc ? kernel.alloc(n * layer.outputs) : new Float64Array(n * layer.outputs);
        dy.set(randomArray(new Rng(9), n * layer.outputs));
        const dx = Array.from(layer.backward(dy));
        return [y, dx, Array.from(layer.dw), Array.from(layer.db)];
      };
      const k64 = createWasmKernel({ precision: 'float64' });
      const k32 = createWasmKernel({ precision: 'float32' });
      if (!k64 || !k32) this.skip();
      for (const [n, training] of [
        [5, true],
        [150, false],
      ] as const) {
        // The reference: the TypeScript kernel in training (one product over the whole batch, no blocks).
        const want = run(jsKernel, n, true);
        run(jsKernel, n, training).forEach((a, k) => assertClose(a, want[k], 1e-12, `TypeScript ${training ? 'training' : 'evaluation'} ${k}`));
        run(k64, n, training).forEach((a, k) => assertClose(a, want[k], 1e-12, `float64 ${training ? 'training' : 'evaluation'} ${k}`));
        run(k32, n, training).forEach((a, k) => assertClose(a, want[k], 1e-4, `float32 ${training ? 'training' : 'evaluation'} ${k}`));
      }
    });

    it('match torch.nn.functional conv2d, max_pool2d and avg_pool2d from the same weights (float64; max ties to the first maximum)', async () => {
      const n = 3;
      const convs = CONV_CASES.map((c, k) => {
        const layer = convLayer(c, 60 + k);
        const x = randomArray(new Rng(70 + k), n * layer.inputs);
        const dy = randomArray(new Rng(80 + k), n * layer.outputs);
        const y = Array.from(layer.forward(x, n));
        const dx = Array.from(layer.backward(dy));
        return {
          ...c,
          x: Array.from(x),
          w: Array.from(layer.w),
          b: Array.from(layer.b),
          dy: Array.from(dy),
          ours: { y, dx, dw: Array.from(layer.dw), db: Array.from(layer.db) },
        };
      });
      const pools = POOL_CASES.map((c, k) => {
        const layer = poolLayer(c);
        // Small whole numbers: many ties inside a window.
        const rng = new Rng(90 + k);
        const x = Float64Array.from({ length: n * layer.inputs }, () => Math.floor(3 * rng.uniform()));
        const dy = randomArray(new Rng(100 + k), n * layer.outputs);
        const y = Array.from(layer.forward(x, n));
        const dx = Array.from(layer.backward(dy));
        return { ...c, x: Array.from(x), dy: Array.from(dy), ours: { y, dx } };
      });
      const py = String.raw`
import json, sys, torch
import torch.nn.functional as F
d = json.load(sys.stdin)
out = {"convs": [], "pools": []}
for c in d["convs"]:
    ch, h, w = c["input"]
    x = torch.tensor(c["x"], dtype=torch.float64).view(-1, ch, h, w).requires_grad_(True)
    W = torch.tensor(c["w"], dtype=torch.float64).view(c["filters"], ch, *c["kernel"]).requires_grad_(True)
    b = torch.tensor(c["b"], dtype=torch.float64).requires_grad_(True)
    y = F.conv2d(x, W, b, stride=tuple(c["stride"]), padding=c["padding"] if c["padding"] != "valid" else 0)
    (y.flatten() * torch.tensor(c["dy"], dtype=torch.float64)).sum().backward()
    out["convs"].append({"y": y.detach().flatten().tolist(), "dx": x.grad.flatten().tolist(), "dw": W.grad.flatten().tolist(), "db": b.grad.tolist()})
for c in d["pools"]:
    ch, h, w = c["input"]
    x = torch.tensor(c["x"], dtype=torch.float64).view(-1, ch, h, w).requires_grad_(True)
    pool = F.max_pool2d if c["mode"] == "maxpool2d" else F.avg_pool2d
    y = pool(x, tuple(c["size"]), stride=tuple(c["stride"]))
    (y.flatten() * torch.tensor(c["dy"], dtype=torch.float64)).sum().backward()
    out["pools"].append({"y": y.detach().flatten().tolist(), "dx": x.grad.flatten().tolist()})
print(json.dumps(out))
`;
      const r = await runProcess(pythonCommand(), ['-c', py], dir.path, { input: JSON.stringify({ convs, pools }) });
      assert.equal(r.code, 0, `python3 with PyTorch is required: ${r.err.slice(-2000)}`);
      const torch = JSON.parse(r.out) as { convs: Record<string, number[]>[]; pools: Record<string, number[]>[] };
      convs.forEach((c, k) => {
        for (const key of ['y', 'dx', 'dw', 'db'] as const) assertClose(c.ours[key], torch.convs[k][key], 1e-12, `conv case ${k} ${key}`);
      });
      pools.forEach((c, k) => {
        for (const key of ['y', 'dx'] as const) assertClose(c.ours[key], torch.pools[k][key], 1e-12, `${c.mode} case ${k} ${key}`);
      });
    });
  });

  describe('batchnorm after an image layer: per channel (BatchNorm2d)', () => {
    const shape = [3, 4, 5];
    const layer = (): BatchNormLayer => {
      const bn = new BatchNormLayer(60, 0.1, 1e-5, jsKernel, 20);
      bn.reset();
      const rng = new Rng(5);
      bn.gamma.set(randomArray(rng, 3, 0.5, 1.5));
      bn.beta.set(randomArray(rng, 3));
      return bn;
    };

    it('has one γ, β and statistic per channel; forward and backward match finite differences', () => {
      const bn = layer();
      assert.equal(bn.gamma.length, 3);
      bn.setTraining(true);
      gradCheck(bn, randomArray(new Rng(6), 4 * 60), 4, 7, 'batchnorm2d');
    });

    it('matches torch.nn.BatchNorm2d: outputs, gradients, running statistics and evaluation (float64)', async () => {
      const bn = layer();
      const gamma = Array.from(bn.gamma),
        beta = Array.from(bn.beta);
      bn.setTraining(true);
      const batches = [randomArray(new Rng(8), 4 * 60), randomArray(new Rng(9), 3 * 60, 0, 3)];
      const dys = [randomArray(new Rng(10), 4 * 60), randomArray(new Rng(11), 3 * 60)];
      const ours = batches.map((x, k) => {
        const y = Array.from(bn.forward(x, x.length / 60));
        const dx = Array.from(bn.backward(dys[k]));
        return { y, dx, dGamma: Array.from(bn.dGamma), dBeta: Array.from(bn.dBeta) };
      });
      bn.setTraining(false);
      const evalX = randomArray(new Rng(12), 2 * 60);
      const evalY = Array.from(bn.forward(evalX, 2));
      const py = String.raw`
import json, sys, torch
d = json.load(sys.stdin)
bn = torch.nn.BatchNorm2d(3, eps=1e-5, momentum=0.1).double()
with torch.no_grad():
    bn.weight.copy_(torch.tensor(d["gamma"], dtype=torch.float64))
    bn.bias.copy_(torch.tensor(d["beta"], dtype=torch.float64))
steps = []
bn.train()
for xs, dys in zip(d["batches"], d["dys"]):
    x = torch.tensor(xs, dtype=torch.float64).view(-1, *d["shape"]).requires_grad_(True)
    bn.zero_grad()
    y = bn(x)
    (y.flatten() * torch.tensor(dys, dtype=torch.float64)).sum().backward()
    steps.append({"y": y.detach().flatten().tolist(), "dx": x.grad.flatten().tolist(), "dGamma": bn.weight.grad.tolist(), "dBeta": bn.bias.grad.tolist()})
bn.eval()
with torch.no_grad():
    ev = bn(torch.tensor(d["evalX"], dtype=torch.float64).view(-1, *d["shape"])).flatten().tolist()
print(json.dumps({"steps": steps, "runningMean": bn.running_mean.tolist(), "runningVar": bn.running_var.tolist(), "evalY": ev}))
`;
      const input = JSON.stringify({
        shape,
        gamma,
        beta,
        batches: batches.map((b) => Array.from(b)),
        dys: dys.map((b) => Array.from(b)),
        evalX: Array.from(evalX),
      });
      const r = await runProcess(pythonCommand(), ['-c', py], dir.path, { input });
      assert.equal(r.code, 0, `python3 with PyTorch is required: ${r.err.slice(-2000)}`);
      const torch = JSON.parse(r.out) as { steps: (typeof ours)[number][]; runningMean: number[]; runningVar: number[]; evalY: number[] };
      ours.forEach((st, k) => {
        for (const key of ['y', 'dx', 'dGamma', 'dBeta'] as const) assertClose(st[key], torch.steps[k][key], 1e-12, `step ${k + 1} ${key}`);
      });
      assertClose(bn.runningMean, torch.runningMean, 1e-12, 'running mean');
      assertClose(bn.runningVar, torch.runningVar, 1e-12, 'running variance');
      assertClose(evalY, torch.evalY, 1e-12, 'evaluation output');
    });
  });

  describe('data shapes and diagnostics', () => {
    const layersOn = (layers: unknown[], data: unknown = { dataset: 'digits' }): unknown => ({ data, layers, training: { epochs: 1 } });
    const errors = (config: unknown): { path: string; message: string }[] =>
      validateConfig(config)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => ({ path: formatPath(p.path), message: p.message }));

    it('the digits are [1, 8, 8]: a CNN on them resolves with its input shape', () => {
      const checked = validateConfig(layersOn([{ type: 'conv2d', filters: 4, kernel: 3 }, { type: 'flatten' }, { units: 10, activation: 'softmax' }]));
      assert.deepEqual(
        errors(
          layersOn([
            { type: 'conv2d', filters: 4, kernel: 3 },
            { units: 10, activation: 'softmax' },
          ]),
        ),
        [],
      );
      assert.deepEqual(checked.config?.inputShape, [1, 8, 8]);
      // The digest leaves inputShape out (the data block determines it): descriptions keep their digests.
      const run = prepareRun(layersOn([{ units: 10, activation: 'softmax' }]), {});
      assert.deepEqual(run.config?.inputShape, [1, 8, 8]);
      const { inputShape: _ignored, ...flat } = run.config!;
      assert.equal(run.digest, digestOf({ config: flat, data: run.dataConfig }));
      // Flat data keeps its config as it was (no inputShape key).
      const iris = validateConfig({ data: { dataset: 'iris' }, layers: [{ units: 3, activation: 'softmax' }] });
      assert.equal(iris.config !== undefined && 'inputShape' in iris.config, false);
    });

    it('conv2d on flat data, a kernel larger than its input, pooling to zero and "same" with stride 2 are errors naming the layer and the sizes', () => {
      const flat = errors({
        data: { dataset: 'iris' },
        layers: [
          { type: 'conv2d', filters: 2, kernel: 3 },
          { units: 3, activation: 'softmax' },
        ],
      });
      assert.equal(flat[0]?.path, 'layers[0]');
      assert.match(flat[0].message, /conv2d needs images \[channels, height, width\].*4 flat features/);
      const big = errors(
        layersOn([
          { type: 'conv2d', filters: 2, kernel: 9 },
          { units: 10, activation: 'softmax' },
        ]),
      );
      assert.equal(big[0]?.path, 'layers[0]');
      assert.match(big[0].message, /window 9×9 is larger than its input \[1, 8, 8\]/);
      const pooled = errors(
        layersOn([
          { type: 'maxpool2d', size: 2 },
          { type: 'maxpool2d', size: 2 },
          { type: 'maxpool2d', size: 2 },
          { type: 'maxpool2d', size: 2 },
          { units: 10, activation: 'softmax' },
        ]),
      );
      assert.equal(pooled[0]?.path, 'layers[3]');
      assert.match(pooled[0].message, /maxpool2d's window 2×2 is larger than its input \[1, 1, 1\]/);
      const same = errors(
        layersOn([
          { type: 'conv2d', filters: 2, kernel: 3, stride: 2, padding: 'same' },
          { units: 10, activation: 'softmax' },
        ]),
      );
      assert.equal(same[0]?.path, 'layers[0].padding');
      assert.match(same[0].message, /"same" needs stride 1/);
      const badKernel = errors(
        layersOn([
          { type: 'conv2d', filters: 2, kernel: [3, 0] },
          { units: 10, activation: 'softmax' },
        ]),
      );
      assert.equal(badKernel[0]?.path, 'layers[0].kernel[1]');
    });

    it('a dense layer after an image layer is a warning whose quick fix inserts a flatten layer; a dense layer on image data is not', () => {
      const config = layersOn([
        { type: 'conv2d', filters: 2, kernel: 3 },
        { type: 'maxpool2d', size: 2 },
        { units: 10, activation: 'softmax' },
      ]);
      const warnings = validateConfig(config).problems.filter((p) => p.severity === 'warning');
      assert.equal(warnings.length, 1);
      assert.equal(formatPath(warnings[0].path), 'layers[2]');
      assert.equal(warnings[0].code, 'implicit-flatten');
      assert.match(warnings[0].message, /flattens the \[2, 3, 3\] output of layer 2 into 18 features/);
      const text = JSON.stringify(config, null, 2);
      const [fix] = fixesFor(parseTree(text)!, warnings[0]);
      assert.ok(fix?.change, 'a fix');
      const fixed = text.slice(0, fix.change.offset) + fix.change.content + text.slice(fix.change.offset + fix.change.length);
      const after = validateConfig(JSON.parse(fixed));
      assert.deepEqual(after.problems, []);
      assert.equal(after.config?.layers[2].type, 'flatten');
      assert.deepEqual(
        validateConfig(
          layersOn([
            { units: 16, activation: 'ReLU' },
            { units: 10, activation: 'softmax' },
          ]),
        ).problems,
        [],
      );
    });

    it('inline and CSV data accept "shape": [c, h, w]; c·h·w must equal the feature count', () => {
      const rows = Array.from({ length: 4 }, (_, i) => Array.from({ length: 12 }, (_, j) => (i * 12 + j) / 48));
      const inline = (shape: unknown): unknown => ({
        data: { inputs: rows, targets: [0, 1, 0, 1], shape },
        layers: [
          { type: 'conv2d', filters: 2, kernel: 2 },
          { units: 1, activation: 'sigmoid' },
        ],
        training: { epochs: 1, batchSize: 2 },
      });
      const good = prepareRun(inline([3, 2, 2]), {});
      assert.deepEqual(
        good.problems.filter((p) => p.severity === 'error'),
        [],
      );
      assert.deepEqual(good.config?.inputShape, [3, 2, 2]);
      assert.deepEqual(good.data?.features, [3, 2, 2]);
      const bad = prepareRun(inline([2, 2, 2]), {});
      const problem = bad.problems.find((p) => p.severity === 'error');
      assert.equal(problem && formatPath(problem.path), 'data.shape');
      assert.match(problem?.message ?? '', /shape \[2, 2, 2\] holds 8 values per sample.*12 feature columns/);
      assert.equal(formatPath(prepareRun(inline([3, 2]), {}).problems[0].path), 'data.shape');
      const csv = 'a,b,c,d,label\n0,1,2,3,0\n3,2,1,0,1\n1,1,1,1,0\n';
      const run = prepareRun(
        {
          data: { csv: 'x.csv', shape: [1, 2, 2] },
          layers: [
            { type: 'maxpool2d', size: 2 },
            { units: 1, activation: 'sigmoid' },
          ],
          training: { epochs: 1 },
        },
        { readFile: () => csv },
      );
      assert.deepEqual(
        run.problems.filter((p) => p.severity === 'error'),
        [],
      );
      assert.deepEqual(run.config?.inputShape, [1, 2, 2]);
    });
  });

  describe('a CNN on the digits', () => {
    const CNN = {
      name: 'digits-cnn-test',
      data: { dataset: 'digits' },
      layers: [
        { type: 'conv2d', filters: 3, kernel: 3, padding: 'same', activation: 'tanh' },
        { type: 'batchnorm' },
        { type: 'maxpool2d', size: 2 },
        { type: 'conv2d', filters: 4, kernel: [2, 3], stride: [1, 2], padding: 1, activation: 'ReLU' },
        { type: 'avgpool2d', size: 2, stride: 1 },
        { type: 'dropout', rate: 0.1 },
        { type: 'flatten' },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'Cross',
      optimizer: { name: 'Adam', alpha: 0.01 },
      training: { epochs: 3, batchSize: 64, validationSplit: 0.2, seed: 5, l2: 0.001 },
    };

    it('trains, saves and reloads (the model file keeps the input shape and each layer’s geometry)', async () => {
      const file = dir.join('cnn.nn.json');
      writeFileSync(file, JSON.stringify(CNN));
      const model = dir.join('cnn.model.json');
      const trained = await cli(['train', file, '--quiet', '--save', model]);
      assert.equal(trained.code, 0, trained.err.join('\n'));
      const rows = [Array.from({ length: 64 }, (_, i) => (i % 9) / 8)];
      const once = await predictRows(model, rows);
      assert.equal(once[0].length, 10);
      assert.ok(Math.abs(once[0].reduce((a, b) => a + b, 0) - 1) < 1e-9);
      const checked = await cli(['check', model]);
      assert.equal(checked.code, 0, checked.err.join('\n'));
      // The saved input shape must fit "inputs"; a conv layer's geometry must fit its sizes.
      const saved = JSON.parse(readFileSync(model, 'utf8')) as { weights: { inputShape: number[]; layers: Record<string, unknown>[] } };
      assert.deepEqual(saved.weights.inputShape, [1, 8, 8]);
      assert.match(String(checkWeightsJson({ ...saved.weights, inputShape: [1, 8, 9] })), /^inputShape: holds 72 values per sample, "inputs" is 64/);
      const layers = [{ ...saved.weights.layers[0], kernelHeight: 11 }, ...saved.weights.layers.slice(1)];
      assert.match(String(checkWeightsJson({ ...saved.weights, layers })), /^layers\[0\]: the kernel 11×3 is larger than the padded input/);
    });

    it('exports to PyTorch (nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d, nn.Flatten): the float64 loss history equals train --json within 1e-9', async () => {
      const file = dir.join('cnn.nn.json');
      writeFileSync(file, JSON.stringify(CNN));
      const trained = await cli(['train', file, '--json']);
      assert.equal(trained.code, 0, trained.err.join('\n'));
      type Epoch = { type: string; loss: number; valLoss: number; accuracy: number; valAccuracy: number };
      const nnlab = trained.out.map((l) => JSON.parse(l) as Epoch).filter((e) => e.type === 'epoch');
      const script = dir.join('cnn.py');
      const exported = await cli(['export', file, '--to', 'pytorch', '-o', script]);
      assert.equal(exported.code, 0, exported.err.join('\n'));
      const r = await runProcess(pythonCommand(), [script, '--json', '--dtype', 'float64'], dir.path);
      assert.equal(r.code, 0, `python3 with PyTorch is required: ${r.err.slice(-2000)}`);
      const torch = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Epoch)
        .filter((e) => e.type === 'epoch');
      assert.equal(torch.length, nnlab.length);
      nnlab.forEach((a, i) => {
        for (const key of ['loss', 'valLoss'] as const)
          assert.ok(Math.abs(a[key] - torch[i][key]) <= 1e-9 * Math.abs(a[key]), `epoch ${i + 1} ${key}: ${a[key]} vs ${torch[i][key]}`);
        assert.equal(torch[i].valAccuracy, a.valAccuracy, `epoch ${i + 1} valAccuracy`);
      });
    });

    it('exports to ONNX (Conv, BatchNormalization per channel, MaxPool, AveragePool, Flatten): ONNX Runtime reproduces predict within 1e-5', async () => {
      const file = dir.join('cnn.nn.json');
      writeFileSync(file, JSON.stringify(CNN));
      const model = dir.join('cnn.model.json');
      assert.equal((await cli(['train', file, '--quiet', '--save', model])).code, 0);
      const onnx = dir.join('cnn.onnx');
      const exported = await cli(['export', model, '--to', 'onnx', '-o', onnx]);
      assert.equal(exported.code, 0, exported.err.join('\n'));
      const rng = new Rng(3);
      const rows = Array.from({ length: 6 }, () => Array.from({ length: 64 }, () => rng.uniform()));
      const d = deviation(await onnxRuntimeRows(onnx, rows), await predictRows(model, rows));
      assert.ok(d.scaled <= 1e-5, `deviation ${d.scaled}`);
    });
  });
});
