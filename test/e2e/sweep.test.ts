/**
 * End to end, as a person would, on the packaged extension: open examples/sweep.nn.json, run
 * "NN Lab: Run Sweep" from the command palette, read the sweep panel's table while it fills, brush
 * the learning-rate axis of the parallel-coordinates plot with the mouse and see the table filter,
 * open the best run's config (an untitled editor whose text parses and has no `sweep`), and find
 * the results again after "Developer: Reload Window". Screenshots go to test-results/.
 */
import { strict as assert } from 'assert';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { screenshotWebview, webviewWith } from './gallery-webviews';
import { Lab, vsixLab } from './support/lab';

const EXAMPLE = 'sweep.nn.json';

interface HookRow {
  index: number;
  status: string;
  parameters: Record<string, unknown>;
  metric: number | null;
}

interface AxisPlace {
  key: string;
  x: number;
  top: number;
  bottom: number;
}

/** Reads the sweep panel's test hook. */
async function hook<T>(frame: Frame, call: string): Promise<T> {
  return frame.evaluate<T>(`window.__nnLabSweep.${call}`);
}

/** Does `action` and waits (up to 5 s) until the page has drawn again. */
async function afterDraw(frame: Frame, action: () => Promise<void>): Promise<void> {
  const before = await hook<number>(frame, 'draws()');
  await action();
  for (let i = 0; (await hook<number>(frame, 'draws()')) === before; i++) {
    assert.ok(i < 50, `the page drew again (pointer events: ${JSON.stringify(await hook<unknown>(frame, 'pointer()'))})`);
    await frame.page().waitForTimeout(100);
  }
}

/** The text of the active editor group's editor, from its rendered lines (Monaco draws them absolutely positioned). */
async function activeEditorText(frame: Frame): Promise<string> {
  return frame.evaluate<string>(`(() => {
    const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
    return lines.map((l) => ({ top: parseFloat(l.style.top), text: l.textContent }))
      .sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\\u00a0/g, ' ')).join('\\n');
  })()`);
}

describe('e2e: a sweep from the command palette', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('e2e-sweep');
    // One run at a time (the setting under test), so the table fills row by row.
    mkdirSync(path.join(lab.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(lab.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'nnLab.sweepWorkers': 1 }));
    // Longer runs than the example's in this copy (the workbench may take many seconds to show the panel on a busy machine).
    const file = path.join(lab.workspace, EXAMPLE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"epochs": 3000', '"epochs": 6000'));
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it(`runs the sweep of ${EXAMPLE}, fills the table, filters it by brushing, and opens the best run's config`, async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.openFromExplorer(EXAMPLE);
    const started = Date.now();
    await wb.runCommand('NN Lab: Run Sweep');
    const sweep = await webviewWith(page, '#pc', 60_000);
    console.log(`      the panel showed after ${Date.now() - started} ms`);
    // (Polled with evaluate: the page's CSP forbids the eval behind waitForFunction.)
    for (let i = 0; !(await sweep.evaluate<boolean>('window.__nnLabSweep !== undefined')); i++) {
      assert.ok(i < 300, 'the sweep page installed its test hook');
      await page.waitForTimeout(100);
    }

    // Read the table while the runs go: the rows (combinations started or ended) and the ended ones grow.
    const readings: { rows: number; ended: number; done: number; running: number }[] = [];
    const deadline = Date.now() + 180_000;
    for (;;) {
      const rows = await hook<HookRow[]>(sweep, 'rows()');
      const domRows = await sweep.locator('#results tbody tr').count();
      const running = rows.filter((r) => r.status === 'running').length;
      const reading = { rows: domRows, ended: rows.length - running, done: await hook<number>(sweep, 'done()'), running };
      const last = readings[readings.length - 1];
      if (!last || last.rows !== reading.rows || last.ended !== reading.ended) readings.push(reading);
      if (await hook<boolean>(sweep, 'finished()')) break;
      assert.ok(Date.now() < deadline, `the sweep did not finish in time; readings ${JSON.stringify(readings)}`);
      await page.waitForTimeout(150);
    }
    await sweep.locator('#status[data-done="true"]').waitFor({ timeout: 10_000 }); // the last draw
    const status = (await sweep.locator('#status').textContent()) ?? '';
    console.log(`      readings (${Date.now() - started} ms in all): ${JSON.stringify(readings)}\n      status: ${status}`);
    const distinctEnded = new Set(readings.map((r) => r.ended));
    assert.ok(distinctEnded.size >= 3, `the table filled over several readings: ${JSON.stringify(readings)}`);
    for (let i = 1; i < readings.length; i++) assert.ok(readings[i].ended >= readings[i - 1].ended, 'ended rows never go away');
    assert.ok(
      readings.every((r) => r.running <= 1),
      'nnLab.sweepWorkers = 1: one combination at a time',
    );
    assert.match(status, /^Finished: 6 of 6 combinations ended\. Best: run \d+ \(valLoss [\d.e+-]+, mean of 2\)\./);

    const rows = await hook<HookRow[]>(sweep, 'rows()');
    assert.equal(rows.length, 6);
    assert.ok(
      rows.every((r) => r.status === 'completed' && typeof r.metric === 'number'),
      JSON.stringify(rows),
    );
    const metrics = rows.map((r) => r.metric as number);
    assert.deepEqual(
      [...metrics].sort((a, b) => a - b),
      metrics,
      'sorted by valLoss, best first',
    );
    const best = await hook<number>(sweep, 'best()');
    assert.equal(best, rows[0].index);
    assert.equal(await sweep.locator('#results tbody tr.best').getAttribute('data-index'), String(best), 'the best row is highlighted');

    // Sorting by a parameter: click the optimizer.alpha header (twice: descending).
    await afterDraw(sweep, () => sweep.locator('#results thead button[data-column="param:optimizer.alpha"]').click());
    const ascending = (await hook<HookRow[]>(sweep, 'rows()')).map((r) => r.parameters['optimizer.alpha'] as number);
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
      `ascending by alpha: ${ascending.join(', ')}`,
    );
    await afterDraw(sweep, () => sweep.locator('#results thead button[data-column="param:optimizer.alpha"]').press('Enter'));
    const descending = (await hook<HookRow[]>(sweep, 'rows()')).map((r) => r.parameters['optimizer.alpha'] as number);
    assert.deepEqual(
      descending,
      [...descending].sort((a, b) => b - a),
      `descending by alpha (keyboard): ${descending.join(', ')}`,
    );

    // Brush the learning-rate axis (log: 0.001 at the bottom, 0.01 in the middle, 0.1 at the top) over its upper half.
    const axes = await hook<AxisPlace[]>(sweep, 'axes()');
    const alpha = axes.find((a) => a.key === 'optimizer.alpha');
    assert.ok(alpha, JSON.stringify(axes));
    assert.deepEqual(
      axes.map((a) => a.key),
      ['optimizer.alpha', 'layers[0].units', 'metric:valLoss'],
    );
    await sweep.evaluate(`document.getElementById('pc').scrollIntoView({ block: 'start' })`); // the header clicks scrolled the table into view
    await page.waitForTimeout(200);
    const box = await sweep.locator('#pc').boundingBox();
    assert.ok(box);
    const middle = (alpha.top + alpha.bottom) / 2;
    await afterDraw(sweep, async () => {
      await page.mouse.move(box.x + alpha.x, box.y + alpha.top - 4);
      await page.mouse.down();
      await page.mouse.move(box.x + alpha.x, box.y + middle + 15, { steps: 8 });
      await page.mouse.up();
    });
    const brushes = await hook<{ key: string; lo: number; hi: number }[]>(sweep, 'brushes()');
    const filtered = await hook<HookRow[]>(sweep, 'rows()');
    const domRows = await sweep.locator('#results tbody tr').count();
    console.log(
      `      pointer events ${JSON.stringify(await hook<unknown>(sweep, 'pointer()'))}; brush ${JSON.stringify(brushes)} → ${filtered.length} rows: ${filtered.map((r) => r.parameters['optimizer.alpha']).join(', ')}`,
    );
    assert.equal(brushes.length, 1);
    assert.equal(brushes[0].key, 'optimizer.alpha');
    assert.equal(filtered.length, 4, 'alpha 0.01 and 0.1, two widths each');
    assert.equal(domRows, 4, 'the table shows the filtered rows only');
    assert.ok(filtered.every((r) => r.parameters['optimizer.alpha'] !== 0.001));
    assert.match((await sweep.locator('#table-note').textContent()) ?? '', /2 runs outside the filters/);
    const shot = lab.artifact('sweep.png');
    await screenshotWebview(sweep, shot);

    // Open the best run's config: a new untitled *.nn.json, valid JSON, without the sweep block.
    const bestRow = rows[0];
    await afterDraw(sweep, () => sweep.locator('#results thead button[data-column="metric:valLoss"]').click());
    await sweep.locator(`#results tbody tr[data-index="${best}"] button.open`).click();
    const tab = page.locator('.tabs-container .tab', { hasText: `sweep-run-${best + 1}.nn.json` }).first();
    await tab.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const text = await activeEditorText(page.mainFrame());
    console.log(`      opened sweep-run-${best + 1}.nn.json:\n${text.replace(/^/gm, '        ')}`);
    const config = JSON.parse(text) as { sweep?: unknown; optimizer: { alpha: number }; layers: { units: number }[] };
    assert.equal(config.sweep, undefined, 'no sweep block');
    assert.equal(config.optimizer.alpha, bestRow.parameters['optimizer.alpha']);
    assert.equal(config.layers[0].units, bestRow.parameters['layers[0].units']);
    await page.screenshot({ path: lab.artifact('sweep-workbench.png') });
  });

  it('brings the sweep back after "Developer: Reload Window", with its rows', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.runCommand('Developer: Reload Window');
    await page.waitForTimeout(2000);
    await page.locator('.explorer-folders-view').waitFor({ timeout: 90_000 });
    // An untitled editor may ask nothing on reload (hot exit); the restored panel loads when shown.
    await page.locator('.tabs-container .tab', { hasText: 'Sweep: ' }).first().click({ timeout: 60_000 });
    const sweep = await webviewWith(page, '#results tbody tr', 90_000);
    const rows = await sweep.evaluate<string[]>(`[...document.querySelectorAll('#results tbody tr')].map((tr) => tr.dataset.status)`);
    console.log(`      restored sweep: ${rows.length} rows (${rows.join(', ')})`);
    assert.equal(rows.length, 6, 'every row is back (the brush is not kept)');
    assert.ok(rows.every((s) => s === 'completed'));
  });
});
