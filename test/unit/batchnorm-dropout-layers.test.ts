/**
 * The layer kinds of issue #16: batchnorm (forward and backward against finite differences and
 * against torch.nn.BatchNorm1d from the same weights), dropout (mask statistics, scaling, the
 * identity in evaluation, bit-identical seeded runs), the activation layer (equal to a dense
 * layer's own activation), the model file with running statistics, the editor's checks, and both
 * exports: the PyTorch script's float64 loss history equals `train --json` within 1e-9, ONNX Runtime
 * equals `predict` within 1e-5.
 */
import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseTree } from 'jsonc-parser';
import { prepareRun } from '../../src/core/config/load';
import { fixesFor } from '../../src/core/editing/fix-plans';
import { validateConfig } from '../../src/core/config/validate';
import { ActivationLayer } from '../../src/core/layers/activation-layer';
import { BatchNormLayer } from '../../src/core/layers/batch-norm';
import { DropoutLayer } from '../../src/core/layers/dropout';
import { jsKernel } from '../../src/core/linalg/js-kernel';
import { Sequential } from '../../src/core/model/sequential';
import { checkWeightsJson } from '../../src/core/model/weights-json';
import { Rng } from '../../src/core/rng';
import { train } from '../../src/core/train/trainer';
import { activationRegistry } from '../../src/core/activations';
import { takeSnapshot } from '../../src/node/worker/network-snapshot';
import { pythonCommand } from '../support/python';
import { runProcess } from '../support/run-process';
import { useTempDir } from '../support/temp-dir';
import { cli, deviation, onnxRuntimeRows, predictRows, sampleRows } from './export-onnx.helpers';

/** n uniform draws in [lo, hi) from a seeded generator. */
function draws(n: number, seed: number, lo = -2, hi = 2): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}

/** Asserts |a − b| ≤ tol·max(1, |b|) elementwise. */
function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

/** A batchnorm layer of f features with γ and β drawn (not 1 and 0, so they matter). */
function batchNorm(f: number): BatchNormLayer {
  const bn = new BatchNormLayer(f, 0.1, 1e-5, jsKernel);
  bn.reset();
  bn.gamma.set(draws(f, 5, 0.5, 1.5));
  bn.beta.set(draws(f, 6, -0.5, 0.5));
  return bn;
}

/** The classifier the export tests train: linear dense → batchnorm → ReLU layer → dropout → … → sigmoid layer (fused with Binary). */
const CONFIG = {
  name: 'regularised spiral',
  data: { generator: 'spiral', samples: 90, noise: 0.1, seed: 3 },
  layers: [
    { units: 8, activation: 'identity' },
    { type: 'batchnorm' },
    { type: 'activation', activation: 'ReLU' },
    { type: 'dropout', rate: 0.3 },
    { units: 6, activation: 'tanh' },
    { type: 'dropout', rate: 0.2 },
    { units: 1, activation: 'identity' },
    { type: 'activation', activation: 'sigmoid' },
  ],
  optimizer: { name: 'Adam', alpha: 0.02 },
  training: { epochs: 12, batchSize: 10, validationSplit: 0.2, seed: 11 },
};

describe('layer kinds dropout, batchnorm and activation', function () {
  this.timeout(300000);
  const dir = useTempDir('bn-dropout');

  describe('batchnorm', () => {
    it('forward in training normalises each feature with the batch statistics and moves the running ones', () => {
      const n = 6,
        f = 3;
      const bn = batchNorm(f);
      const x = draws(n * f, 1);
      const y = bn.forward(x, n);
      for (let j = 0; j < f; j++) {
        let mean = 0,
          sq = 0;
        for (let i = 0; i < n; i++) mean += x[i * f + j] / n;
        for (let i = 0; i < n; i++) sq += (x[i * f + j] - mean) ** 2;
        for (let i = 0; i < n; i++) {
          const want = (bn.gamma[j] * (x[i * f + j] - mean)) / Math.sqrt(sq / n + 1e-5) + bn.beta[j];
          assert.ok(Math.abs(y[i * f + j] - want) < 1e-12);
        }
        assert.ok(Math.abs(bn.runningMean[j] - 0.1 * mean) < 1e-15);
        assert.ok(Math.abs(bn.runningVar[j] - (0.9 + (0.1 * sq) / (n - 1))) < 1e-15);
      }
    });

    it('backward equals finite differences of Σ dy·y (through the batch statistics) for x, γ and β', () => {
      const n = 5,
        f = 4;
      const bn = batchNorm(f);
      const x = draws(n * f, 2);
      const dy = draws(n * f, 3);
      const objective = (): number => {
        const saved = [Float64Array.from(bn.runningMean), Float64Array.from(bn.runningVar)];
        const y = bn.forward(x, n);
        bn.runningMean.set(saved[0]);
        bn.runningVar.set(saved[1]);
        return Array.from(y).reduce((s, v, k) => s + v * dy[k], 0);
      };
      objective();
      const dx = Float64Array.from(bn.backward(dy));
      const [dGamma, dBeta] = bn.grads().map((g) => Float64Array.from(g));
      const h = 1e-6;
      const numeric = (a: FloatArray, k: number): number => {
        const keep = a[k];
        a[k] = keep + h;
        const up = objective();
        a[k] = keep - h;
        const down = objective();
        a[k] = keep;
        return (up - down) / (2 * h);
      };
      for (let k = 0; k < n * f; k++) assert.ok(Math.abs(dx[k] - numeric(x, k)) < 1e-6, `dx[${k}]`);
      for (let j = 0; j < f; j++) {
        assert.ok(Math.abs(dGamma[j] - numeric(bn.gamma, j)) < 1e-6, `dγ[${j}]`);
        assert.ok(Math.abs(dBeta[j] - numeric(bn.beta, j)) < 1e-6, `dβ[${j}]`);
      }
    });

    it('equals torch.nn.BatchNorm1d from the same weights: training output, gradients, running statistics, evaluation output', async () => {
      const n = 5,
        f = 3,
        steps = 3;
      const bn = batchNorm(f);
      const batches = Array.from({ length: steps }, (_, s) => Array.from(draws(n * f, 10 + s, -3, 4)));
      const dys = Array.from({ length: steps }, (_, s) => Array.from(draws(n * f, 20 + s)));
      const evalX = Array.from(draws(4 * f, 30));
      const ours: { y: number[]; dx: number[]; dGamma: number[]; dBeta: number[] }[] = [];
      bn.setTraining(true);
      for (let s = 0; s < steps; s++) {
        const y = Array.from(bn.forward(Float64Array.from(batches[s]), n));
        const dx = Array.from(bn.backward(Float64Array.from(dys[s])));
        ours.push({ y, dx, dGamma: Array.from(bn.dGamma), dBeta: Array.from(bn.dBeta) });
      }
      bn.setTraining(false);
      const evalY = Array.from(bn.forward(Float64Array.from(evalX), 4));
      const py = String.raw`
import json, sys, torch
d = json.load(sys.stdin)
f = d["f"]
bn = torch.nn.BatchNorm1d(f, eps=1e-5, momentum=0.1).double()
with torch.no_grad():
    bn.weight.copy_(torch.tensor(d["gamma"], dtype=torch.float64))
    bn.bias.copy_(torch.tensor(d["beta"], dtype=torch.float64))
steps = []
bn.train()
for xs, dys in zip(d["batches"], d["dys"]):
    x = torch.tensor(xs, dtype=torch.float64).view(-1, f).requires_grad_(True)
    bn.zero_grad()
    y = bn(x)
    (y * torch.tensor(dys, dtype=torch.float64).view(-1, f)).sum().backward()
    steps.append({"y": y.detach().flatten().tolist(), "dx": x.grad.flatten().tolist(), "dGamma": bn.weight.grad.tolist(), "dBeta": bn.bias.grad.tolist()})
bn.eval()
with torch.no_grad():
    ev = bn(torch.tensor(d["evalX"], dtype=torch.float64).view(-1, f)).flatten().tolist()
print(json.dumps({"steps": steps, "runningMean": bn.running_mean.tolist(), "runningVar": bn.running_var.tolist(), "evalY": ev}))
`;
      const input = JSON.stringify({ f, gamma: Array.from(batchNorm(f).gamma), beta: Array.from(batchNorm(f).beta), batches, dys, evalX });
      const r = await runProcess(pythonCommand(), ['-c', py], dir.path, { input });
      assert.equal(r.code, 0, `python3 with PyTorch is required: ${r.err.slice(-2000)}`);
      const torch = JSON.parse(r.out) as { steps: typeof ours; runningMean: number[]; runningVar: number[]; evalY: number[] };
      ours.forEach((s, k) => {
        for (const key of ['y', 'dx', 'dGamma', 'dBeta'] as const) assertClose(s[key], torch.steps[k][key], 1e-12, `step ${k + 1} ${key}`);
      });
      assertClose(bn.runningMean, torch.runningMean, 1e-12, 'running mean');
      assertClose(bn.runningVar, torch.runningVar, 1e-12, 'running variance');
      assertClose(evalY, torch.evalY, 1e-12, 'evaluation output');
    });
  });

  describe('dropout', () => {
    it('keeps each element with probability 1 − rate, scales it by 1/(1 − rate), passes the gradient through the same mask', () => {
      const n = 200,
        f = 50,
        rate = 0.3;
      const layer = new DropoutLayer(f, rate, new Rng(4), jsKernel);
      const x = draws(n * f, 7, 0.5, 1.5);
      layer.setTraining(true);
      const y = layer.forward(x, n);
      let kept = 0;
      for (let k = 0; k < n * f; k++) {
        if (y[k] !== 0) {
          kept++;
          assert.equal(y[k], x[k] * (1 / (1 - rate)));
        }
      }
      const p = kept / (n * f);
      assert.ok(Math.abs(p - 0.7) < 0.02, `kept fraction ${p}`);
      const dy = new Float64Array(n * f).fill(1);
      const dx = layer.backward(dy);
      for (let k = 0; k < n * f; k++) assert.equal(dx[k], y[k] === 0 ? 0 : 1 / (1 - rate));
      // The mask follows the generator: one uniform per element, row-major, kept when u ≥ rate.
      const rng = new Rng(4);
      for (let k = 0; k < 100; k++) assert.equal(y[k] !== 0, rng.uniform() >= rate, `element ${k}`);
    });

    it('is the identity in evaluation and draws nothing', () => {
      const rng = new Rng(9);
      const layer = new DropoutLayer(4, 0.5, rng, jsKernel);
      layer.setTraining(false);
      const x = draws(12, 8);
      assert.deepEqual(Array.from(layer.forward(x, 3)), Array.from(x));
      assert.equal(rng.uniform(), new Rng(9).uniform());
    });

    it('a seed gives a bit-identical run; another seed another one; predict and validation use no masks', () => {
      const prepared = prepareRun(CONFIG);
      assert.ok(prepared.config && prepared.data, JSON.stringify(prepared.problems));
      const a = train(prepared.config, prepared.data);
      const b = train(prepared.config, prepared.data);
      assert.deepEqual(
        a.history.map((e) => [e.loss, e.valLoss]),
        b.history.map((e) => [e.loss, e.valLoss]),
      );
      const other = prepareRun({ ...CONFIG, training: { ...CONFIG.training, seed: 12 } });
      assert.ok(other.config && other.data);
      assert.notEqual(train(other.config, other.data).history[0].loss, a.history[0].loss);
      const x = Float64Array.from(sampleRows(2, 8, 5).flat());
      assert.deepEqual(a.model.predict(x, 8), a.model.predict(x, 8));
    });
  });

  it('an activation layer after a linear dense layer trains exactly as the dense layer with that activation', () => {
    const base = { ...CONFIG, training: { ...CONFIG.training, epochs: 6 } };
    const fused = prepareRun({
      ...base,
      layers: [
        { units: 6, activation: 'tanh', init: 'xavier' },
        { units: 1, activation: 'sigmoid', init: 'xavier' },
      ],
    });
    const split = prepareRun({
      ...base,
      layers: [
        { units: 6, activation: 'identity', init: 'xavier' },
        { type: 'activation', activation: 'tanh' },
        { units: 1, activation: 'identity', init: 'xavier' },
        { type: 'activation', activation: 'sigmoid' },
      ],
    });
    assert.ok(fused.config && fused.data && split.config && split.data, JSON.stringify(split.problems));
    assert.equal(split.config.loss, 'Binary');
    const a = train(fused.config, fused.data, { kernel: jsKernel });
    const b = train(split.config, split.data, { kernel: jsKernel });
    assert.deepEqual(
      b.history.map((e) => [e.loss, e.valLoss]),
      a.history.map((e) => [e.loss, e.valLoss]),
    );
    const leaky = activationRegistry.create('leaky-ReLU', { alpha: 0.1 }, { path: [] });
    const layer = new ActivationLayer(2, leaky, jsKernel);
    assert.deepEqual(Array.from(layer.forward(Float64Array.from([-2, 3]), 1)), [-0.2, 3]);
  });

  it('examples/overfitting.nn.json: with dropout the validation loss stays near its best, without (rate 0) it climbs', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'overfitting.nn.json'), 'utf8');
    const config = JSON.parse(text) as typeof CONFIG;
    const valLosses = (layers: unknown[]): { best: number; last: number } => {
      const prepared = prepareRun({ ...config, layers });
      assert.ok(prepared.config && prepared.data, JSON.stringify(prepared.problems));
      const v = train(prepared.config, prepared.data).history.map((e) => e.valLoss ?? NaN);
      return { best: Math.min(...v), last: v[v.length - 1] };
    };
    const withDropout = valLosses(config.layers);
    const without = valLosses(config.layers.map((l) => (l.type === 'dropout' ? { ...l, rate: 0 } : l)));
    assert.ok(without.last > 2 * without.best, `without dropout: best ${without.best}, last ${without.last}`);
    assert.ok(withDropout.last < 1.5 * withDropout.best, `with dropout: best ${withDropout.best}, last ${withDropout.last}`);
    assert.ok(withDropout.last < without.last / 2);
  });

  it("the panel's network snapshot shows every layer (weights of γ for batchnorm, none for dropout) and evaluates without masks", () => {
    const prepared = prepareRun(CONFIG);
    assert.ok(prepared.config && prepared.data);
    const result = train(prepared.config, prepared.data);
    const a = takeSnapshot(result.model, prepared.data, 12);
    const b = takeSnapshot(result.model, prepared.data, 12);
    assert.deepEqual(
      a.layers.map((l) => l.label),
      [
        'Layer 1 · dense 8 · identity',
        'Layer 2 · batchnorm 8',
        'Layer 3 · activation · ReLU',
        'Layer 4 · dropout 0.3',
        'Layer 5 · dense 6 · tanh',
        'Layer 6 · dropout 0.2',
        'Layer 7 · dense 1 · identity',
        'Layer 8 · activation · sigmoid',
      ],
    );
    assert.equal(
      a.layers[3].weights.counts.reduce((s, c) => s + c, 0),
      0,
    );
    assert.equal(
      a.layers[1].weights.counts.reduce((s, c) => s + c, 0),
      8,
    );
    assert.deepEqual(a, b, 'evaluation mode: the same snapshot twice');
    assert.ok(a.surface);
  });

  it('is saved and reloaded with the running statistics (they are state, not parameters)', () => {
    const prepared = prepareRun(CONFIG);
    assert.ok(prepared.config && prepared.data);
    const result = train(prepared.config, prepared.data);
    const bn = result.model.layers[1];
    assert.ok(bn instanceof BatchNormLayer);
    assert.ok(bn.runningVar.some((v) => v !== 1) && bn.gamma.some((v) => v !== 1), 'trained');
    assert.equal(result.model.paramCount, 2 * 8 + 8 + 2 * 8 + 8 * 6 + 6 + 6 + 1);
    const json = JSON.parse(JSON.stringify(result.model.toJSON())) as unknown;
    const checked = checkWeightsJson(json);
    assert.ok(typeof checked !== 'string', String(checked));
    assert.deepEqual(checked.layers[1], {
      type: 'batchnorm',
      inputs: 8,
      units: 8,
      momentum: 0.1,
      epsilon: 1e-5,
      gamma: Array.from(bn.gamma),
      beta: Array.from(bn.beta),
      runningMean: Array.from(bn.runningMean),
      runningVar: Array.from(bn.runningVar),
    });
    assert.deepEqual(checked.layers[3], { type: 'dropout', inputs: 8, units: 8, rate: 0.3 });
    assert.deepEqual(checked.layers[2], { type: 'activation', inputs: 8, units: 8, activation: 'ReLU' });
    const reloaded = Sequential.fromJSON(prepared.config, checked);
    assert.deepEqual(reloaded.toJSON(), checked);
    const x = Float64Array.from(sampleRows(2, 8, 5).flat());
    const want = result.model.predict(x, 8);
    reloaded.predict(x, 8).forEach((y, i) => assert.ok(Math.abs(y - want[i]) < 1e-12, `output ${i}`));
    const tampered = JSON.parse(JSON.stringify(json)) as { layers: { runningVar: number[] }[] };
    tampered.layers[1].runningVar.pop();
    assert.match(String(checkWeightsJson(tampered)), /layers\[1\]\.runningVar: must hold 8 values of "runningVar"/);
    const negative = JSON.parse(JSON.stringify(json)) as { layers: { runningVar: number[] }[] };
    negative.layers[1].runningVar[2] = -1;
    assert.match(String(checkWeightsJson(negative)), /layers\[1\]\.runningVar\[2\]: a variance cannot be negative/);
    const missing = JSON.parse(JSON.stringify(json)) as { layers: Record<string, unknown>[] };
    delete missing.layers[1].runningMean;
    assert.match(String(checkWeightsJson(missing)), /layers\[1\]\.runningMean/);
  });

  it('the editor: dropout or batchnorm last warns, rate ≥ 1 is out of range, a training batch of one with batchnorm is an error naming batchSize', () => {
    const problems = (config: unknown): { path: string; severity: string; message: string }[] =>
      validateConfig(config).problems.map((p) => ({ path: p.path.join('.'), severity: p.severity, message: p.message }));
    const last = problems({ ...CONFIG, layers: [{ units: 1, activation: 'sigmoid' }, { type: 'dropout' }] });
    assert.ok(
      last.some((p) => p.path === 'layers.1' && p.severity === 'warning' && /last layer/.test(p.message)),
      JSON.stringify(last),
    );
    const bnLast = problems({ ...CONFIG, layers: [{ units: 1, activation: 'sigmoid' }, { type: 'batchnorm' }] });
    assert.ok(bnLast.some((p) => p.path === 'layers.1' && p.severity === 'warning'));
    const rate = problems({ ...CONFIG, layers: [{ units: 4 }, { type: 'dropout', rate: 1 }, { units: 1, activation: 'sigmoid' }] });
    assert.ok(
      rate.some((p) => p.path === 'layers.1.rate' && p.severity === 'error'),
      JSON.stringify(rate),
    );
    assert.equal(validateConfig({ ...CONFIG, layers: [{ units: 4 }, { type: 'dropout' }, { units: 1 }] }).config?.layers[1].rate, 0.5);
    const one = problems({ ...CONFIG, training: { ...CONFIG.training, batchSize: 1 } });
    assert.ok(
      one.some((p) => p.path === 'training.batchSize' && p.severity === 'error' && /batchnorm/.test(p.message)),
      JSON.stringify(one),
    );
    // 90 samples, 18 held out: 72 training samples in batches of 71 leave a last batch of one.
    const lastOne = problems({ ...CONFIG, training: { ...CONFIG.training, batchSize: 71 } });
    assert.ok(
      lastOne.some((p) => p.path === 'training.batchSize' && p.severity === 'error' && /last training batch/.test(p.message)),
      JSON.stringify(lastOne),
    );
    // The quick fix sets a batch size that leaves no batch of one.
    const text = JSON.stringify({ ...CONFIG, training: { ...CONFIG.training, batchSize: 71 } }, null, 2);
    const problem = validateConfig(JSON.parse(text)).problems.find((p) => p.code === 'batch-of-one');
    assert.ok(problem && problem.suggestion === '72', JSON.stringify(problem));
    const root = parseTree(text);
    assert.ok(root);
    const [fix] = fixesFor(root, problem);
    assert.equal(fix.title, 'Set batchSize to 72');
    assert.ok(fix.change);
    const fixed = text.slice(0, fix.change.offset) + fix.change.content + text.slice(fix.change.offset + fix.change.length);
    assert.deepEqual(problems(JSON.parse(fixed)), []);
    assert.deepEqual(problems(CONFIG), []);
    assert.deepEqual(
      problems({ ...CONFIG, training: { ...CONFIG.training, batchSize: 1 }, layers: [{ units: 4 }, { type: 'dropout' }, { units: 1, activation: 'sigmoid' }] }),
      [],
    );
  });

  it('exports to PyTorch: same dropout masks and running statistics, the float64 loss history equals train --json (python3 + PyTorch)', async () => {
    const file = dir.join('regularised.nn.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const trained = await cli(['train', file, '--json']);
    assert.equal(trained.code, 0, trained.err.join('\n'));
    type Epoch = { type: string; loss: number; valLoss: number; accuracy: number; valAccuracy: number };
    const nnlab = trained.out.map((l) => JSON.parse(l) as Epoch).filter((e) => e.type === 'epoch');
    const script = dir.join('regularised.py');
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
      for (const key of ['loss', 'valLoss'] as const) {
        const x = a[key],
          y = torch[i][key];
        assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)), `epoch ${i + 1} ${key}: ${x} vs ${y}`);
      }
      assert.equal(torch[i].accuracy, a.accuracy, `epoch ${i + 1} accuracy`);
      assert.equal(torch[i].valAccuracy, a.valAccuracy, `epoch ${i + 1} valAccuracy`);
    });
  });

  it("torchrun (2 processes, gloo): every rank draws the whole batch's dropout masks, so the history is the single-process one", async () => {
    const config = {
      ...CONFIG,
      layers: [
        { units: 8, activation: 'tanh' },
        { type: 'dropout', rate: 0.4 },
        { units: 1, activation: 'sigmoid' },
      ],
      training: { ...CONFIG.training, epochs: 4, batchSize: 9 },
    };
    const file = dir.join('ddp.nn.json');
    writeFileSync(file, JSON.stringify(config));
    const script = dir.join('ddp.py');
    assert.equal((await cli(['export', file, '--to', 'pytorch', '-o', script])).code, 0);
    const args = [script, '--dtype', 'float64', '--json'];
    const epochs = (out: string): { loss: number; valLoss: number }[] =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { type: string; loss: number; valLoss: number })
        .filter((e) => e.type === 'epoch');
    const single = await runProcess(pythonCommand(), args, dir.path);
    assert.equal(single.code, 0, single.err.slice(-2000));
    const ddp = await runProcess(pythonCommand(), ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', ...args], dir.path);
    assert.equal(ddp.code, 0, ddp.err.slice(-2000));
    const a = epochs(single.out),
      b = epochs(ddp.out);
    assert.equal(b.length, a.length);
    a.forEach((e, i) => {
      for (const key of ['loss', 'valLoss'] as const)
        assert.ok(Math.abs(e[key] - b[i][key]) <= 1e-9 * Math.abs(e[key]), `epoch ${i + 1} ${key}: ${e[key]} vs ${b[i][key]}`);
    });
  });

  it('continues from a saved model in PyTorch as train <model.json> does (γ, β and the running statistics loaded)', async () => {
    const file = dir.join('continued.nn.json');
    writeFileSync(file, JSON.stringify({ ...CONFIG, training: { ...CONFIG.training, epochs: 4 } }));
    const model = dir.join('continued.model.json');
    assert.equal((await cli(['train', file, '--quiet', '--save', model])).code, 0);
    const trained = await cli(['train', model, '--json']);
    assert.equal(trained.code, 0, trained.err.join('\n'));
    const nnlab = trained.out.map((l) => JSON.parse(l) as { type: string; loss: number; valLoss: number }).filter((e) => e.type === 'epoch');
    const script = dir.join('continued.py');
    assert.equal((await cli(['export', model, '--to', 'pytorch', '-o', script])).code, 0);
    const r = await runProcess(pythonCommand(), [script, '--json', '--dtype', 'float64'], dir.path);
    assert.equal(r.code, 0, r.err.slice(-2000));
    const torch = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; loss: number; valLoss: number })
      .filter((e) => e.type === 'epoch');
    assert.equal(torch.length, nnlab.length);
    nnlab.forEach((a, i) => {
      for (const key of ['loss', 'valLoss'] as const)
        assert.ok(Math.abs(a[key] - torch[i][key]) <= 1e-9 * Math.abs(a[key]), `epoch ${i + 1} ${key}: ${a[key]} vs ${torch[i][key]}`);
    });
  });

  it('exports to ONNX (BatchNormalization with the running statistics, no dropout node): ONNX Runtime reproduces predict', async () => {
    const file = dir.join('regularised.nn.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const model = dir.join('regularised.model.json');
    assert.equal((await cli(['train', file, '--quiet', '--save', model])).code, 0);
    const onnx = dir.join('regularised.onnx');
    const exported = await cli(['export', model, '--to', 'onnx', '-o', onnx]);
    assert.equal(exported.code, 0, exported.err.join('\n'));
    const rows = sampleRows(2, 16, 7);
    const d = deviation(await onnxRuntimeRows(onnx, rows), await predictRows(model, rows));
    assert.ok(d.scaled <= 1e-5, `deviation ${d.scaled}`);
  });
});
