/**
 * End to end, what a person sees around a long run: the spinning status-bar item counting epochs,
 * the progress notification of a palette run, and its Cancel button stopping the run (the status
 * bar then says it was cancelled and the spinning item goes away).
 */
import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { Lab, vsixLab } from './support/lab';

describe('e2e: status bar and progress notification of a run', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('e2e-runs');
    writeFileSync(
      path.join(lab.workspace, 'long-run.nn.json'),
      JSON.stringify(
        {
          data: { generator: 'circle', samples: 4000 },
          layers: [
            { units: 32, activation: 'tanh' },
            { units: 1, activation: 'sigmoid' },
          ],
          loss: 'Binary',
          training: { epochs: 100000, batchSize: 4 },
        },
        null,
        2,
      ),
    );
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('shows epochs in the status bar and a progress notification whose Cancel stops the run', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.openFromExplorer('long-run.nn.json');
    await wb.runCommand('NN Lab: Train Model');
    const item = page.locator('.statusbar-item', { hasText: /NN Lab: long-run \d+\/100000/ }).first();
    await item.waitFor({ timeout: 30_000 });
    const first = Number(/(\d+)\/100000/.exec((await item.textContent()) ?? '')?.[1]);
    await page.waitForTimeout(1000);
    const later = Number(/(\d+)\/100000/.exec((await item.textContent()) ?? '')?.[1]);
    console.log(`      status bar: epoch ${first} → ${later} a second later`);
    assert.ok(later > first, `the status bar counts epochs: ${first} → ${later}`);

    const toast = page.locator('.notification-toast', { hasText: 'NN Lab: training long-run.nn.json' }).first();
    await toast.waitFor({ timeout: 15_000 });
    await toast.hover();
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
    // The run ends as cancelled: the status bar says so, the spinning item and the notification go away.
    await page.locator('.statusbar-item', { hasText: 'NN Lab: long-run.nn.json cancelled' }).first().waitFor({ timeout: 30_000 });
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
    await toast.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.screenshot({ path: lab.artifact('cancelled.png') });
  });
});
