import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { applyToPanelState, initialPanelState, MAX_PAST_RUNS } from '../../../src/protocol/view/panel-state';
import type { HostToWebview, NetworkSnapshot, PastRun } from '../../../src/protocol/panel';
import { parseRestoredState } from '../../../src/protocol/view/restored-state';
import { fromPersisted, readPrefs, toPersisted } from '../../../webview/panel/state';

const report = (epoch: number, loss: number): EpochReport => ({ epoch, epochs: 10, loss, elapsed: epoch, samplesPerSecond: 10 });
const started: HostToWebview = {
  type: 'started',
  modelName: 'xor',
  epochs: 10,
  hasValidation: true,
  task: 'classification',
  startedAt: 1_700_000_000_000,
  runLabel: '#2 · Adam · tanh',
  activations: [{ layer: 'dense 1', name: 'tanh', params: {} }],
};
const run = (id: number): PastRun => ({ id, label: `#${id}`, history: [report(1, id)] });

describe('panel state reducer (webview side)', () => {
  it('applies started, progress, snapshot and runs without mutating the input', () => {
    const s0 = initialPanelState('xor.nn.json');
    const s1 = applyToPanelState(s0, started);
    assert.equal(s1.phase, 'running');
    assert.equal(s1.runLabel, '#2 · Adam · tanh');
    assert.equal(s1.task, 'classification');
    assert.deepEqual(
      s1.activations.map((a) => a.name),
      ['tanh'],
    );
    const s2 = applyToPanelState(s1, { type: 'progress', reports: [report(1, 0.7), report(2, 0.6)] });
    assert.deepEqual(
      s2.history.map((r) => r.loss),
      [0.7, 0.6],
    );
    assert.equal(s1.history.length, 0, 'the earlier state is untouched');
    const snapshot: NetworkSnapshot = {
      epoch: 2,
      layers: [{ label: 'dense 1', activations: { min: 0, max: 1, counts: [1, 2] }, weights: { min: -1, max: 1, counts: [3] } }],
    };
    const s3 = applyToPanelState(s2, { type: 'snapshot', snapshot });
    assert.equal(s3.snapshot?.epoch, 2);
    const s4 = applyToPanelState(s3, { type: 'runs', runs: [1, 2, 3, 4, 5, 6, 7].map(run) });
    assert.equal(s4.runs.length, MAX_PAST_RUNS);
    assert.deepEqual(
      s4.runs.map((r) => r.id),
      [3, 4, 5, 6, 7],
      'keeps the newest',
    );
  });

  it('an invalid edit keeps the last run on screen and shows the problems', () => {
    let s = applyToPanelState(applyToPanelState(initialPanelState('a.nn.json'), started), { type: 'progress', reports: [report(1, 0.5)] });
    s = applyToPanelState(s, { type: 'phase', phase: 'invalid', problems: [{ where: 'layers[0].activation', message: 'unknown', severity: 'error' }] });
    assert.equal(s.phase, 'invalid');
    assert.equal(s.history.length, 1);
    assert.equal(s.problems.length, 1);
    s = applyToPanelState(s, started);
    assert.equal(s.problems.length, 0, 'a new run clears the problems');
  });

  it('reset fills in fields an older host state lacks', () => {
    const old = { fileName: 'a.nn.json', hasValidation: false, phase: 'completed', problems: [], history: [report(1, 1)] } as unknown as Parameters<
      typeof applyToPanelState
    >[0];
    const s = applyToPanelState(initialPanelState('x'), { type: 'reset', state: old });
    assert.deepEqual(s.runs, []);
    assert.deepEqual(s.activations, []);
  });
});

describe('persisted webview state', () => {
  it('round-trips through JSON', () => {
    const panel = applyToPanelState(initialPanelState('xor.nn.json'), started);
    const back = fromPersisted(JSON.parse(JSON.stringify(toPersisted(panel, { logScale: true, smoothing: 0.3 }))));
    assert.ok(back);
    assert.equal(back.panel.runLabel, panel.runLabel);
    assert.deepEqual(back.prefs, { logScale: true, smoothing: 0.3 });
    assert.equal('viewPrefs' in back.panel, false, 'the prefs do not leak into the panel state');
  });

  it('saves the panel state at the top level, as the host serializer reads it back', () => {
    const panel = applyToPanelState(initialPanelState('xor.nn.json'), started);
    const saved = toPersisted(panel, { logScale: false, smoothing: 0.6 }) as unknown as Record<string, unknown>;
    assert.equal(saved.fileName, 'xor.nn.json');
    assert.equal(saved.runLabel, '#2 · Adam · tanh');
    assert.deepEqual(saved.viewPrefs, { logScale: false, smoothing: 0.6 });
    const withRun = applyToPanelState(panel, { type: 'progress', reports: [report(1, 0.5)] });
    const restored = parseRestoredState(JSON.parse(JSON.stringify(toPersisted(withRun, { logScale: true, smoothing: 0 }))));
    assert.equal(restored?.history.length, 1, 'the host accepts what the webview saved');
    assert.equal(restored?.runLabel, '#2 · Adam · tanh');
  });

  it('rejects garbage and repairs bad prefs', () => {
    for (const raw of [
      undefined,
      null,
      3,
      {},
      { fileName: 'a.nn.json', phase: 'completed' },
      { fileName: 1, phase: 'running', hasValidation: false, problems: [], history: [] },
    ]) {
      assert.equal(fromPersisted(raw), undefined, JSON.stringify(raw));
    }
    assert.deepEqual(readPrefs({ logScale: 'yes', smoothing: 7 }), { logScale: false, smoothing: 0.99 });
    assert.deepEqual(readPrefs(undefined), { logScale: false, smoothing: 0.6 });
  });
});
