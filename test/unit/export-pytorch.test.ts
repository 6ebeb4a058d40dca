/**
 * `nn-lab export --to pytorch`, checked by the real engine: the exported scripts run under
 * python3 + PyTorch (which must be installed: a missing torch fails these tests) and their
 * float64 loss histories must equal NN Lab's `train --json` within 1e-9 relative, for every
 * activation, Maxout, every loss (fused and not) and all 17 optimizers, with shuffled
 * mini-batches that do not divide the sample count and a validation split; plus a 2-process
 * torchrun (gloo) run against a single process.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ACTIVATIONS } from '../../src/core/activations';
import { OPTIMIZERS } from '../../src/core/optimizers';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { pythonCommand } from '../support/python';
import { runProcess } from '../support/run-process';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');
const EPOCHS = 30;
const TOLERANCE = 1e-9;

/** Runs the CLI in-process and returns exit code and output lines. */
async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** One epoch of a history, as `train --json` and the script print it. */
interface Epoch {
  epoch: number;
  loss: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
}

/** Largest relative difference |a − b| / max(|a|, |b|) over the epochs' losses; throws on any structural difference. */
function deviation(nnlab: Epoch[], torch: Epoch[], what: string): number {
  assert.equal(torch.length, nnlab.length, `${what}: ${torch.length} epochs from the script, ${nnlab.length} from NN Lab`);
  let worst = 0;
  nnlab.forEach((a, i) => {
    const b = torch[i];
    for (const key of ['loss', 'valLoss'] as const) {
      assert.equal(typeof b[key], typeof a[key], `${what}: epoch ${a.epoch} ${key} present in one history only`);
      if (a[key] === undefined) continue;
      const x = a[key],
        y = b[key] as number;
      const scale = Math.max(Math.abs(x), Math.abs(y));
      worst = Math.max(worst, scale === 0 ? 0 : Math.abs(x - y) / scale);
    }
    assert.equal(b.accuracy, a.accuracy, `${what}: epoch ${a.epoch} accuracy`);
    assert.equal(b.valAccuracy, a.valAccuracy, `${what}: epoch ${a.epoch} validation accuracy`);
  });
  return worst;
}

/** A model description for the matrix. */
interface Case {
  id: string;
  config: Record<string, unknown>;
  activations: string[];
  optimizer: string;
  loss: string;
  maxout?: boolean;
}

const xor = { generator: 'xor', samples: 48, noise: 0.1, seed: 3 };
const gauss3 = { generator: 'gauss', samples: 48, classes: 3, seed: 5 };
const sine = { generator: 'sine', samples: 48, noise: 0.05, seed: 7 };
// 48 samples, 12 held out: 36 train in batches 10, 10, 10, 6.
const training = { epochs: EPOCHS, batchSize: 10, validationSplit: 0.25, seed: 11 };

/** Non-default parameters, so NN Lab's parameter conventions are exercised. */
const ACTIVATION_PARAMS: Record<string, Record<string, number>> = {
  'hard-shrink': { lambda: 0.3 },
  'soft-shrink': { lambda: 0.2 },
  threshold: { threshold: -0.1, value: 0.05 },
  'leaky-ReLU': { alpha: 0.1 },
  ELU: { alpha: 0.8 },
  CELU: { alpha: 1.5 },
  Swish: { beta: 1.5 },
};

/** One case per activation (hidden layer, Binary on a sigmoid output), the output-layer/loss pairs, and one per optimizer. */
function matrix(): Case[] {
  const cases: Case[] = [];
  for (const entry of ACTIVATIONS) {
    const activation = ACTIVATION_PARAMS[entry.name] ? { name: entry.name, ...ACTIVATION_PARAMS[entry.name] } : entry.name;
    cases.push({
      id: `act-${entry.name}`,
      activations: [entry.name, 'sigmoid'],
      optimizer: 'Adam',
      loss: 'Binary',
      config: {
        data: xor,
        layers: [
          { units: 5, activation, init: 'xavier' },
          { units: 1, activation: 'sigmoid' },
        ],
        loss: 'Binary',
        optimizer: { name: 'Adam', alpha: 0.05 },
        training,
      },
    });
  }
  cases.push(
    {
      id: 'loss-Square',
      activations: ['tanh', 'identity'],
      optimizer: 'Adam',
      loss: 'Square',
      config: { data: sine, layers: [{ units: 6, activation: 'tanh' }, { units: 1 }], loss: 'Square', optimizer: { name: 'Adam', alpha: 0.02 }, training },
    },
    {
      id: 'loss-Cross-fused',
      activations: ['ReLU', 'softmax'],
      optimizer: 'Adam',
      loss: 'Cross',
      config: {
        data: gauss3,
        layers: [
          { units: 6, activation: 'ReLU', init: 'he' },
          { units: 3, activation: 'softmax' },
        ],
        loss: 'Cross',
        optimizer: { name: 'Adam', alpha: 0.02 },
        training,
      },
    },
    {
      id: 'loss-Cross-unfused',
      activations: ['tanh', 'softmin'],
      optimizer: 'Adam',
      loss: 'Cross',
      config: {
        data: gauss3,
        layers: [
          { units: 6, activation: 'tanh' },
          { units: 3, activation: 'softmin' },
        ],
        loss: 'Cross',
        optimizer: { name: 'Adam', alpha: 0.02 },
        training,
      },
    },
    {
      id: 'loss-Binary-unfused',
      activations: ['tanh', 'hard-sigmoid'],
      optimizer: 'Adam',
      loss: 'Binary',
      config: {
        data: xor,
        layers: [
          { units: 6, activation: 'tanh' },
          { units: 1, activation: 'hard-sigmoid' },
        ],
        loss: 'Binary',
        optimizer: { name: 'Adam', alpha: 0.02 },
        training,
      },
    },
    {
      id: 'maxout',
      activations: ['softmax'],
      optimizer: 'Adam',
      loss: 'Cross',
      maxout: true,
      config: {
        data: gauss3,
        layers: [
          { type: 'maxout', units: 4, pieces: 3, init: 'normal', initScale: 0.3 },
          { units: 3, activation: 'softmax' },
        ],
        loss: 'Cross',
        optimizer: { name: 'Adam', alpha: 0.02 },
        training,
      },
    },
  );
  const hyper: Record<string, Record<string, number>> = {
    SGD: { eta: 0.5 },
    MSGD: { eta: 0.5 },
    NAG: { eta: 0.5 },
    AdaGrad: { eta: 0.1 },
    AdaDelta: {},
    RMSprop: { eta: 0.01 },
    RMSpropGraves: { eta: 0.002 },
    Adam: { alpha: 0.02 },
    AdaMax: { alpha: 0.02 },
    Nadam: { alpha: 0.01 },
    AMSGrad: { alpha: 0.05 },
    AdaBound: { alpha: 0.01 },
    AMSBound: { alpha: 0.01 },
    Eve: { alpha: 0.01 },
    SMORMS3: { eta: 0.01 },
    SantaE: { eta: 1e-4, burnin: 60 },
    SantaSSS: { eta: 1e-3, burnin: 60 },
  };
  OPTIMIZERS.forEach((entry, i) => {
    const name = entry.name;
    // Alternate a softmax classifier (with a Maxout layer every third case) and a sigmoid one.
    const layers =
      i % 2 === 0
        ? [i % 3 === 0 ? { type: 'maxout', units: 4, pieces: 2 } : { units: 6, activation: 'tanh' }, { units: 3, activation: 'softmax' }]
        : [
            { units: 6, activation: 'Swish', init: 'normal', initScale: 0.5 },
            { units: 1, activation: 'sigmoid' },
          ];
    cases.push({
      id: `opt-${name}`,
      activations: i % 2 === 0 ? (i % 3 === 0 ? ['softmax'] : ['tanh', 'softmax']) : ['Swish', 'sigmoid'],
      optimizer: name,
      loss: i % 2 === 0 ? 'Cross' : 'Binary',
      maxout: i % 2 === 0 && i % 3 === 0,
      config: { data: i % 2 === 0 ? gauss3 : xor, layers, optimizer: { name, ...(hyper[name] ?? {}) }, training },
    });
  });
  return cases;
}

/** NN Lab's history of a description file: `train --json` lines of type "epoch". */
async function nnlabHistory(file: string, ...extra: string[]): Promise<Epoch[]> {
  const r = await cli('train', file, '--json', '--epochs', String(EPOCHS), ...extra);
  const lines = r.out.map((l) => JSON.parse(l) as Epoch & { type: string });
  return lines.filter((l) => l.type === 'epoch');
}

/** Driver that imports each exported script and runs its main() in one python process. */
const DRIVER = String.raw`
import contextlib, importlib.util, io, json, sys, traceback
import torch
torch.set_num_threads(1)
for k, path in enumerate(sys.argv[2:]):
    try:
        spec = importlib.util.spec_from_file_location(f"case{k}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        with contextlib.redirect_stdout(io.StringIO()):
            history = mod.main(["--epochs", sys.argv[1], "--dtype", "float64", "--json"])
        print(json.dumps({"script": path, "history": history}), flush=True)
    except Exception:
        print(json.dumps({"script": path, "error": traceback.format_exc()}), flush=True)
`;

describe('nn-lab export --to pytorch (python3 + PyTorch)', function () {
  this.timeout(300000);
  const python = pythonCommand();
  /** The test's folder (configs, scripts, data, Python's temporary files), removed after the last test. */
  let dir = '';

  before(() => {
    dir = makeTempDir('pytorch');
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    assert.equal(
      r.status,
      0,
      `${python} with PyTorch is required for these tests (npm test installs it into .venv/): ${r.error?.message ?? r.stderr.trim().split('\n').pop()}`,
    );
  });
  after(() => removeTempDir(dir));

  it("reproduces NN Lab's float64 loss history for every activation, Maxout, loss and optimizer", async () => {
    const cases = matrix();
    // Two more sources: CSV data read by the script itself, and an exported model it continues from.
    mkdirSync(join(dir, 'data'));
    copyFileSync(join(root, 'examples', 'data', 'fruit.csv'), join(dir, 'data', 'fruit.csv'));
    cases.push({
      id: 'csv-fruit',
      activations: ['ReLU', 'softmax'],
      optimizer: 'Adam',
      loss: 'Cross',
      config: {
        data: { csv: 'data/fruit.csv', target: 'fruit', normalize: true },
        layers: [
          { units: 6, activation: 'ReLU' },
          { units: 3, activation: 'softmax' },
        ],
        optimizer: { name: 'Adam', alpha: 0.01 },
        training: { ...training, batchSize: 7 },
      },
    });
    const scripts: string[] = [];
    const expected = new Map<string, { c: Case; history: Epoch[] }>();
    for (const c of cases) {
      const file = join(dir, `${c.id}.nn.json`);
      writeFileSync(file, JSON.stringify({ name: c.id, ...c.config }));
      const script = join(dir, 'scripts', `${c.id.replace(/[^A-Za-z0-9]/g, '_')}.py`);
      mkdirSync(join(dir, 'scripts'), { recursive: true });
      const exported = await cli('export', file, '--to', 'pytorch', '-o', script);
      assert.equal(exported.code, 0, `${c.id}: ${exported.err.join('\n')}`);
      scripts.push(script);
      expected.set(script, { c, history: await nnlabHistory(file) });
    }
    // A model saved by train --save, exported and continued from its weights.
    const base = join(dir, 'act-tanh.nn.json');
    const saved = join(dir, 'tanh.model.json');
    assert.equal((await cli('train', base, '--quiet', '--epochs', '5', '--save', saved)).code, 0);
    const continued = join(dir, 'scripts', 'continued.py');
    assert.equal((await cli('export', saved, '--to', 'pytorch', '-o', continued)).code, 0);
    scripts.push(continued);
    expected.set(continued, {
      c: { id: 'model-file', activations: ['tanh', 'sigmoid'], optimizer: 'Adam', loss: 'Binary', config: {} },
      history: await nnlabHistory(saved),
    });

    writeFileSync(join(dir, 'driver.py'), DRIVER);
    const r = await runProcess(python, [join(dir, 'driver.py'), String(EPOCHS), ...scripts], dir, { timeoutMs: 280000 });
    assert.equal(r.code, 0, r.err);
    const results = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { script: string; history?: Epoch[]; error?: string });
    assert.equal(results.length, scripts.length);
    const byOptimizer = new Map<string, number>();
    const byActivation = new Map<string, number>();
    const byLoss = new Map<string, number>();
    const note = (m: Map<string, number>, key: string, d: number) => m.set(key, Math.max(m.get(key) ?? 0, d));
    for (const result of results) {
      const { c, history } = expected.get(result.script)!;
      assert.ok(result.history, `${c.id}: the script failed:\n${result.error}`);
      assert.equal(history.length, EPOCHS, `${c.id}: NN Lab trained ${history.length} epochs`);
      const d = deviation(history, result.history, c.id);
      assert.ok(d <= TOLERANCE, `${c.id}: relative deviation ${d.toExponential(2)} > ${TOLERANCE}`);
      note(byOptimizer, c.optimizer, d);
      note(byLoss, c.loss, d);
      // Activations and Maxout are credited by the cases made for them (the optimizer cases' numbers are the optimizers').
      if (!c.id.startsWith('opt-')) {
        for (const a of c.activations) note(byActivation, a, d);
        if (c.maxout) note(byActivation, 'maxout', d);
      }
    }
    assert.deepEqual([...byOptimizer.keys()].sort(), OPTIMIZERS.map((o) => o.name).sort(), 'every optimizer is covered');
    for (const a of ACTIVATIONS) assert.ok(byActivation.has(a.name), `activation ${a.name} is covered`);
    assert.deepEqual([...byLoss.keys()].sort(), ['Binary', 'Cross', 'Square']);
    const show = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ');
    console.log(
      `      max relative deviation over ${EPOCHS} epochs —\n      optimizers: ${show(byOptimizer)}\n      activations: ${show(byActivation)}\n      losses: ${show(byLoss)}`,
    );
  });

  it('trains data-parallel under torchrun (2 processes, gloo) with the single-process history', async () => {
    // 48 samples, 12 held out: 36 train in batches of 12, 6 per process. Eve checks that every rank
    // sees the global batch loss; the dropout-free model keeps the ranks identical.
    const file = join(dir, 'ddp.nn.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'ddp',
        data: gauss3,
        layers: [
          { type: 'maxout', units: 4, pieces: 2 },
          { units: 6, activation: 'tanh' },
          { units: 3, activation: 'softmax' },
        ],
        optimizer: { name: 'Eve', alpha: 0.02 },
        training: { ...training, batchSize: 12 },
      }),
    );
    const script = join(dir, 'ddp.py');
    assert.equal((await cli('export', file, '--to', 'pytorch', '-o', script)).code, 0);
    const args = [script, '--epochs', String(EPOCHS), '--dtype', 'float64', '--json'];
    const epochsOf = (out: string) =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Epoch & { type: string })
        .filter((l) => l.type === 'epoch');
    const single = await runProcess(python, args, dir, { timeoutMs: 120000 });
    assert.equal(single.code, 0, single.err);
    const ddp = await runProcess(python, ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', ...args], dir, { timeoutMs: 240000 });
    assert.equal(ddp.code, 0, ddp.err);
    const one = epochsOf(single.out),
      two = epochsOf(ddp.out);
    assert.equal(one.length, EPOCHS);
    const d = deviation(one, two, 'torchrun');
    assert.ok(d <= TOLERANCE, `torchrun: relative deviation ${d.toExponential(2)} > ${TOLERANCE}`);
    assert.ok(deviation(await nnlabHistory(file), one, 'single process') <= TOLERANCE);
    console.log(`      torchrun 2 processes vs 1: max relative deviation ${d.toExponential(1)}`);
  });

  it('reproduces the training keys: l1, l2, clipNorm, every schedule, early stopping with restore, validationData', async () => {
    const keyCases: { id: string; config: Record<string, unknown> }[] = [
      {
        // A class optimizer (set_lr writes its h), penalties, clipping, warm-up then step; early stopping on valLoss stops at 17, restores 14.
        id: 'keys-adam',
        config: {
          data: xor,
          layers: [
            { units: 6, activation: 'tanh' },
            { units: 1, activation: 'sigmoid' },
          ],
          optimizer: { name: 'Adam', alpha: 0.3 },
          training: {
            ...training,
            epochs: 60,
            l1: 0.001,
            l2: 0.01,
            clipNorm: 0.5,
            schedule: { type: 'step', stepSize: 4, gamma: 0.7, warmupEpochs: 3 },
            earlyStopping: { patience: 3 },
          },
        },
      },
      {
        // A torch built-in (param group lr), cosine, maxout penalized, early stopping on accuracy running out of epochs.
        id: 'keys-sgd',
        config: {
          data: gauss3,
          layers: [
            { type: 'maxout', units: 4, pieces: 2 },
            { units: 3, activation: 'softmax' },
          ],
          optimizer: { name: 'SGD', eta: 0.5 },
          training: { ...training, l2: 0.05, schedule: { type: 'cosine', minLr: 0.01 }, earlyStopping: { monitor: 'valAccuracy', patience: 100 } },
        },
      },
      {
        // validationData instead of the split (written beside the script), early stopping on it; exponential decay.
        id: 'keys-validation-data',
        config: {
          data: xor,
          validationData: { generator: 'xor', samples: 20, noise: 0.3, seed: 9 },
          layers: [
            { units: 6, activation: 'tanh' },
            { units: 1, activation: 'sigmoid' },
          ],
          optimizer: { name: 'Adam', alpha: 0.3 },
          training: { ...training, validationSplit: 0, schedule: { type: 'exponential', gamma: 0.95 }, earlyStopping: { patience: 3 } },
        },
      },
      ...(['MSGD', 'NAG'] as const).flatMap((name) =>
        [
          { type: 'step', stepSize: 3, gamma: 0.6, warmupEpochs: 2 },
          // The rate reaches 0 after 5 epochs and stays there: the parameters stop (no coasting on an old velocity).
          { type: 'cosine', epochs: 5 },
        ].map((schedule) => ({
          // torch's momentum SGD under a changing rate: the new rate applies to the whole momentum buffer, in both.
          id: `keys-${name.toLowerCase()}-${schedule.type}`,
          config: {
            data: xor,
            layers: [
              { units: 6, activation: 'tanh' },
              { units: 1, activation: 'sigmoid' },
            ],
            optimizer: { name, eta: 0.5, mu: 0.8 },
            training: { ...training, schedule },
          },
        })),
      ),
      ...(['AdaBound', 'AMSBound'] as const).map((name) => ({
        // A class optimizer whose bounds follow the rate: set_lr moves η with α (η = η₀·α/α₀).
        id: `keys-${name.toLowerCase()}`,
        config: {
          data: xor,
          layers: [
            { units: 6, activation: 'tanh' },
            { units: 1, activation: 'sigmoid' },
          ],
          optimizer: { name, alpha: 0.05, eta: 0.5 },
          training: { ...training, schedule: { type: 'exponential', gamma: 0.8 } },
        },
      })),
      {
        // Plateau on the training loss (it halves the rate several times), L1 alone, no validation split; stops early.
        id: 'keys-rmsprop',
        config: {
          data: sine,
          layers: [
            { units: 8, activation: 'tanh' },
            { units: 1, activation: 'identity' },
          ],
          optimizer: { name: 'RMSprop', eta: 0.05 },
          training: {
            ...training,
            validationSplit: 0,
            l1: 0.002,
            schedule: { type: 'plateau', patience: 0, factor: 0.5, threshold: 0.05 },
            earlyStopping: { minDelta: 1e-3, patience: 4 },
          },
        },
      },
    ];
    const parse = (lines: string[]) =>
      lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Epoch & { type: string; lr?: number; [k: string]: unknown });
    for (const c of keyCases) {
      const file = join(dir, `${c.id}.nn.json`);
      writeFileSync(file, JSON.stringify({ name: c.id, ...c.config }));
      const script = join(dir, `${c.id.replace(/-/g, '_')}.py`);
      assert.equal((await cli('export', file, '--to', 'pytorch', '-o', script)).code, 0);
      const ours = parse((await cli('train', file, '--json')).out);
      const r = await runProcess(python, [script, '--dtype', 'float64', '--json'], dir, { timeoutMs: 120000 });
      assert.equal(r.code, 0, r.err);
      const theirs = parse(r.out.split('\n'));
      const epochsOf = (lines: typeof ours) => lines.filter((l) => l.type === 'epoch');
      const d = deviation(epochsOf(ours), epochsOf(theirs), c.id);
      assert.ok(d <= TOLERANCE, `${c.id}: relative deviation ${d.toExponential(2)} > ${TOLERANCE}`);
      epochsOf(ours).forEach((e, i) => {
        const lr = epochsOf(theirs)[i].lr as number;
        assert.ok(Math.abs((e.lr as number) - lr) <= 1e-12 * lr, `${c.id}: epoch ${e.epoch} lr ${e.lr} vs ${lr}`);
      });
      const a = ours[ours.length - 1],
        b = theirs[theirs.length - 1];
      assert.equal(b.bestEpoch, a.bestEpoch, `${c.id}: bestEpoch`);
      assert.equal(b.stoppedEpoch, a.stoppedEpoch, `${c.id}: stoppedEpoch`);
      assert.ok(Math.abs((a.finalLoss as number) - (b.finalLoss as number)) <= TOLERANCE * (a.finalLoss as number), `${c.id}: the restored epoch's loss`);
    }
  });

  it('writes a checkpoint and an ONNX model when asked', async () => {
    const script = join(dir, 'scripts', 'act_tanh.py');
    const r = await runProcess(python, [script, '--epochs', '2', '--save', 'tanh.pt', '--onnx', 'tanh.onnx'], dir, { timeoutMs: 120000 });
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(join(dir, 'tanh.pt')) && existsSync(join(dir, 'tanh.onnx')));
    assert.match(r.out, /epoch 2\/2 {2}loss \d/);
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')));
  });
});
