/**
 * End to end, as a person would: open examples/ in VS Code, open a model, run "NN Lab: Train Model"
 * from the command palette, and read from inside the panel that the loss chart drew the epochs and
 * that the loss fell. Saves screenshots to test-results/.
 */
import { strict as assert } from 'assert';
import { EXAMPLE, Lab, vsixLab } from './support/lab';

describe('e2e: train an example from the command palette', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    // The working tree as an installed extension (its package.json points at dist/).
    lab = vsixLab('e2e');
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it(`trains ${EXAMPLE} and the panel shows a falling loss`, async () => {
    const wb = lab.workbench;
    await wb.openFromExplorer(EXAMPLE);
    await wb.runCommand('NN Lab: Train Model');
    await wb.waitForPanel();
    const phase = await wb.waitForRunEnd();
    const panel = await wb.readPanel();
    await wb.screenshots(lab.artifact('training-panel.png'), lab.artifact('workbench.png'));
    console.log(
      `      panel: ${panel.status} | ${panel.summary} | ${panel.points} points, ${panel.linePixels} line pixels, line y ${panel.lineStartY.toFixed(0)} → ${panel.lineEndY.toFixed(0)}`,
    );

    assert.equal(phase, 'completed', panel.status);
    const completed = /^Completed (\d+) epochs · final loss ([\d.e+-]+)/.exec(panel.status);
    assert.ok(completed, `status line: ${panel.status}`);
    assert.equal(panel.points, Number(completed[1]), 'the chart holds every epoch');
    const summary = /^Training loss fell from ([\d.e+-]+) at epoch 1 to ([\d.e+-]+) at epoch (\d+)\.$/.exec(panel.summary);
    assert.ok(summary, `the chart summary says the loss fell: ${panel.summary}`);
    assert.ok(Number(summary[2]) < 0.5 * Number(summary[1]), `loss ${summary[1]} → ${summary[2]}`);
    assert.equal(summary[2], completed[2], 'status and summary agree on the final loss');
    // The drawing itself: a training line is on the canvas, ending lower (larger y) than it starts.
    assert.ok(panel.linePixels > 100, `the training line is drawn (${panel.linePixels} pixels)`);
    assert.ok(panel.lineEndY > panel.lineStartY + 20, `the drawn line falls: y ${panel.lineStartY} → ${panel.lineEndY}`);
  });
});
