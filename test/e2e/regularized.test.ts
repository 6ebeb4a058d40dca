/**
 * End to end, with the packaged `.vsix` installed: train examples/fashion-mnist-regularized.nn.json
 * (batch normalization, dropout, an exponential learning-rate schedule, early stopping) from the
 * palette on the real Fashion-MNIST files. While it runs (watched for at least 20 s) the
 * learning-rate chart grows and the rate it shows falls; when the run ends the header says
 * "stopped early at epoch N, restored epoch B", the loss chart marks epoch B, and the test accuracy
 * of the restored weights is at least 89 %.
 * The files come from the workspace's data/fashion-mnist/ (npm run fashion-data) or the Debian package
 * dataset-fashion-mnist (which `npm test` installs); without them the test fails.
 */
import { strict as assert } from 'assert';
import { copyFileSync, existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { Lab, vsixLab } from './support/lab';

const EXAMPLE = 'fashion-mnist-regularized.nn.json';
const FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
const SYSTEM_DIR = '/usr/share/datasets/fashion-mnist';

/** What the test reads from the panel. */
interface Reading {
  /** Milliseconds since the command. */
  at: number;
  phase: string;
  /** The status line (role="status"). */
  text: string;
  /** The header's figures (epoch, speed, time, early stopping, test metrics). */
  figures: string;
  /** Epochs on the loss chart. */
  points: number;
  /** The loss chart's marked best epoch ('' when none). */
  best: string;
  /** The learning-rate line: epochs drawn and the rate of the last one (absent while its card is hidden). */
  lr: { points: number; last: number | undefined } | undefined;
}

/** The panel's document, once its script installed the test hook. */
async function panelFrame(page: Page): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    if (!f.url().includes('/fake.html')) continue;
    if ((await f.evaluate('typeof window.__nnLab').catch(() => 'undefined')) === 'object') return f;
  }
  return undefined;
}

/** One reading of the panel, or undefined when it does not answer. */
async function read(page: Page, t0: number): Promise<Reading | undefined> {
  const frame = await panelFrame(page);
  if (!frame) return undefined;
  const script = `(() => {
    const s = document.getElementById('status');
    const c = document.getElementById('loss-chart');
    const line = window.__nnLab.learningRate().find((d) => d.role === 'smoothed');
    return {
      phase: s.dataset.phase || '',
      text: s.textContent || '',
      figures: (document.getElementById('figures') || {}).textContent || '',
      points: Number(c.dataset.points || 0),
      best: c.dataset.bestEpoch || '',
      lr: line ? { points: line.points, last: line.last } : undefined,
    };
  })()`;
  const r = await frame.evaluate<Omit<Reading, 'at'>>(script).catch(() => undefined);
  return r ? { ...r, at: Date.now() - t0 } : undefined;
}

describe('e2e: the regularized Fashion-MNIST example stops early in the packaged extension', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('regularized');
    const target = path.join(lab.workspace, 'data', 'fashion-mnist');
    mkdirSync(target, { recursive: true });
    for (const f of FILES) {
      if (existsSync(path.join(target, f))) continue;
      assert.ok(existsSync(path.join(SYSTEM_DIR, f)), `${f} is missing: apt-get install dataset-fashion-mnist (npm test does) or npm run fashion-data`);
      copyFileSync(path.join(SYSTEM_DIR, f), path.join(target, f));
    }
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('shows the falling learning rate live, then "stopped early", the restored epoch marked, and ≥ 89 % test accuracy', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.openFromExplorer(EXAMPLE);
    await wb.runCommand('NN Lab: Train Model');
    const t0 = Date.now();
    // Watch the run: every second until it ends (at most 10 minutes on a loaded machine).
    const seen: Reading[] = [];
    let last: Reading | undefined;
    while (Date.now() - t0 < 600_000) {
      const r = await read(page, t0);
      if (r) {
        last = r;
        if (r.phase === 'running' && r.points > 0) seen.push(r);
        if (r.phase === 'completed' || r.phase === 'cancelled' || r.phase === 'diverged' || r.phase === 'failed') break;
      }
      await page.waitForTimeout(1000);
    }
    assert.ok(last, 'the panel answered');
    const watched = seen.length > 1 ? (seen[seen.length - 1].at - seen[0].at) / 1000 : 0;
    console.log(`      ${seen.length} readings over ${watched.toFixed(0)} s of training; end: ${last.text} | ${last.figures}`);
    assert.equal(last.phase, 'completed', `the run completed: ${last.text}`);
    assert.ok(watched >= 20, `the run was watched for at least 20 s while it trained (${watched.toFixed(1)} s)`);
    // Live: the learning-rate chart was shown, grew, and its last rate fell while the run went on.
    const withRate = seen.filter((r) => r.lr && r.lr.points > 0 && r.lr.last !== undefined);
    assert.ok(withRate.length >= 5, `the learning-rate chart was drawn during the run (${withRate.length} readings)`);
    const [firstLr, lastLr] = [withRate[0].lr!, withRate[withRate.length - 1].lr!];
    assert.ok(lastLr.points > firstLr.points, `the learning-rate chart grew during the run (${firstLr.points} → ${lastLr.points} epochs)`);
    assert.ok(lastLr.last! < firstLr.last!, `the rate it shows fell (${firstLr.last} → ${lastLr.last})`);
    for (const r of withRate) {
      // exponential schedule, γ = 0.7, lr₀ = 0.003: epoch e (from 1) trains with 0.003 · 0.7^(e − 1)
      const expected = 0.003 * 0.7 ** (r.lr!.points - 1);
      assert.ok(Math.abs(r.lr!.last! - expected) <= 1e-12 * expected + 1e-18, `epoch ${r.lr!.points}: lr ${r.lr!.last} = 0.003 · 0.7^${r.lr!.points - 1}`);
    }
    // The end: early stopping's text, the mark on the loss chart, the test accuracy of the restored weights.
    const m = /^Stopped early at epoch (\d+), restored epoch (\d+) · final loss/.exec(last.text);
    assert.ok(m, `the status line says the run stopped early: "${last.text}"`);
    assert.ok(last.figures.includes(`stopped early at epoch ${m[1]}, restored epoch ${m[2]}`), `the header says so too: "${last.figures}"`);
    const [stopped, restored] = [Number(m[1]), Number(m[2])];
    assert.ok(stopped < 20 && restored < stopped, `stopped ${stopped}, restored ${restored}`);
    assert.equal(last.points, stopped, 'the loss chart shows every epoch that ran');
    assert.equal(last.best, String(restored), 'the loss chart marks the restored epoch');
    const acc = /test accuracy ([\d.]+) %/.exec(last.figures);
    assert.ok(acc, `the header gives the test accuracy: "${last.figures}"`);
    assert.ok(Number(acc[1]) >= 89, `test accuracy ${acc[1]} % ≥ 89 %`);
    await page.screenshot({ path: lab.artifact('end.png') });
  });
});
