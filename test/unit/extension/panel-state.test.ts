/**
 * The panel-state reducer the host and the webview share, and the texts the panel shows.
 */
import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { applyToPanelState, formatLoss, initialPanelState, lossSummary, statusLine } from '../../../src/protocol/view/panel-state';

/** A report with the given epoch and loss (other fields irrelevant here). */
function report(epoch: number, loss: number, valLoss?: number): EpochReport {
  return { epoch, epochs: 3, loss, valLoss, elapsed: 0, samplesPerSecond: 0 };
}

describe('panel state', () => {
  it('follows a run from start to completion without mutating earlier states', () => {
    const s0 = initialPanelState('xor.nn.json');
    const s1 = applyToPanelState(s0, {
      type: 'started',
      modelName: 'XOR',
      epochs: 3,
      hasValidation: true,
      activations: [],
      task: 'classification',
      startedAt: 0,
      runLabel: '#1',
    });
    const s2 = applyToPanelState(s1, { type: 'progress', reports: [report(1, 0.7, 0.8), report(2, 0.4, 0.5)] });
    const s3 = applyToPanelState(s2, { type: 'progress', reports: [report(3, 0.2, 0.3)] });
    const s4 = applyToPanelState(s3, { type: 'phase', phase: 'completed' });
    assert.equal(s0.phase, 'starting');
    assert.equal(s1.phase, 'running');
    assert.equal(s2.history.length, 2);
    assert.equal(s1.history.length, 0, 'earlier state untouched');
    assert.deepEqual(
      s4.history.map((r) => r.epoch),
      [1, 2, 3],
    );
    assert.equal(statusLine(s2), 'Epoch 2 / 3 · loss 0.4000 · validation loss 0.5000');
    assert.equal(statusLine(s4), 'Completed 3 epochs · final loss 0.2000 · validation loss 0.3000');
    assert.equal(lossSummary(s4.history), 'Training loss fell from 0.7000 at epoch 1 to 0.2000 at epoch 3.');
  });

  it("says when early stopping ended the run and gives the restored epoch's losses", () => {
    const started = applyToPanelState(initialPanelState('x.nn.json'), {
      type: 'started',
      modelName: 'x',
      epochs: 20,
      hasValidation: true,
      activations: [],
      task: 'classification',
      startedAt: 0,
      runLabel: '#1',
    });
    const ran = applyToPanelState(started, { type: 'progress', reports: [report(1, 0.7, 0.8), report(2, 0.4, 0.5), report(3, 0.2, 0.6)] });
    const early = applyToPanelState(ran, { type: 'phase', phase: 'completed', bestEpoch: 2, stoppedEpoch: 3, restoredEpoch: 2 });
    assert.equal(statusLine(early), 'Stopped early at epoch 3, restored epoch 2 · final loss 0.4000 · validation loss 0.5000');
    const usedUp = applyToPanelState(ran, { type: 'phase', phase: 'completed', bestEpoch: 2, restoredEpoch: 2 });
    assert.equal(statusLine(usedUp), 'Completed 3 epochs, restored epoch 2 · final loss 0.4000 · validation loss 0.5000');
    const stopped = applyToPanelState(ran, { type: 'phase', phase: 'cancelled', bestEpoch: 2, restoredEpoch: 2 });
    assert.equal(statusLine(stopped), 'Stopped at epoch 3, restored epoch 2 · loss 0.4000 · validation loss 0.5000');
    const bestIsLast = applyToPanelState(ran, { type: 'phase', phase: 'completed', bestEpoch: 3, restoredEpoch: 3 });
    assert.equal(statusLine(bestIsLast), 'Completed 3 epochs · final loss 0.2000 · validation loss 0.6000');
  });

  it('reset replaces everything', () => {
    const running = applyToPanelState(initialPanelState('a.nn.json'), { type: 'progress', reports: [report(1, 1)] });
    const reset = applyToPanelState(running, { type: 'reset', state: initialPanelState('b.nn.json') });
    assert.equal(reset.fileName, 'b.nn.json');
    assert.equal(reset.history.length, 0);
  });

  it('states problems, divergence and a rising loss plainly', () => {
    const invalid = applyToPanelState(initialPanelState('x.nn.json'), {
      type: 'phase',
      phase: 'invalid',
      problems: [
        { where: 'layers[0].units', message: 'must be ≥ 1', severity: 'error' },
        { where: 'name', message: 'unused', severity: 'warning' },
      ],
    });
    assert.equal(statusLine(invalid), 'Cannot train: 1 problem(s) in x.nn.json');
    const diverged = applyToPanelState(invalid, { type: 'phase', phase: 'diverged', message: 'Loss became NaN at epoch 4.' });
    assert.equal(statusLine(diverged), 'Diverged: Loss became NaN at epoch 4.');
    assert.equal(lossSummary([report(1, 0.1), report(2, 0.3)]), 'Training loss rose from 0.1000 at epoch 1 to 0.3000 at epoch 2.');
  });

  it('formats losses with 4 significant digits, tiny ones in exponent form', () => {
    assert.equal(formatLoss(0.693147), '0.6931');
    assert.equal(formatLoss(12.3456), '12.35');
    assert.equal(formatLoss(0.00012346), '1.235e-4');
    assert.equal(formatLoss(NaN), 'NaN');
  });
});
