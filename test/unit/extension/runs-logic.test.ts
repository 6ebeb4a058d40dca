/**
 * Pure logic around the runs: numbering and labels, the past runs kept, when an edit retrains,
 * timings for the log, and validation of a panel state restored after a reload.
 */
import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { shouldRetrain, toLiveMode } from '../../../src/core/runs/live-decision';
import { parseRestoredState } from '../../../src/protocol/view/restored-state';
import { PAST_RUNS_KEPT, RunHistory, runLabel } from '../../../src/protocol/view/run-history';
import { formatTimings, runTimings } from '../../../src/core/runs/run-timing';

const report = (epoch: number, loss = 1 / epoch): EpochReport => ({ epoch, epochs: 10, loss, elapsed: epoch / 10, samplesPerSecond: 100 });

describe('runs: history and labels', () => {
  it('labels a run with its number, optimizer and distinct activations in order', () => {
    const acts = [
      { layer: 'Layer 1', name: 'tanh', params: {} },
      { layer: 'Layer 2', name: 'tanh', params: {} },
      { layer: 'Layer 3', name: 'sigmoid', params: {} },
    ];
    assert.equal(runLabel(3, 'Adam', acts), '#3 · Adam · tanh,sigmoid');
    assert.equal(runLabel(1, 'SGD', []), '#1 · SGD');
  });

  it('keeps the last 5 finished runs with epochs, numbered in order', () => {
    const h = new RunHistory();
    for (let i = 0; i < 7; i++) {
      const id = h.nextRun();
      assert.equal(id, i + 1);
      h.finish(id, `#${id}`, i === 6 ? [] : [report(1), report(2)]);
    }
    assert.equal(h.runs.length, PAST_RUNS_KEPT);
    assert.deepEqual(
      h.runs.map((r) => r.id),
      [2, 3, 4, 5, 6],
      'run 7 had no epochs; run 1 fell off',
    );
    h.runs[0].history.length = 0;
    assert.equal(h.runs[0].history.length, 2, 'runs are copies');
  });

  it('after a restore, numbering continues and the shown run joins the past when the next starts', () => {
    const h = new RunHistory();
    h.restore([{ id: 4, label: '#4 · Adam', history: [report(1)] }], '#6 · SGD', [report(1), report(2)]);
    assert.deepEqual(
      h.runs.map((r) => r.id),
      [4],
    );
    assert.equal(h.nextRun(), 7);
    assert.deepEqual(
      h.runs.map((r) => r.label),
      ['#4 · Adam', '#6 · SGD'],
    );
  });
});

describe('runs: live retraining decision', () => {
  it('onType retrains small models while typing, big ones on save only; onSave and off as named', () => {
    assert.equal(shouldRetrain('onType', 'type', 1000, 5000), true);
    assert.equal(shouldRetrain('onType', 'type', undefined, 5000), true);
    assert.equal(shouldRetrain('onType', 'type', 6000, 5000), false);
    assert.equal(shouldRetrain('onType', 'save', 6000, 5000), true);
    assert.equal(shouldRetrain('onSave', 'type', 10, 5000), false);
    assert.equal(shouldRetrain('onSave', 'save', 10, 5000), true);
    assert.equal(shouldRetrain('off', 'save', 10, 5000), false);
    assert.equal(toLiveMode('weird'), 'onType');
    assert.equal(toLiveMode('off'), 'off');
  });
});

describe('runs: timings', () => {
  it('epochs/s and samples/s from epochs, samples per epoch and milliseconds', () => {
    const t = runTimings(100, 160, 2000);
    assert.deepEqual(t, { seconds: 2, epochsPerSecond: 50, samplesPerSecond: 8000 });
    assert.equal(formatTimings(100, t), '100 epochs in 2.00 s (50.0 epochs/s, 8,000 samples/s)');
    assert.deepEqual(runTimings(0, 10, 0), { seconds: 0, epochsPerSecond: 0, samplesPerSecond: 0 });
  });
});

describe('runs: restored panel state', () => {
  const good = {
    fileName: 'xor.nn.json',
    hasValidation: true,
    phase: 'running',
    problems: [{ where: 'layers[0]', message: 'x', severity: 'warning' }],
    history: [report(1), report(2)],
    runs: [{ id: 1, label: '#1 · Adam', history: [report(1)] }],
    activations: [{ layer: 'Layer 1', name: 'tanh', params: { a: 1, bad: 'x' } }],
    task: 'classification',
    startedAt: 5,
    runLabel: '#2 · Adam',
    modelName: 'XOR',
    epochs: 10,
  };

  it('accepts a saved state; a run that was going on comes back cancelled', () => {
    const s = parseRestoredState(JSON.parse(JSON.stringify(good)));
    assert.ok(s);
    assert.equal(s.phase, 'cancelled');
    assert.equal(s.history.length, 2);
    assert.deepEqual(s.activations[0].params, { a: 1 });
    assert.equal(s.runLabel, '#2 · Adam');
    assert.equal(s.runs.length, 1);
  });

  it('refuses garbage, file names with paths, malformed histories; drops malformed list items', () => {
    for (const bad of [
      null,
      3,
      [],
      {},
      { ...good, fileName: '../x.nn.json' },
      { ...good, fileName: 'notes.txt' },
      { ...good, history: [{ epoch: 'a' }] },
      { ...good, history: 'x' },
    ])
      assert.equal(parseRestoredState(bad), undefined, JSON.stringify(bad));
    const s = parseRestoredState({ ...good, problems: [{ where: 1 }], runs: [{ id: 'x' }, ...good.runs], phase: 'exploded' });
    assert.ok(s);
    assert.deepEqual(s.problems, []);
    assert.equal(s.runs.length, 1);
    assert.equal(s.phase, 'cancelled');
  });
});
