import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from '../../src/cli/args';
import { checkSweep } from '../../src/core/sweep/check-sweep';
import { planSweep } from '../../src/core/sweep/sweep-plan';
import { validateConfig } from '../../src/core/config/validate';
import type { SweepSpec } from '../../src/core/sweep/sweep-types';
import type { SweepResult } from '../../src/core/sweep/sweep-results';
import { SweepRunner, sweepSessions, type StartSweepRun, type SweepEvent } from '../../src/node/sweep/sweep-runner';
import { workerPool } from '../../src/node/sweep/worker-pool';
import type { WorkerToHost } from '../../src/protocol/worker';
import { useTempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');
const cliJs = join(root, 'dist', 'cli.js');
const workerJs = join(root, 'dist', 'worker.js');

/** A small classifier with a validation split, a test set, dropout and early stopping (restoring the best epoch). */
const model = (sweep: unknown): Record<string, unknown> => ({
  name: 'sweep test',
  data: { generator: 'spiral', samples: 60, noise: 0.1 },
  testData: { generator: 'spiral', samples: 30 },
  layers: [
    { units: 6, activation: 'tanh' },
    { type: 'dropout', rate: 0.2 },
    { units: 1, activation: 'sigmoid' },
  ],
  optimizer: { name: 'Adam', alpha: 0.01 },
  training: { epochs: 40, batchSize: 16, validationSplit: 0.25, seed: 3, earlyStopping: { monitor: 'valLoss', patience: 10, restoreBest: true } },
  sweep,
});

function specOf(config: Record<string, unknown>): SweepSpec {
  const checked = checkSweep(config);
  assert.ok(checked.spec, JSON.stringify(checked.problems));
  return checked.spec;
}

/** Runs the CLI (dist/cli.js) in `cwd`. */
function cli(cwd: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliJs, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const lines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Every result of a sweep of `config` run in real workers (a pool, or a fresh worker per run), with every epoch's loss kept. */
async function runReal(config: Record<string, unknown>, workers: number, dir: string, pooled = true): Promise<SweepResult[]> {
  const spec = specOf(config);
  const plan = planSweep(config, spec, (json) => validateConfig(json).problems);
  const runner = new SweepRunner(plan, pooled ? workerPool(workerJs, dir) : sweepSessions(workerJs, dir), () => undefined, { workers, curvePoints: Infinity });
  return (await runner.run()).results;
}

/** The per-run facts that must not depend on scheduling (times left out). */
const facts = (results: SweepResult[]) => results.map((r) => ({ ...r, runs: r.runs.map((run) => ({ ...run, seconds: 0 })) }));

describe('nn-lab sweep: runs equal nn-lab train', function () {
  this.timeout(240_000);
  const tmp = useTempDir('sweep');
  const sweep = {
    method: 'grid',
    metric: 'valLoss',
    parameters: { 'optimizer.alpha': { values: [0.003, 0.03] }, 'layers[0].units': { values: [4, 0, 8] }, 'training.l2': { values: [0.0001] } },
  };

  it("prints the issue's JSON lines, reports the invalid combination without running it, and the best run equals a separate nn-lab train of --write-best's output bit for bit", async () => {
    const file = tmp.join('spiral.nn.json');
    const config = model(sweep);
    writeFileSync(file, JSON.stringify(config, null, 2));
    const swept = await cli(tmp.path, 'sweep', 'spiral.nn.json', '--json', '--workers', '2', '--write-best', 'best.nn.json');
    assert.equal(swept.code, 0, swept.err);
    const out = lines(swept.out);
    const runs = out.filter((l) => l.type === 'run');
    assert.equal(runs.length, 6);
    assert.deepEqual(runs.map((r) => r.index).sort(), [0, 1, 2, 3, 4, 5]);
    for (const r of runs)
      assert.deepEqual(
        Object.keys(r),
        r.status === 'invalid' ? ['type', 'index', 'parameters', 'status', 'message', 'metrics'] : ['type', 'index', 'parameters', 'status', 'metrics'],
      );
    const invalid = runs.filter((r) => r.status === 'invalid');
    assert.deepEqual(
      invalid.map((r) => r.index),
      [1, 4],
    );
    assert.equal(invalid[0].message, 'layers[0].units = 0: layers[0].units: units must be positive (at least 1), got 0');
    assert.deepEqual(invalid[0].parameters, { 'optimizer.alpha': 0.003, 'layers[0].units': 0, 'training.l2': 0.0001 });
    const summary = out[out.length - 1] as {
      type: string;
      runs: number;
      metric: string;
      best: { index: number; parameters: Record<string, unknown>; metrics: Record<string, number> };
    };
    assert.deepEqual(Object.keys(summary), ['type', 'runs', 'metric', 'best']);
    assert.equal(summary.type, 'summary');
    assert.equal(summary.runs, 6);
    assert.equal(summary.metric, 'valLoss');
    const completed = runs.filter((r) => r.status === 'completed') as unknown as { index: number; metrics: { valLoss: number } }[];
    const lowest = Math.min(...completed.map((r) => r.metrics.valLoss));
    assert.equal(summary.best.metrics.valLoss, lowest);
    assert.deepEqual(Object.keys(summary.best.metrics), ['loss', 'valLoss', 'accuracy', 'valAccuracy', 'testLoss', 'testAccuracy']);

    // The best configuration: the values filled in, the sweep block gone, the file's layout kept.
    const bestText = readFileSync(tmp.join('best.nn.json'), 'utf8');
    const best = JSON.parse(bestText) as Record<string, unknown>;
    assert.equal(best.sweep, undefined);
    assert.deepEqual((best.training as Record<string, unknown>).l2, 0.0001);
    assert.equal((best.optimizer as Record<string, unknown>).alpha, summary.best.parameters['optimizer.alpha']);
    assert.ok(bestText.startsWith('{\n  "name": "sweep test",\n'));

    const trained = await cli(tmp.path, 'train', 'best.nn.json', '--json');
    assert.equal(trained.code, 0, trained.err);
    const train = lines(trained.out);
    const end = train[train.length - 1] as Record<string, number>;
    const m = summary.best.metrics;
    assert.deepEqual(
      [m.loss, m.valLoss, m.accuracy, m.valAccuracy, m.testLoss, m.testAccuracy],
      [end.finalLoss, end.valLoss, end.accuracy, end.valAccuracy, end.testLoss, end.testAccuracy],
    );
    // The history, epoch by epoch: the sweep's run (every loss kept) against the separate training.
    const results = await runReal(config, 1, tmp.path);
    const bestRun = results[summary.best.index].runs[0];
    const epochs = train.filter((l) => l.type === 'epoch').map((l) => l.loss);
    assert.ok(epochs.length > 10, `${epochs.length} epochs`);
    assert.match(String(end.message), /restored epoch/, "early stopping restored an earlier epoch, whose metrics are the run's");
    assert.deepEqual(bestRun.curve, epochs);
    assert.deepEqual(bestRun.metrics, summary.best.metrics);
  });

  it('gives the same results, run by run, with 2 workers as with 1', async () => {
    const config = model({
      method: 'random',
      runs: 4,
      seed: 5,
      repeats: 2,
      parameters: { 'optimizer.alpha': { min: 0.001, max: 0.1, scale: 'log' }, 'layers[0].units': { min: 2, max: 9, integer: true } },
    });
    const one = await runReal(config, 1, tmp.path);
    const two = await runReal(config, 2, tmp.path);
    // A fresh worker per run (as "Train Model" starts one) gives the same as the pool's reused workers.
    const fresh = await runReal(config, 2, tmp.path, false);
    assert.equal(one.length, 4);
    assert.ok(one.every((r) => r.status === 'completed' && r.runs.length === 2 && r.spread !== undefined));
    assert.deepEqual(
      one[0].runs.map((r) => r.seed),
      [3, 4],
    );
    assert.deepEqual(facts(two), facts(one));
    assert.deepEqual(facts(fresh), facts(one));
  });

  it('stops a pool of real workers at once when cancelled', async () => {
    const config = model({ parameters: { 'optimizer.alpha': { values: [0.01, 0.02, 0.03, 0.04] } } });
    (config.training as Record<string, unknown>).epochs = 100000;
    delete (config.training as Record<string, unknown>).earlyStopping;
    const plan = planSweep(config, specOf(config), () => []);
    const events: SweepEvent[] = [];
    let runner: SweepRunner | undefined = undefined;
    runner = new SweepRunner(
      plan,
      workerPool(workerJs, tmp.path),
      (e) => {
        events.push(e);
        if (e.type === 'epochs') runner?.cancel();
      },
      { workers: 2 },
    );
    const t0 = Date.now();
    const outcome = await runner.run();
    assert.ok(Date.now() - t0 < 30_000);
    assert.ok(outcome.cancelled);
    assert.deepEqual(
      outcome.results.map((r) => r.status),
      ['cancelled', 'cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(events.filter((e) => e.type === 'run-started').length, 2, 'the queued runs never started');
  });
});

/** Fake sessions: each run "trains" at once, its loss read from the config text by `loss`. */
function fakeSessions(
  loss: (config: Record<string, unknown>) => number,
  started: Record<string, unknown>[],
  hold = false,
): { start: StartSweepRun; release(): void } {
  const pending: (() => void)[] = [];
  const start: StartSweepRun = (text, listener) => {
    const config = JSON.parse(text) as Record<string, unknown>;
    started.push(config);
    let stopped = false;
    const ended = new Promise<void>((resolve) => {
      const finish = (): void => {
        const x = loss(config);
        const report = { epoch: 1, epochs: 1, loss: x, elapsed: 0, samplesPerSecond: 0 };
        listener({ type: 'progress', reports: [report] } as WorkerToHost);
        const status = stopped ? 'cancelled' : Number.isFinite(x) ? 'completed' : 'diverged';
        listener({ type: 'finished', status, ...(status === 'diverged' ? { message: 'The loss became NaN.' } : {}) } as WorkerToHost);
        resolve();
      };
      if (hold) pending.push(finish);
      else setImmediate(finish);
    });
    return {
      ended,
      stop: () => {
        stopped = true;
      },
      dispose: () => undefined,
    };
  };
  return { start, release: () => pending.splice(0).forEach((f) => f()) };
}

describe('sweep runner (fake workers)', () => {
  const config = model({ parameters: { 'optimizer.alpha': { values: [1, 2, 3, 4] } } });
  const alpha = (c: Record<string, unknown>): number => (c.optimizer as { alpha: number }).alpha;

  it('marks a diverged run and goes on with the others; the best is among the completed', async () => {
    const started: Record<string, unknown>[] = [];
    const { start } = fakeSessions((c) => (alpha(c) === 1 ? NaN : 1 / alpha(c)), started);
    const plan = planSweep(config, specOf({ ...config, sweep: { metric: 'loss', parameters: { 'optimizer.alpha': { values: [1, 2, 3, 4] } } } }), () => []);
    const events: SweepEvent[] = [];
    const outcome = await new SweepRunner(plan, start, (e) => events.push(e), { workers: 2 }).run();
    assert.deepEqual(
      outcome.results.map((r) => r.status),
      ['diverged', 'completed', 'completed', 'completed'],
    );
    assert.equal(outcome.results[0].message, 'The loss became NaN.');
    assert.equal(outcome.best?.index, 3);
    assert.equal(started.length, 4);
    // Each run: started, epochs, finished; then its combination's result.
    const ofRun0 = events.filter((e) => 'index' in e && e.index === 0).map((e) => e.type);
    assert.deepEqual(ofRun0, ['run-started', 'epochs']);
    assert.equal(events.filter((e) => e.type === 'run-finished').length, 4);
    assert.equal(events.filter((e) => e.type === 'result').length, 4);
  });

  it('trains each combination with the seeds training.seed, +1, … and ranks on the mean', async () => {
    const started: Record<string, unknown>[] = [];
    const seedOf = (c: Record<string, unknown>): number => (c.training as { seed: number }).seed;
    const { start } = fakeSessions((c) => alpha(c) + seedOf(c) / 10, started);
    const swept = { ...config, sweep: { metric: 'loss', repeats: 3, parameters: { 'optimizer.alpha': { values: [2, 1] } } } };
    const outcome = await new SweepRunner(
      planSweep(swept, specOf(swept), () => []),
      start,
      () => undefined,
      { workers: 1 },
    ).run();
    assert.deepEqual(started.map(seedOf), [3, 4, 5, 3, 4, 5]);
    assert.ok(started.every((c) => c.sweep === undefined));
    const r = outcome.results[1];
    assert.ok(Math.abs((r.metrics.loss ?? 0) - 1.4) < 1e-12);
    assert.deepEqual(r.spread?.loss, [1.3, 1.5]);
    assert.equal(outcome.best?.index, 1);
  });

  it('never runs an invalid combination', async () => {
    const started: Record<string, unknown>[] = [];
    const { start } = fakeSessions(() => 0.5, started);
    const swept = { ...config, sweep: { parameters: { 'layers[0].units': { values: [3, 0, 5] } } } };
    const plan = planSweep(swept, specOf(swept), (json) => validateConfig(json).problems);
    const outcome = await new SweepRunner(plan, start, () => undefined).run();
    assert.deepEqual(
      started.map((c) => (c.layers as { units: number }[])[0].units),
      [3, 5],
    );
    assert.equal(outcome.results[1].status, 'invalid');
  });

  it('stops every running run on cancel and starts no more', async () => {
    const started: Record<string, unknown>[] = [];
    const fake = fakeSessions(() => 0.5, started, true);
    const plan = planSweep(config, specOf(config), () => []);
    const runner = new SweepRunner(plan, fake.start, () => undefined, { workers: 2 });
    const done = runner.run();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(started.length, 2);
    runner.cancel();
    fake.release();
    const outcome = await done;
    assert.equal(started.length, 2);
    assert.ok(outcome.cancelled);
    assert.deepEqual(
      outcome.results.map((r) => r.status),
      ['cancelled', 'cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(outcome.best, undefined);
  });
});

describe('nn-lab sweep: arguments and problems', function () {
  this.timeout(60_000);
  const tmp = useTempDir('sweep-args');

  it('parses --workers and --write-best, for sweep only', () => {
    assert.deepEqual(parseArgs(['sweep', 'a.nn.json', '--workers', '3', '--write-best=b.nn.json', '--json']), {
      kind: 'sweep',
      file: 'a.nn.json',
      json: true,
      workers: 3,
      writeBest: 'b.nn.json',
    });
    assert.deepEqual(parseArgs(['train', 'a.nn.json', '--workers', '2']), { kind: 'usage-error', message: '--workers only applies to sweep' });
    assert.deepEqual(parseArgs(['check', 'a.nn.json', '--write-best', 'b']), { kind: 'usage-error', message: '--write-best only applies to sweep' });
    assert.equal(parseArgs(['sweep', 'a.nn.json', '--workers', '0']).kind, 'usage-error');
    assert.deepEqual(parseArgs(['sweep', 'a.nn.json', '--epochs', '3']), { kind: 'usage-error', message: '--epochs does not apply to sweep' });
  });

  it('prints each mistake of the sweep block as one line with its path and exits 1', async () => {
    writeFileSync(tmp.join('bad.nn.json'), JSON.stringify(model({ parameters: { 'layers[9].units': { values: [1] }, 'training.l2': { min: 0, max: 1 } } })));
    const r = await cli(tmp.path, 'sweep', 'bad.nn.json');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.deepEqual(r.err.trim().split('\n'), [
      'bad.nn.json: sweep.parameters["layers[9].units"]: error: no layer 9 (layers has 3 layers: layers[0] to layers[2])',
      'bad.nn.json: sweep.parameters["training.l2"]: error: a grid takes only listed "values": a range ("min", "max") needs "method": "random"',
    ]);
    const checked = await cli(tmp.path, 'check', 'bad.nn.json');
    assert.equal(checked.code, 1);
    assert.deepEqual(checked.out.trim().split('\n'), r.err.trim().split('\n'), 'nn-lab check lists them too');
    const j = await cli(tmp.path, 'sweep', 'bad.nn.json', '--json');
    assert.equal(j.code, 1);
    const [line] = lines(j.out);
    assert.equal(line.type, 'problems');
    assert.equal((line.problems as unknown[]).length, 2);
  });

  it('prints a text line per combination and a summary naming the best', async () => {
    writeFileSync(tmp.join('ok.nn.json'), JSON.stringify(model({ repeats: 2, parameters: { 'training.epochs': { values: [2, 3] } } })));
    const r = await cli(tmp.path, 'sweep', 'ok.nn.json', '--workers', '1');
    assert.equal(r.code, 0, r.err);
    const out = r.out.trim().split('\n');
    assert.equal(out.length, 4);
    assert.match(out[0], /^run 1\/2 {2}training\.epochs=2 {2}loss \d\.\d{6} \[\d\.\d{6}, \d\.\d{6}\] {2}valLoss /);
    assert.match(out[2], /^2 runs × 2 repeats \(2 completed\) in \d+\.\d\d s$/);
    assert.match(out[3], /^best: run [12] \(valLoss \d\.\d{6}, mean of 2 repeats\) {2}training\.epochs=[23]$/);
  });
});
