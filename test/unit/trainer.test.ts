import { strict as assert } from 'assert';
import type { ResolvedConfig } from '../../src/core/config/resolved';
import type { Dataset } from '../../src/core/data/dataset';
import { optimizerRegistry } from '../../src/core/optimizers';
import type { Optimizer } from '../../src/core/optimizers/optimizer';
import { NnError } from '../../src/core/problems';
import { train, TrainingRun } from '../../src/core/train/trainer';
import { dense, resolvedConfig } from './model-fixtures';

/** XOR's four points, each repeated `copies` times: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0. */
function xorData(copies: number): Dataset {
  const pts = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ];
  const x: number[] = [],
    y: number[] = [];
  for (let c = 0; c < copies; c++)
    for (const [a, b, t] of pts) {
      x.push(a, b);
      y.push(t);
    }
  return { x: Float64Array.from(x), y: Float64Array.from(y), n: 4 * copies, inputs: 2, outputs: 1, task: 'classification' };
}

/** y = 2x − 1 sampled at n points in [−1, 1], a regression set. */
function lineData(n: number): Dataset {
  const x = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  return { x, y: x.map((v) => 2 * v - 1), n, inputs: 1, outputs: 1, task: 'regression' };
}

function xorConfig(
  training: Partial<ResolvedConfig['training']> = {},
  optimizer: { name: string; params?: Record<string, number> } = { name: 'Adam', params: { alpha: 0.05 } },
): ResolvedConfig {
  return resolvedConfig(2, [dense(8, 'tanh'), dense(1, 'sigmoid')], 'Binary', optimizer, { epochs: 150, batchSize: 8, ...training });
}

describe('train / TrainingRun', () => {
  it('learns XOR to 100 % accuracy', () => {
    const result = train(xorConfig(), xorData(10));
    assert.equal(result.status, 'completed');
    assert.equal(result.history.length, 150);
    const last = result.history[149];
    assert.equal(last.accuracy, 1);
    assert.ok(last.loss < 0.1 && last.loss < result.history[0].loss / 5, `loss ${result.history[0].loss} → ${last.loss}`);
    const x = Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1);
    assert.deepEqual(
      Array.from(result.model.predict(x, 4), (p) => (p >= 0.5 ? 1 : 0)),
      [0, 1, 1, 0],
    );
  });

  it('gives a bit-identical history for the same seed and a different one for another seed', () => {
    const config = xorConfig({ epochs: 20, validationSplit: 0.25 });
    const losses = (seed: number): number[][] =>
      train({ ...config, training: { ...config.training, seed } }, xorData(5)).history.map((r) => [r.loss, r.valLoss ?? NaN, r.accuracy ?? NaN]);
    const a = losses(3);
    assert.deepEqual(a, losses(3));
    assert.notDeepEqual(a, losses(4));
  });

  it('splits off ⌊n·validationSplit⌋ validation samples and rejects a split that leaves none to train', () => {
    const run = new TrainingRun(xorConfig({ validationSplit: 0.3 }), xorData(10));
    assert.deepEqual(run.sizes, { train: 28, validation: 12 }); // ⌊40 · 0.3⌋ = 12
    const report = run.runEpoch()!;
    assert.ok(report.valLoss !== undefined && Number.isFinite(report.valLoss));
    assert.ok(report.valAccuracy !== undefined && report.valAccuracy >= 0 && report.valAccuracy <= 1);
    assert.deepEqual(new TrainingRun(xorConfig(), xorData(10)).sizes, { train: 40, validation: 0 });
    assert.equal(new TrainingRun(xorConfig(), xorData(10)).runEpoch()!.valLoss, undefined);
    // One sample with 0.5: ⌊0.5⌋ = 0 keeps it for training; 0.99 of 4: ⌊3.96⌋ = 3 validation, 1 training.
    const one: Dataset = { ...xorData(1), n: 1, x: Float64Array.of(0, 1), y: Float64Array.of(1) };
    assert.deepEqual(new TrainingRun(xorConfig({ validationSplit: 0.5 }), one).sizes, { train: 1, validation: 0 });
    assert.deepEqual(new TrainingRun(xorConfig({ validationSplit: 0.99 }), xorData(1)).sizes, { train: 1, validation: 3 });
    // A fraction of 1 (which config validation rejects) would leave nothing to train on.
    assert.throws(
      () => new TrainingRun(xorConfig({ validationSplit: 1 }), xorData(1)),
      (e: unknown) => e instanceof NnError && e.problems[0].path.join('.') === 'training.validationSplit' && /no training sample/.test(e.message),
    );
  });

  it('runs with a batch size larger than the data set (one batch per epoch)', () => {
    const run = new TrainingRun(xorConfig({ batchSize: 1000, epochs: 3 }), xorData(2));
    while (!run.done) run.runEpoch();
    assert.equal(run.status, 'completed');
    assert.equal(run.batchesDone, 3);
    assert.equal(run.history.length, 3);
  });

  it('uses mini-batches of batchSize with a smaller last one', () => {
    // 40 samples, batch 16: 16 + 16 + 8 → 3 batches per epoch.
    const run = new TrainingRun(xorConfig({ batchSize: 16, epochs: 2 }), xorData(10));
    run.runEpoch();
    assert.equal(run.batchesDone, 3);
  });

  it('cancels between batches when shouldStop says so, keeping the finished epochs', () => {
    let checks = 0;
    const epochs: number[] = [];
    // 40 samples in batches of 8 → 5 batches per epoch; stop at the 13th check → 12 batches trained.
    const result = train(xorConfig({ epochs: 50 }), xorData(10), {
      shouldStop: () => ++checks > 12,
      onEpoch: (r) => epochs.push(r.epoch),
    });
    assert.equal(result.status, 'cancelled');
    assert.deepEqual(epochs, [1, 2]);
    assert.equal(result.history.length, 2);
    assert.match(result.message ?? '', /epoch 3/);
    const run = new TrainingRun(xorConfig({ epochs: 50 }), xorData(10), { shouldStop: () => true });
    assert.equal(run.runEpoch(), undefined);
    assert.equal(run.batchesDone, 0);
    assert.ok(run.done);
  });

  it('stops a diverging run with status "diverged" and a message naming the epoch and the learning rate', () => {
    // SGD with η = 1 on a linear net overshoots more each step: finite epochs first, then overflow.
    const config = resolvedConfig(
      1,
      [dense(4, 'identity'), dense(1, 'identity')],
      'Square',
      { name: 'SGD', params: { eta: 1 } },
      { epochs: 100, batchSize: 4 },
    );
    const reports: number[] = [];
    const result = train(config, lineData(20), { onEpoch: (r) => reports.push(r.loss) });
    assert.equal(result.status, 'diverged');
    assert.ok(result.history.length >= 1 && result.history.length < 100, `diverged after ${result.history.length} epochs`);
    assert.equal(reports.length, result.history.length);
    assert.ok(
      result.history.every((r) => Number.isFinite(r.loss)),
      'no reported epoch has a non-finite loss',
    );
    const epoch = result.history.length + 1;
    assert.match(
      result.message ?? '',
      new RegExp(
        `^Training diverged at epoch ${epoch} \\(((loss|a weight) became (NaN|-?Infinity)|a weight reached -?\\d\\.\\de\\+\\d+|loss \\S+ is more than 1e\\+6 × the first epoch's \\S+)\\)\\. `,
      ),
    );
    assert.match(result.message ?? '', /Try a smaller learning rate \(SGD\.eta is 1; try 0\.1\)\.$/);
  });

  it("passes every batch's real loss to the optimizer (Eve needs it)", () => {
    const seen: number[] = [];
    const original = optimizerRegistry.create;
    optimizerRegistry.create = function (this: typeof optimizerRegistry, ...args: Parameters<typeof original>): Optimizer {
      const real = original.apply(this, args);
      return {
        name: real.name,
        get t() {
          return real.t;
        },
        step(p, g, loss) {
          seen.push(loss as number);
          real.step(p, g, loss);
        },
      };
    };
    let history;
    try {
      // 12 samples, batch 5: batches of 5, 5, 2 → the epoch loss is (5 L₁ + 5 L₂ + 2 L₃) / 12.
      history = train(xorConfig({ epochs: 2, batchSize: 5 }, { name: 'Eve', params: {} }), xorData(3)).history;
    } finally {
      optimizerRegistry.create = original;
    }
    assert.equal(seen.length, 6);
    for (let e = 0; e < 2; e++) {
      const [l1, l2, l3] = seen.slice(3 * e, 3 * e + 3);
      assert.ok(Math.abs(history[e].loss - (5 * l1 + 5 * l2 + 2 * l3) / 12) < 1e-15, `epoch ${e + 1}`);
    }
  });

  it('trains differently with Eve than with Adam (the feedback term is live)', () => {
    const run = (name: string): number[] => train(xorConfig({ epochs: 30 }, { name, params: { alpha: 0.05 } }), xorData(5)).history.map((r) => r.loss);
    assert.notDeepEqual(run('Eve'), run('Adam'));
  });

  it('reports elapsed time and throughput from the injected clock', () => {
    let t = 0;
    const run = new TrainingRun(xorConfig({ epochs: 2 }), xorData(10), { now: () => (t += 100) });
    const r1 = run.runEpoch()!;
    const r2 = run.runEpoch()!;
    // Clock calls: epoch 1 start (100) and end (200); epoch 2 start (300) and end (400).
    assert.equal(r1.elapsed, 0.1);
    assert.equal(r2.elapsed, 0.3);
    assert.equal(r1.samplesPerSecond, 400); // 40 samples in 0.1 s
    assert.ok(run.done && run.status === 'completed');
    assert.equal(run.runEpoch(), undefined);
  });

  it('rejects data whose shape does not fit the description', () => {
    const config = resolvedConfig(2, [dense(3, 'tanh'), dense(2, 'softmax')], 'Cross');
    assert.throws(() => new TrainingRun(config, xorData(2)), /last layer has 2 units but the data has 1 target column/);
  });
});
