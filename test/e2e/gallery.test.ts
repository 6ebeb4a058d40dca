/**
 * End to end, as a person would: open "NN Lab: Show Activation Functions" from the command palette,
 * count the cards inside the webview, move leaky-ReLU's alpha slider with the keyboard and see the
 * plotted values change; then open an example, run "NN Lab: Compare Optimizers", pick optimizers
 * in the quick pick and read the overlaid curves and the results table from inside the webview.
 * Screenshots go to test-results/ (and media/ with NN_LAB_UPDATE_SCREENSHOTS=1).
 */
import { strict as assert } from 'assert';
import { copyFileSync } from 'fs';
import * as path from 'path';
import { repoRoot } from '../../scripts/vscode-host/paths';
import { screenshotWebview, webviewWith } from './gallery-webviews';
import { EXAMPLE, Lab, vsixLab } from './support/lab';

/** Copies a screenshot into media/ when NN_LAB_UPDATE_SCREENSHOTS=1. */
function publish(file: string, mediaName: string): void {
  if (process.env.NN_LAB_UPDATE_SCREENSHOTS === '1') copyFileSync(file, path.join(repoRoot, 'media', mediaName));
}

describe('e2e: activation gallery and optimizer comparison', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('e2e-gallery');
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('shows 26 activation cards and redraws leaky-ReLU when its slider moves by keyboard', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.runCommand('NN Lab: Show Activation Functions');
    const gallery = await webviewWith(page, '#cards .card');
    const names = await gallery.locator('#cards .card h2').allTextContents();
    console.log(`      gallery: ${names.length} cards: ${names.join(', ')}`);
    assert.equal(names.length, 26);
    assert.ok(names.includes('leaky-ReLU') && names.includes('softmax') && names.includes('tanhExp'));

    const card = gallery.locator('.card[data-name="leaky-ReLU"]');
    const readout = card.locator('.readout');
    const before = await readout.textContent();
    // Filter, then Tab into the only card left: its first control is the alpha slider.
    await gallery.locator('#filter').click();
    await page.keyboard.type('leaky');
    assert.equal(await gallery.locator('#cards .card:not([hidden])').count(), 1);
    await page.keyboard.press('Tab');
    assert.equal(await gallery.evaluate<string>("document.activeElement?.dataset?.param ?? ''"), 'alpha');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    const alpha = Number(await card.locator('input.value').inputValue());
    const after = await readout.textContent();
    const probes = JSON.parse((await card.locator('canvas').getAttribute('data-probes')) ?? '[]') as { x: number; y: number; dy: number }[];
    console.log(`      leaky-ReLU: "${before}" → alpha ${alpha}: "${after}"`);
    assert.ok(Math.abs(alpha - 0.21) < 1e-9, `twenty arrow presses of 0.01 from 0.01: ${alpha}`);
    assert.notEqual(after, before, 'the readout changed');
    const left = probes.find((p) => p.x === -2);
    assert.ok(left && Math.abs(left.y - -2 * alpha) < 1e-9, `f(-2) = -2·alpha: ${JSON.stringify(left)}`);
    assert.ok(left && Math.abs(left.dy - alpha) < 1e-9, 'f′(-2) = alpha');
    assert.match((await gallery.locator('#status').textContent()) ?? '', /Showing 1 of 26/);

    // softmax is plotted as the first component of softmax([x, 0]) = σ(x).
    await gallery.locator('#filter').fill('');
    const soft = JSON.parse((await gallery.locator('.card[data-name="softmax"] canvas').getAttribute('data-probes')) ?? '[]') as {
      x: number;
      y: number;
      dy: number;
    }[];
    for (const p of soft) {
      const s = 1 / (1 + Math.exp(-p.x));
      assert.ok(Math.abs(p.y - s) < 1e-9 && Math.abs(p.dy - s * (1 - s)) < 1e-9, `softmax probe ${JSON.stringify(p)}`);
    }
    await gallery.locator('#filter').fill('');
    const shot = lab.artifact('gallery.png');
    await screenshotWebview(gallery, shot);
    publish(shot, 'screenshot-gallery.png');
  });

  it(`compares optimizers picked in the quick pick on ${EXAMPLE}`, async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.openFromExplorer(EXAMPLE);
    await wb.runCommand('NN Lab: Compare Optimizers');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'AdaGrad' }).first().waitFor({ timeout: 30_000 });
    // Pre-selected: the config's Adam and the classics SGD, MSGD, RMSprop. Add AdaGrad, drop MSGD.
    await rows.filter({ hasText: 'AdaGrad' }).first().click();
    await rows.filter({ hasText: 'MSGD' }).first().click();
    await page.keyboard.press('Enter');
    const compare = await webviewWith(page, '#status[data-done="true"]', 120_000);
    const series = JSON.parse((await compare.locator('#compare-chart').getAttribute('data-series')) ?? '[]') as {
      optimizer: string;
      points: number;
      last: number | null;
      initial: number | null;
    }[];
    const table = await compare.evaluate<
      { optimizer: string; status: string; loss: string }[]
    >(`[...document.querySelectorAll('#results tbody tr')].map((tr) => ({
      optimizer: tr.dataset.optimizer, status: tr.dataset.status, loss: tr.children[3].textContent,
    }))`);
    const status = await compare.locator('#status').textContent();
    console.log(`      compare: ${status}\n      series: ${JSON.stringify(series)}\n      table: ${JSON.stringify(table)}`);
    assert.deepEqual(series.map((s) => s.optimizer).sort(), ['AdaGrad', 'Adam', 'RMSprop', 'SGD']);
    assert.ok(
      series.every((s) => s.points === 200),
      'every curve has all 200 epochs',
    );
    assert.ok(
      series.every((s) => s.initial !== null && s.initial === series[0].initial),
      'one shared initial loss',
    );
    assert.equal(new Set(series.map((s) => s.last)).size, 4, 'four distinct curves');
    const finals = table.map((r) => Number(r.loss));
    assert.deepEqual(
      [...finals].sort((a, b) => a - b),
      finals,
      'the table is sorted by final loss',
    );
    assert.ok(table.every((r) => r.status === 'completed'));
    assert.match(status ?? '', /^Finished: 4 of 4 runs ended\. Best: /);
    // The log-scale toggle redraws the chart on a logarithmic axis.
    await compare.locator('#log-scale').check();
    assert.equal(await compare.locator('#compare-chart').getAttribute('data-scale'), 'log');
    const shot = lab.artifact('compare.png');
    await screenshotWebview(compare, shot);
    await page.screenshot({ path: lab.artifact('compare-workbench.png') });
    publish(shot, 'screenshot-compare.png');
  });

  it('brings the comparison and the gallery back after "Developer: Reload Window", with their last results', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.runCommand('Developer: Reload Window');
    await page.waitForTimeout(2000);
    await page.locator('.explorer-folders-view').waitFor({ timeout: 90_000 });
    // Restored panels load when shown: bring each forward by its tab, then read it.
    await page.locator('.tabs-container .tab', { hasText: 'Compare: ' }).first().click({ timeout: 60_000 });
    const compare = await webviewWith(page, '#results tbody tr', 90_000);
    const rows = await compare.evaluate<string[]>(`[...document.querySelectorAll('#results tbody tr')].map((tr) => tr.dataset.optimizer)`);
    console.log(`      restored comparison: ${rows.join(', ')}`);
    assert.deepEqual([...rows].sort(), ['AdaGrad', 'Adam', 'RMSprop', 'SGD'], 'the restored table lists the compared optimizers');
    await page.locator('.tabs-container .tab', { hasText: 'Activation Functions' }).first().click({ timeout: 60_000 });
    const gallery = await webviewWith(page, '#cards .card', 90_000);
    assert.equal(await gallery.locator('#cards .card').count(), 26, 'the restored gallery shows every card');
  });
});
