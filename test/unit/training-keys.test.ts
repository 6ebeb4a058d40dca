/**
 * The training keys of issue #16: learning-rate schedules against torch.optim.lr_scheduler,
 * clipping against clip_grad_norm_, the weight penalties, early stopping's restore on each way
 * a run can end, the config checks and the CLI's --json fields.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { prepareRun } from '../../src/core/config/load';
import { validateConfig } from '../../src/core/config/validate';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { addPenalties, clipGradientNorm, penalizedMask } from '../../src/core/train/penalties';
import { createSchedule, type ResolvedSchedule } from '../../src/core/train/schedules';
import { TrainingRun } from '../../src/core/train/trainer';
import { weightArrays } from '../../src/core/train/early-stopping';
import { evaluateOn } from '../../src/core/train/evaluate';
import { TrainingLoop } from '../../src/node/worker/training-loop';
import { inspectable } from '../../src/node/worker/inspectable-run';
import type { WorkerToHost } from '../../src/protocol/worker';
import { applyEdits } from 'jsonc-parser';
import { fixesFor } from '../../src/core/editing/fix-plans';
import { treeOf } from '../../src/core/editing/json-locations';
import { optimizerRegistry } from '../../src/core/optimizers';
import { Rng } from '../../src/core/rng';
import { pythonCommand } from '../support/python';
import { makeTempDir, removeTempDir, useTempDir } from '../support/temp-dir';

/** Runs a Python snippet that prints one JSON value; returns it parsed. */
function python(code: string): unknown {
  // TMPDIR: what torch keeps in a temporary folder (torchinductor_*) goes into a folder removed right after.
  const tmp = makeTempDir('train-keys-py');
  try {
    const r = spawnSync(pythonCommand(), ['-c', code], { encoding: 'utf8', timeout: 120000, env: { ...process.env, TMPDIR: tmp } });
    if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    removeTempDir(tmp);
  }
}

/** The rates of `epochs` epochs of `spec` with lr₀ = `lr0`, feeding `losses` to observe. */
function rates(spec: Partial<ResolvedSchedule> & { type: string }, lr0: number, epochs: number, losses: number[] = []): number[] {
  const s = createSchedule({ warmupEpochs: 0, ...spec } as ResolvedSchedule, { lr0, epochs });
  const out: number[] = [];
  for (let e = 0; e < epochs; e++) {
    out.push(s.rate(e));
    s.observe?.(losses[e] ?? 1);
  }
  return out;
}

function assertClose(actual: number[], expected: number[], tol = 1e-12): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `epoch ${i}: ${a} vs ${expected[i]}`));
}

/** Python that prints the rates of a torch scheduler over `n` epochs (stepping it after each one). */
function torchRates(make: string, n: number, losses?: number[]): number[] {
  const step = losses ? `sched.step(${JSON.stringify(losses)}[e])` : 'sched.step()';
  return python(`
import json, math, warnings, torch
warnings.simplefilter("ignore")
p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
opt = torch.optim.SGD([p], lr=0.1)
sched = ${make}
out = []
for e in range(${n}):
    out.append(opt.param_groups[0]["lr"])
    opt.step()
    ${step}
print(json.dumps(out))
`) as number[];
}

describe('learning-rate schedules match torch.optim.lr_scheduler', function () {
  this.timeout(300000);
  it('step = StepLR', () => {
    assertClose(rates({ type: 'step', stepSize: 3, gamma: 0.5 }, 0.1, 12), torchRates('torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)', 12));
  });
  it('exponential = ExponentialLR', () => {
    assertClose(rates({ type: 'exponential', gamma: 0.9 }, 0.1, 15), torchRates('torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)', 15));
  });
  it('cosine = CosineAnnealingLR, flat after T', () => {
    const ours = rates({ type: 'cosine', epochs: 8, minLr: 0.001 }, 0.1, 8);
    assertClose(ours, torchRates('torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=8, eta_min=0.001)', 8));
    // After T the rate stays at m (PyTorch's would rise again: its cosine is periodic).
    assert.equal(rates({ type: 'cosine', epochs: 4, minLr: 0.001 }, 0.1, 7)[6], 0.001);
    // T defaults to training.epochs.
    assertClose(rates({ type: 'cosine', minLr: 0 }, 0.1, 10), torchRates('torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)', 10));
  });
  it('plateau = ReduceLROnPlateau (min, rel) including cool-down and the floor', () => {
    const losses = [1, 0.9, 0.9, 0.9, 0.9, 0.95, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8];
    const spec = { type: 'plateau', factor: 0.5, patience: 2, threshold: 0.01, cooldown: 1, minLr: 0.01 };
    assertClose(
      rates(spec, 0.1, losses.length, losses),
      torchRates(
        'torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2, threshold=0.01, threshold_mode="rel", cooldown=1, min_lr=0.01)',
        losses.length,
        losses,
      ),
    );
  });
  it('warm-up = LinearLR from 1/w, then the schedule at e − w', () => {
    const w = 4;
    const ours = rates({ type: 'constant', warmupEpochs: w }, 0.1, 8);
    assertClose(ours, torchRates(`torch.optim.lr_scheduler.LinearLR(opt, start_factor=1/${w}, end_factor=1.0, total_iters=${w - 1})`, 8));
    const stepped = rates({ type: 'step', stepSize: 2, gamma: 0.5, warmupEpochs: 2 }, 0.1, 6);
    assertClose(stepped, [0.05, 0.1, 0.1, 0.1, 0.05, 0.05]);
  });
});

describe('a schedule on the bounded optimizers', () => {
  it("AdaBound and AMSBound move the final rate η with α (η = η₀·α/α₀), as Luo et al.'s code scales final_lr", () => {
    for (const name of ['AdaBound', 'AMSBound']) {
      const entry = optimizerRegistry.entry(name);
      assert.deepEqual(entry.scaledWithRate, ['eta'], name);
      const opt = optimizerRegistry.create(name, { alpha: 0.01, eta: 0.2 }, { rng: new Rng(1) }) as unknown as {
        setLearningRate(lr: number): void;
        h: { alpha: number; eta: number };
      };
      opt.setLearningRate(0.005);
      assert.deepEqual([opt.h.alpha, opt.h.eta], [0.005, 0.1], name);
      opt.setLearningRate(0.01);
      assert.deepEqual([opt.h.alpha, opt.h.eta], [0.01, 0.2], name);
    }
  });
});

describe('weight penalties and clipping', function () {
  this.timeout(120000);
  it('l2 adds λ·w and l1 adds λ·sign(w) (sign(0) = 0) to the penalized tensors only', () => {
    const w = Float64Array.from([2, -1, 0]),
      b = Float64Array.from([3]);
    const gw = Float64Array.from([0.5, 0.5, 0.5]),
      gb = Float64Array.from([0.25]);
    addPenalties([w, b], [gw, gb], [true, false], 0.1, 0.01);
    assertClose(Array.from(gw), [0.5 + 0.01 * 2 + 0.1, 0.5 - 0.01 - 0.1, 0.5]);
    assert.deepEqual(Array.from(gb), [0.25]);
  });
  it('dense and maxout penalize W, not b', () => {
    const prepared = prepareRun({
      data: { generator: 'xor', samples: 20 },
      layers: [
        { type: 'maxout', units: 3 },
        { units: 1, activation: 'sigmoid' },
      ],
    });
    assert.ok(prepared.config && prepared.data);
    const run = new TrainingRun(prepared.config, prepared.data);
    assert.deepEqual(penalizedMask(run.model, prepared.config.layers), [true, false, true, false]);
  });
  it('clipNorm = torch.nn.utils.clip_grad_norm_', () => {
    const grads = [Float64Array.from([3, -4, 1]), Float64Array.from([2, 0.5])];
    const expected = python(`
import json, torch
a = torch.nn.Parameter(torch.zeros(3, dtype=torch.float64)); b = torch.nn.Parameter(torch.zeros(2, dtype=torch.float64))
a.grad = torch.tensor([3, -4, 1], dtype=torch.float64); b.grad = torch.tensor([2, 0.5], dtype=torch.float64)
n = torch.nn.utils.clip_grad_norm_([a, b], 2.0)
print(json.dumps([float(n), a.grad.tolist() + b.grad.tolist()]))
`) as [number, number[]];
    const norm = clipGradientNorm(grads, 2);
    assertClose([norm], [expected[0]]);
    assertClose([...grads[0], ...grads[1]], expected[1]);
    const small = [Float64Array.from([0.1, 0.2])];
    clipGradientNorm(small, 5);
    assert.deepEqual(Array.from(small[0]), [0.1, 0.2]);
  });
  it('the reported loss stays the data loss; l2 changes the trajectory', () => {
    const base = {
      data: { generator: 'xor', samples: 40 },
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
    };
    const first = (training: Record<string, unknown>): number[] => {
      const p = prepareRun({ ...base, training: { epochs: 3, ...training } });
      assert.ok(p.config && p.data);
      const run = new TrainingRun(p.config, p.data);
      while (!run.done) run.runEpoch();
      return run.history.map((r) => r.loss);
    };
    const plain = first({ batchSize: 1000 }),
      penalized = first({ batchSize: 1000, l2: 10 });
    assert.equal(penalized[0], plain[0]); // same weights before the first step: same data loss
    assert.notEqual(penalized[2], plain[2]);
  });
});

describe('early stopping', function () {
  this.timeout(120000);
  const config = (earlyStopping: Record<string, unknown>, epochs = 40): { training: Record<string, unknown> } & Record<string, unknown> => ({
    data: { generator: 'xor', samples: 60, noise: 0.3 },
    layers: [
      { units: 6, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    optimizer: { name: 'SGD', eta: 3 },
    training: { epochs, validationSplit: 0.3, earlyStopping },
  });
  /** Runs to the end, keeping a copy of the weights after each epoch. */
  function runKeeping(json: Parameters<typeof prepareRun>[0], shouldStop?: () => boolean) {
    const p = prepareRun(json);
    assert.ok(p.config && p.data, JSON.stringify(p.problems));
    const copies: number[][] = [];
    const run = new TrainingRun(p.config, p.data, {
      shouldStop,
      onEpoch: () => copies.push(weightArrays(run.model).flatMap((a) => Array.from(a))),
    });
    while (!run.done) run.runEpoch();
    return { run, copies, now: weightArrays(run.model).flatMap((a) => Array.from(a)) };
  }
  const bestByValLoss = (run: TrainingRun): number => {
    let best = 0;
    run.history.forEach((r, i) => {
      if ((r.valLoss ?? Infinity) < (run.history[best].valLoss ?? Infinity)) best = i;
    });
    return best + 1;
  };

  it('stops after patience epochs without improvement and restores the best epoch', () => {
    const { run, copies, now } = runKeeping(config({ patience: 2 }, 200));
    assert.ok(run.stoppedEpoch !== undefined && run.stoppedEpoch < 200, 'stopped early');
    assert.equal(run.history.length, run.stoppedEpoch);
    assert.equal(run.bestEpoch, bestByValLoss(run));
    assert.equal(run.stoppedEpoch - (run.bestEpoch ?? 0), 2);
    assert.deepEqual(now, copies[(run.bestEpoch ?? 0) - 1]);
    assert.match(run.message ?? '', new RegExp(`stopped early at epoch ${run.stoppedEpoch}, restored epoch ${run.bestEpoch}`));
  });
  it('restores the best epoch when the epochs are used up', () => {
    const { run, copies, now } = runKeeping(config({ patience: 1000 }, 30));
    assert.equal(run.stoppedEpoch, undefined);
    assert.equal(run.history.length, 30);
    assert.equal(run.bestEpoch, bestByValLoss(run));
    assert.deepEqual(now, copies[(run.bestEpoch ?? 0) - 1]);
  });
  it('restores the best epoch when stopped by hand, and not without restoreBest', () => {
    let batches = 0;
    const { run, copies, now } = runKeeping(config({ patience: 1000 }, 200), () => ++batches > 2 * 25);
    assert.equal(run.status, 'cancelled');
    assert.deepEqual(now, copies[(run.bestEpoch ?? 0) - 1]);
    const kept = runKeeping(config({ patience: 1000, restoreBest: false }, 10));
    assert.deepEqual(kept.now, kept.copies[9]);
  });
  it('monitors the training loss without validation data, higher is better for accuracies', () => {
    const noVal = config({ patience: 3, monitor: 'accuracy', minDelta: 0.5 }, 50);
    noVal.training.validationSplit = 0;
    const { run } = runKeeping(noVal);
    // No epoch beats the first by more than 0.5 in accuracy: stops at 1 + patience.
    assert.equal(run.bestEpoch, 1);
    assert.equal(run.stoppedEpoch, 4);
  });
});

describe('training keys in the config', () => {
  const base = { data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmoid' }] };
  const messages = (json: unknown): string[] => validateConfig(json).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  it('a schedule on an optimizer without a learning rate is an error naming it', () => {
    const m = messages({ ...base, optimizer: { name: 'AdaDelta' }, training: { schedule: { type: 'exponential', gamma: 0.9 } } });
    assert.ok(
      m.some((x) => x.startsWith('training.schedule:') && x.includes('AdaDelta')),
      m.join('\n'),
    );
  });
  it('valLoss monitored without validation data is an error', () => {
    const m = messages({ ...base, training: { earlyStopping: { monitor: 'valLoss' } } });
    assert.ok(
      m.some((x) => x.startsWith('training.earlyStopping.monitor:')),
      m.join('\n'),
    );
  });
  it("checks each schedule's keys", () => {
    assert.ok(messages({ ...base, training: { schedule: { type: 'step' } } }).some((x) => x.includes('stepSize')));
    assert.ok(messages({ ...base, training: { schedule: { type: 'cosine', gamma: 2 } } }).some((x) => x.includes('gamma')));
    assert.ok(messages({ ...base, training: { schedule: { type: 'warp' } } }).some((x) => x.includes('unknown schedule')));
    assert.deepEqual(messages({ ...base, training: { l1: 0.1, l2: 0.1, clipNorm: 1, schedule: { type: 'plateau' }, earlyStopping: {} } }), []);
  });
});

describe('nn-lab train --json with the training keys', function () {
  this.timeout(120000);
  const tmp = useTempDir('train-keys');
  it("every epoch carries lr; the summary bestEpoch, stoppedEpoch and the restored epoch's metrics", async () => {
    const file = tmp.join('keys.nn.json');
    writeFileSync(
      file,
      JSON.stringify({
        data: { generator: 'xor', samples: 60, noise: 0.3 },
        layers: [
          { units: 6, activation: 'tanh' },
          { units: 1, activation: 'sigmoid' },
        ],
        optimizer: { name: 'SGD', eta: 3 },
        training: { epochs: 200, validationSplit: 0.3, schedule: { type: 'exponential', gamma: 0.99 }, earlyStopping: { patience: 2 } },
      }),
    );
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, bar: { write: () => true, isTTY: false }, interrupted: () => false };
    assert.equal(await runCli(['train', file, '--json'], io), 0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    const epochs = lines.filter((l) => l.type === 'epoch');
    epochs.forEach((e, i) => assert.equal(e.lr, 3 * 0.99 ** i));
    const summary = lines[lines.length - 1];
    assert.equal(summary.stoppedEpoch, epochs.length);
    const best = summary.bestEpoch as number;
    assert.equal(summary.valLoss, epochs[best - 1].valLoss);
    assert.equal(summary.finalLoss, epochs[best - 1].loss);
    const plain: string[] = [];
    await runCli(['train', file], { ...io, out: (l) => plain.push(l) });
    assert.ok(plain.some((l) => l.includes(`stopped early at epoch ${epochs.length}, restored epoch ${best}`)));
  });
});

describe('validationData', () => {
  const layers = [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ];
  const valSet = {
    inputs: [
      [0, 0],
      [1, 1],
      [0, 1],
      [1, 0],
    ],
    targets: [0, 0, 1, 1],
  };
  it('is the validation set instead of the split: every sample of data trains', () => {
    const p = prepareRun({
      data: { generator: 'xor', samples: 40 },
      validationData: { inputs: valSet.inputs, targets: valSet.targets },
      layers,
      training: { epochs: 3 },
    });
    assert.ok(p.config && p.data && p.validationData, JSON.stringify(p.problems));
    const run = new TrainingRun(p.config, p.data, { validationData: p.validationData });
    assert.deepEqual(run.sizes, { train: 40, validation: 4 });
    const report = run.runEpoch();
    assert.ok(report?.valLoss !== undefined && report.valAccuracy !== undefined);
    const direct = evaluateOn(run.model, p.validationData, undefined, true);
    assert.equal(report.valLoss, direct.loss);
  });
  it('given with a split: a warning, and the split is ignored; a shape mismatch is an error', () => {
    const both = validateConfig({ data: { generator: 'xor' }, validationData: { generator: 'xor' }, layers, training: { validationSplit: 0.2 } });
    assert.ok(both.problems.some((x) => x.severity === 'warning' && x.path.join('.') === 'training.validationSplit'));
    const wrong = prepareRun({ data: { generator: 'xor', samples: 20 }, validationData: { inputs: [[1, 2, 3]], targets: [1] }, layers });
    assert.ok(
      wrong.problems.some((x) => x.severity === 'error' && x.path[0] === 'validationData'),
      JSON.stringify(wrong.problems),
    );
    // valLoss may be monitored with a validationData set and no split.
    assert.deepEqual(
      validateConfig({ data: { generator: 'xor' }, validationData: { generator: 'xor' }, layers, training: { earlyStopping: { monitor: 'valLoss' } } })
        .problems,
      [],
    );
  });
});

describe("the worker's stop path with early stopping", () => {
  it('Stop ends the run with the best epoch restored, and says so in the finished message', async () => {
    const text = JSON.stringify({
      data: { generator: 'xor', samples: 60, noise: 0.3 },
      layers: [
        { units: 6, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      optimizer: { name: 'SGD', eta: 3 },
      training: { epochs: 500, validationSplit: 0.3, earlyStopping: { patience: 1000 } },
    });
    const messages: WorkerToHost[] = [];
    const copies: string[] = [];
    let yields = 0;
    const loop: TrainingLoop = new TrainingLoop({
      prepare: (source, readFile) => prepareRun(source, { readFile }),
      createRun: (config, data, options) => {
        const run: TrainingRun = new TrainingRun(config, data, { ...options, onEpoch: () => copies.push(JSON.stringify(run.model.toJSON())) });
        return inspectable(run, options.testData);
      },
      readFile: () => '',
      post: (m) => messages.push(m),
      now: () => performance.now(),
      yieldToEventLoop: async () => {
        if (++yields === 12) loop.requestStop();
      },
    });
    await loop.run(text);
    const finished = messages[messages.length - 1];
    assert.ok(finished.type === 'finished');
    assert.equal(finished.status, 'cancelled');
    const reports = messages.flatMap((m) => (m.type === 'progress' ? m.reports : []));
    assert.equal(reports.length, 12);
    let best = 0;
    reports.forEach((r, i) => {
      if ((r.valLoss ?? Infinity) < (reports[best].valLoss ?? Infinity)) best = i;
    });
    assert.ok(best + 1 < 12, `the best epoch (${best + 1}) is not the last, so the restore shows`);
    assert.equal(finished.bestEpoch, best + 1);
    assert.equal(finished.restoredEpoch, best + 1);
    assert.equal(finished.stoppedEpoch, undefined);
    assert.equal(JSON.stringify(finished.weights), copies[best]);
  });
});

describe('the editor on the training keys', () => {
  it('offers to monitor the training metric when there is no validation data', () => {
    const text = JSON.stringify(
      { data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmoid' }], training: { earlyStopping: { monitor: 'valLoss' } } },
      null,
      1,
    );
    const problem = validateConfig(JSON.parse(text)).problems.find((p) => p.code === 'no-validation');
    assert.ok(problem);
    const fix = fixesFor(treeOf(text)!, problem)[0];
    assert.equal(fix.title, 'Monitor "loss"');
    assert.ok(fix.change);
    const after = JSON.parse(applyEdits(text, [fix.change])) as { training: { earlyStopping: { monitor: string } } };
    assert.equal(after.training.earlyStopping.monitor, 'loss');
    assert.deepEqual(validateConfig(after).problems, []);
  });

  it('offers to remove a schedule the optimizer cannot follow, and a validationSplit that validationData overrides', () => {
    const text = JSON.stringify(
      {
        data: { generator: 'xor' },
        validationData: { generator: 'xor', samples: 20 },
        layers: [{ units: 1, activation: 'sigmoid' }],
        optimizer: { name: 'AdaDelta' },
        training: { epochs: 3, schedule: { type: 'step', stepSize: 1, gamma: 0.5 }, validationSplit: 0.2 },
      },
      null,
      1,
    );
    const problems = validateConfig(JSON.parse(text)).problems;
    const schedule = problems.find((p) => p.code === 'no-learning-rate');
    const split = problems.find((p) => p.code === 'ignored');
    assert.ok(schedule && split, JSON.stringify(problems));
    const fix = fixesFor(treeOf(text)!, schedule)[0];
    assert.equal(fix.title, 'Remove "schedule"');
    const noSchedule = applyEdits(text, [fix.change!]);
    const after = JSON.parse(noSchedule) as { training: Record<string, unknown> };
    assert.deepEqual(Object.keys(after.training), ['epochs', 'validationSplit']);
    const splitFix = fixesFor(
      treeOf(noSchedule)!,
      validateConfig(after).problems.find((p) => p.code === 'ignored')!,
    )[0];
    assert.equal(splitFix.title, 'Remove "validationSplit"');
    const clean = JSON.parse(applyEdits(noSchedule, [splitFix.change!])) as unknown;
    assert.deepEqual(validateConfig(clean).problems, []);
    assert.deepEqual((clean as { training: unknown }).training, { epochs: 3 });
  });
});
