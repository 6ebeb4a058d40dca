import { strict as assert } from 'assert';
import type { EpochReport } from '../../../src/core/train/types';
import { initialPanelState } from '../../../src/protocol/view/panel-state';
import type { PanelState } from '../../../src/protocol/panel';
import { formatElapsed, headerFigures } from '../../../webview/panel/header-figures';
import { rateChanges } from '../../../webview/panel/rate-changes';

const r = (epoch: number, loss: number): EpochReport => ({ epoch, epochs: 300, loss, elapsed: epoch * 0.5, samplesPerSecond: 5432.4 });

describe('panel header figures', () => {
  it('shows epoch, throughput, elapsed and the best loss while running', () => {
    const state: PanelState = { ...initialPanelState('a.nn.json'), phase: 'running', history: [r(1, 0.7), r(2, 0.2), r(3, 0.4)] };
    assert.equal(headerFigures(state), 'Epoch 3 / 300 · 5,432 samples/s · 1.5 s · best loss 0.2000');
  });

  it('shows the final loss once ended, and nothing before the first epoch', () => {
    const done: PanelState = { ...initialPanelState('a.nn.json'), phase: 'completed', history: [r(1, 0.7), r(2, 0.2), r(3, 0.4)] };
    assert.match(headerFigures(done), /final loss 0\.4000$/);
    assert.equal(headerFigures({ ...initialPanelState('a.nn.json'), epochs: 50 }), 'Epoch 0 / 50');
  });

  it("says when early stopping ended the run and shows the restored epoch's loss", () => {
    const history = [r(1, 0.7), r(2, 0.2), r(3, 0.4), r(4, 0.5)];
    const stopped: PanelState = { ...initialPanelState('a.nn.json'), phase: 'completed', history, bestEpoch: 2, stoppedEpoch: 4, restoredEpoch: 2 };
    assert.match(headerFigures(stopped), /stopped early at epoch 4, restored epoch 2 · final loss 0\.2000$/);
  });

  it('shows the learning-rate chart only when a schedule changed the rate', () => {
    const withLr = (lrs: (number | undefined)[]): EpochReport[] => lrs.map((lr, i) => ({ ...r(i + 1, 0.5), ...(lr === undefined ? {} : { lr }) }));
    assert.equal(rateChanges(withLr([0.1, 0.1, 0.1])), false);
    assert.equal(rateChanges(withLr([0.05, 0.1, 0.1])), true);
    assert.equal(rateChanges(withLr([undefined, undefined])), false);
    assert.equal(rateChanges([]), false);
  });

  it('formats elapsed time in seconds and minutes', () => {
    assert.equal(formatElapsed(3.21), '3.2 s');
    assert.equal(formatElapsed(125), '2 min 05 s');
    assert.equal(formatElapsed(NaN), '–');
  });
});
