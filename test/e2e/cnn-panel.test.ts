/**
 * End to end, with the packaged `.vsix` installed: "Seeing a CNN" (issue #17). Trains a copy of
 * examples/digits-cnn.nn.json (more epochs, so the run lasts well over 20 s) from the command palette
 * and reads through the panel's `window.__nnLab` hook that the first conv layer's filter tiles and every
 * conv layer's feature maps are shown, painted, and change between two readings while it trains; and
 * that the network summary gives each layer's output shape and parameter count. Stops the run at the end.
 */
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { Lab, vsixLab } from './support/lab';

/** What `window.__nnLab.conv()` reports, with what the test reads off the DOM. */
interface ConvReading {
  phase: string;
  epoch: number;
  filterTiles: number;
  mapLayers: number;
  mapTiles: number;
  filterSum: number;
  mapSum: number;
  /** Distinct colours among the pixels of the first filter tile and the first feature-map tile. */
  filterColors: number;
  mapColors: number;
  /** The headings of the histogram card's layers (label and shape summary). */
  layers: string[];
}

/** The panel's document once its script has installed the hook. */
async function panelFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames().filter((f) => f.url().includes('/fake.html'))) {
    if ((await frame.evaluate('typeof window.__nnLab').catch(() => 'undefined')) === 'object') return frame;
  }
  return undefined;
}

/** Reads the convolution cards, or undefined while they show nothing. */
async function read(page: Page): Promise<ConvReading | undefined> {
  const frame = await panelFrame(page);
  if (!frame) return undefined;
  const script = `(() => {
    const conv = window.__nnLab.conv();
    if (!conv) return undefined;
    const colours = (canvas) => {
      if (!canvas || canvas.width === 0) return 0;
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set();
      for (let i = 0; i < px.length; i += 4) seen.add(px[i] + ',' + px[i + 1] + ',' + px[i + 2]);
      return seen.size;
    };
    const status = document.getElementById('status');
    return {
      ...conv,
      phase: (status && status.dataset.phase) || '',
      filterColors: document.getElementById('filters-card').hidden ? 0 : colours(document.querySelector('#filters canvas.tile')),
      mapColors: document.getElementById('maps-card').hidden ? 0 : colours(document.querySelectorAll('#feature-maps .map-layer')[1]?.querySelector('canvas.tile')),
      layers: Array.from(document.querySelectorAll('#histograms .layer h3')).map((h) => h.textContent),
    };
  })()`;
  return frame.evaluate<ConvReading | undefined>(script).catch(() => undefined);
}

/** Waits for a reading that satisfies `ok`. */
async function until(page: Page, ok: (r: ConvReading) => boolean, what: string, timeoutMs = 90_000): Promise<ConvReading> {
  const end = Date.now() + timeoutMs;
  let last: ConvReading | undefined;
  while (Date.now() < end) {
    last = (await read(page)) ?? last;
    if (last && ok(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(last)}`);
}

describe('e2e: seeing a CNN in the packaged panel', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('cnn-panel');
    const file = path.join(lab.workspace, 'digits-cnn.nn.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as { training: { epochs: number } };
    // About 0.15 s an epoch: 400 epochs outlast the readings (the test stops the run when it is done).
    config.training.epochs = 400;
    writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('shows filters and feature maps that change while digits-cnn trains, and each layer shape and parameter count', async () => {
    const wb = lab.workbench;
    await wb.openFromExplorer('digits-cnn.nn.json');
    const t0 = Date.now();
    await wb.runCommand('NN Lab: Train Model');
    await wb.waitForPanel();
    const first = await until(wb.page, (r) => r.phase === 'running' && r.filterTiles > 0 && r.mapLayers > 0, 'filters and feature maps while running');
    console.log(`      first conv views ${Date.now() - t0} ms after the command, epoch ${first.epoch}: ${JSON.stringify(first)}`);
    const later = await until(
      wb.page,
      (r) => r.phase === 'running' && r.epoch >= first.epoch + 3 && r.filterSum !== first.filterSum && r.mapSum !== first.mapSum,
      'the conv views to change',
      60_000,
    );
    console.log(`      later, epoch ${later.epoch}: filterSum ${first.filterSum} → ${later.filterSum}, mapSum ${first.mapSum} → ${later.mapSum}`);
    const frame = await panelFrame(wb.page);
    await frame?.evaluate("document.getElementById('filters-card').scrollIntoView()");
    await wb.screenshots(lab.artifact('cnn-panel.png'), lab.artifact('cnn-workbench.png'));
    for (const r of [first, later]) {
      // digits-cnn: conv 8 (1 channel, 3×3) → pool → conv 16 → …: 8 filter tiles; both conv layers' maps, 8 + 16 channel tiles.
      assert.equal(r.filterTiles, 8, 'one tile per filter of the first conv layer');
      assert.equal(r.mapLayers, 2, 'feature maps of both conv layers');
      assert.equal(r.mapTiles, 8 + 16, 'every channel of both layers (under the caps)');
      assert.ok(r.filterColors > 1, `a filter tile is painted (${r.filterColors} colours)`);
      assert.ok(r.mapColors > 1, `a feature map tile is painted (${r.mapColors} colours)`);
    }
    assert.match(later.layers[0], /conv2d.*→ 8×8×8 · 80 params/, 'layer 1: shape and parameters');
    assert.match(later.layers[2], /→ 16×4×4 · 1,168 params/, 'layer 3: 16·(8·9 + 1) parameters');
    assert.match(later.layers[later.layers.length - 1], /→ 10 · 650 params/, 'the output layer: 10·(64 + 1) parameters');
    await frame?.click('#stop');
    await wb.waitForRunEnd(30_000);
  });
});
