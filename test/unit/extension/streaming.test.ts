/**
 * Streaming to the training panel at any length: the append-only, decimated epoch history; the
 * host's backpressure gate; the incremental smoother; and the bounded state both ends keep.
 */
import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { CHART_METRICS, decimateReports, EpochHistory } from '../../../src/protocol/view/epoch-history';
import { initialPanelState, PanelModel } from '../../../src/protocol/view/panel-state';
import { ProgressGate } from '../../../src/protocol/view/progress-gate';
import type { SequencedHostMessage } from '../../../src/protocol/panel';
import { RunningSmoother, smooth } from '../../../webview/panel/smoothing';

/** A noisy falling loss with a validation split and accuracies. */
function report(epoch: number, epochs = 100_000): EpochReport {
  const noise = Math.sin(epoch * 12.9898) * 0.05;
  return {
    epoch,
    epochs,
    loss: 1 / Math.sqrt(epoch) + noise,
    valLoss: 1.1 / Math.sqrt(epoch) + noise,
    accuracy: 1 - 0.5 / Math.sqrt(epoch),
    valAccuracy: 1 - 0.6 / Math.sqrt(epoch),
    elapsed: epoch / 1000,
    samplesPerSecond: 1e5,
  };
}

const reports = (from: number, to: number, epochs?: number): EpochReport[] => Array.from({ length: to - from + 1 }, (_, i) => report(from + i, epochs));

describe('EpochHistory: append-only with min/max decimation', () => {
  it('keeps short histories whole', () => {
    const h = EpochHistory.of(reports(1, 300));
    assert.equal(h.decimated().length, 300);
    assert.deepEqual(
      h.decimated().map((r) => r.epoch),
      reports(1, 300).map((r) => r.epoch),
    );
  });

  it('bounds the selection at any length, keeps the first and last epochs exact and every extreme', () => {
    const h = new EpochHistory(64);
    const all: EpochReport[] = [];
    for (let chunk = 0; chunk < 100; chunk++) {
      const batch = reports(chunk * 1000 + 1, (chunk + 1) * 1000);
      all.push(...batch);
      h.append(batch);
      const sel = h.decimated();
      assert.ok(sel.length <= 2 * CHART_METRICS.length * 64 + 2 + 2 * CHART_METRICS.length, `bounded selection (${sel.length} at ${h.length} epochs)`);
      assert.equal(sel[0].epoch, 1);
      assert.equal(sel[sel.length - 1].epoch, h.length, 'the last epoch is exact');
      for (let i = 1; i < sel.length; i++) assert.ok(sel[i].epoch > sel[i - 1].epoch, 'in order, no duplicates');
    }
    assert.equal(h.length, 100_000);
    const sel = h.decimated();
    for (const m of CHART_METRICS) {
      const values = all.map((r) => r[m] as number);
      assert.equal(Math.min(...sel.map((r) => r[m] as number)), Math.min(...values), `the global minimum of ${m} is kept`);
      assert.equal(Math.max(...sel.map((r) => r[m] as number)), Math.max(...values), `the global maximum of ${m} is kept`);
    }
  });

  it('keeps a spike however long the run', () => {
    const all = reports(1, 50_000);
    all[31_337] = { ...all[31_337], loss: 99 };
    assert.ok(decimateReports(all).some((r) => r.loss === 99));
  });

  it('skips non-finite values in the extremes but keeps the reports', () => {
    const h = EpochHistory.of([{ ...report(1), loss: NaN }, report(2), { ...report(3), loss: Infinity }]);
    assert.equal(h.length, 3);
    assert.equal(h.decimated().length, 3);
    assert.equal(h.count('loss'), 3);
  });

  it('costs about the same per append at 100 and at 100,000 epochs (no work that grows with the history)', () => {
    // Counted in reports touched, not timed: the buckets merged per append are amortised O(1).
    const h = new EpochHistory(512);
    let touched = 0;
    const original = h['extremes'].bind(h) as (from: number, to: number) => unknown;
    (h as unknown as { extremes(from: number, to: number): unknown }).extremes = (from: number, to: number) => {
      touched += to - from;
      return original(from, to);
    };
    h.append(reports(1, 100_000));
    assert.ok(touched <= 2 * 100_000, `reports visited while appending 100,000: ${touched}`);
  });
});

describe('ProgressGate: the host never sends more than the page acknowledged', () => {
  let now = 0;
  const sent: SequencedHostMessage[] = [];
  const gate = (): ProgressGate => {
    sent.length = 0;
    now = 0;
    return new ProgressGate(
      (m) => sent.push(m),
      () => now,
      2,
      2000,
    );
  };

  it('coalesces progress while two messages are unacknowledged, losing no epoch', () => {
    const g = gate();
    for (let e = 1; e <= 1000; e++) g.offer({ type: 'progress', reports: [report(e)] });
    assert.equal(sent.length, 2, 'only the window is in flight');
    assert.equal(g.waitingEpochs, 998);
    g.ack(1);
    assert.equal(sent.length, 3, 'one acknowledgement lets one coalesced message go');
    const third = sent[2];
    assert.ok(third.type === 'progress' && third.reports.length === 998);
    const epochs = sent.flatMap((m) => (m.type === 'progress' ? m.reports.map((r) => r.epoch) : []));
    assert.deepEqual(
      epochs,
      Array.from({ length: 1000 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      sent.map((m) => m.seq),
      [1, 2, 3],
    );
  });

  it('keeps only the latest snapshot while the page is behind', () => {
    const g = gate();
    g.offer({ type: 'progress', reports: [report(1)] });
    g.offer({ type: 'progress', reports: [report(2)] });
    for (let e = 1; e <= 5; e++) g.offer({ type: 'snapshot', snapshot: { epoch: e, layers: [] } });
    g.ack(2);
    const snaps = sent.filter((m) => m.type === 'snapshot');
    assert.equal(snaps.length, 1);
    assert.ok(snaps[0].type === 'snapshot' && snaps[0].snapshot.epoch === 5);
  });

  it('flushes what waits before a phase change, in order', () => {
    const g = gate();
    for (let e = 1; e <= 10; e++) g.offer({ type: 'progress', reports: [report(e)] });
    g.offer({ type: 'phase', phase: 'completed' });
    assert.deepEqual(
      sent.map((m) => m.type),
      ['progress', 'progress', 'progress', 'phase'],
    );
    const last = sent[2];
    assert.ok(last.type === 'progress' && last.reports[last.reports.length - 1].epoch === 10);
  });

  it('sends anyway after a long silence (a lost acknowledgement cannot stall the panel)', () => {
    const g = gate();
    g.offer({ type: 'progress', reports: [report(1)] });
    g.offer({ type: 'progress', reports: [report(2)] });
    g.offer({ type: 'progress', reports: [report(3)] });
    assert.equal(sent.length, 2);
    now = 2500;
    g.offer({ type: 'progress', reports: [report(4)] });
    assert.equal(sent.length, 3);
  });

  it('forgets in-flight messages when the page reloads', () => {
    const g = gate();
    g.offer({ type: 'progress', reports: [report(1)] });
    g.offer({ type: 'progress', reports: [report(2)] });
    g.restart();
    assert.equal(g.inFlight, 0);
    assert.equal(g.waitingEpochs, 0);
  });
});

describe('PanelModel: in-place updates, bounded copies', () => {
  it('appends progress without copying the history and sends a decimated reset', () => {
    const m = new PanelModel(initialPanelState('xor.nn.json'));
    m.apply({ type: 'started', modelName: 'XOR', epochs: 100_000, hasValidation: true, activations: [], task: 'classification', startedAt: 0, runLabel: '#1' });
    const array = m.history.reports;
    for (let c = 0; c < 100; c++) m.apply({ type: 'progress', reports: reports(c * 1000 + 1, (c + 1) * 1000) });
    assert.equal(m.history.reports, array, 'the same array, appended to');
    assert.equal(m.history.length, 100_000);
    const state = m.toState();
    assert.ok(state.history.length < 5000, `reset/persisted history is bounded (${state.history.length})`);
    assert.equal(state.history[state.history.length - 1].epoch, 100_000);
    assert.equal(state.bestLoss, Math.min(...array.map((r) => r.loss)));
    assert.ok(JSON.stringify(state).length < 1_000_000, 'what setState clones is bounded');
  });
});

describe('RunningSmoother', () => {
  it('equals the batch debiased EMA value by value', () => {
    const values = [0.9, NaN, 0.7, 0.8, Infinity, 0.2, 0.4, 0.1];
    for (const w of [0, 0.3, 0.6, 0.99]) {
      const s = new RunningSmoother(w);
      for (const v of values) s.push(v);
      assert.deepEqual(s.values, smooth(values, w));
    }
  });
});
