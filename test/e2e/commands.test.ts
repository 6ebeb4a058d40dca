/**
 * End to end, with the packaged `.vsix`: every command NN Lab contributes, run from the command palette
 * as a person would, each with a visible result (a new editor, a panel, a written file). The list of
 * commands is read from package.json, so a new command fails this test until it is covered here.
 * Also the classifier views: the built-in digits trained from the palette show a 10×10 confusion matrix
 * and sample images (mistakes first), and the panel's Export… menu writes a PyTorch script.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/vscode-host/paths';
import { webviewWith } from './gallery-webviews';
import { Lab, vsixLab } from './support/lab';

/** The commands package.json contributes, by title ("NN Lab: Train Model") → id. */
function contributedCommands(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string; title: string; category?: string }[] };
  };
  return new Map(manifest.contributes.commands.map((c) => [`${c.category ? `${c.category}: ` : ''}${c.title}`, c.command]));
}

/** Accepts the save dialog (a quick input in the web workbench) with its suggested name; returns the path it wrote. */
async function acceptSaveDialog(page: Page, workspace: string, ending: string): Promise<string> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  let suggested = '';
  for (let i = 0; i < 100 && !suggested.endsWith(ending); i++) {
    suggested = await input.inputValue();
    if (!suggested.endsWith(ending)) await page.waitForTimeout(100);
  }
  assert.ok(suggested.endsWith(ending), `the save dialog suggests a *${ending} name: "${suggested}"`);
  await page.keyboard.press('Enter');
  const target = path.join(workspace, path.basename(suggested));
  for (let i = 0; i < 150 && !existsSync(target); i++) await page.waitForTimeout(200);
  assert.ok(existsSync(target), `${path.basename(target)} was written`);
  return target;
}

/** The training panel's document, once its script is up. */
async function trainingPanel(page: Page): Promise<Frame> {
  return webviewWith(page, '#loss-chart');
}

/** Waits for the training panel's status to reach a final phase; returns it. */
async function runEnd(page: Page, timeoutMs = 120_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const phase = await (await trainingPanel(page)).evaluate<string>(`document.getElementById('status').dataset.phase || ''`).catch(() => '');
    if (phase && phase !== 'starting' && phase !== 'running') return phase;
    if (Date.now() > end) throw new Error(`the run did not end (phase "${phase}")`);
    await page.waitForTimeout(250);
  }
}

describe('e2e: every contributed command from the palette (packaged)', function () {
  let lab: Lab;
  let failed = false;
  const covered = new Set<string>();

  before(async () => {
    lab = vsixLab('e2e-commands');
    // A run long enough to be stopped from the palette (the spiral example with 100,000 epochs).
    const spiral = JSON.parse(readFileSync(path.join(lab.workspace, 'spiral.nn.json'), 'utf8')) as { training: Record<string, unknown> };
    writeFileSync(path.join(lab.workspace, 'long-spiral.nn.json'), JSON.stringify({ ...spiral, training: { ...spiral.training, epochs: 100_000 } }, null, 2));
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('NN Lab: New Model Config opens a template in a new editor', async () => {
    const page = lab.workbench.page;
    await lab.workbench.runCommand('NN Lab: New Model Config');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'XOR classification' }).first().click();
    await page.locator('.editor-instance .view-line', { hasText: '"layers"' }).first().waitFor({ timeout: 30_000 });
    covered.add('NN Lab: New Model Config');
    await lab.workbench.runCommand('View: Revert and Close Editor').catch(() => undefined);
  });

  it('NN Lab: Train Model trains the digits and shows a confusion matrix and sample images, mistakes first', async () => {
    const page = lab.workbench.page;
    await lab.workbench.openFromExplorer('digits.nn.json');
    await lab.workbench.runCommand('NN Lab: Train Model');
    assert.equal(await runEnd(page), 'completed');
    const panel = await trainingPanel(page);
    let seen: { confusion?: { classes: number; total: number; correct: number; set: string }; samples: number; wrong: number; first: string } | undefined;
    for (let i = 0; i < 60; i++) {
      seen = await panel.evaluate(`({
        confusion: window.__nnLab.confusion(), samples: window.__nnLab.samples(),
        wrong: document.querySelectorAll('#samples figure.wrong').length,
        first: (document.querySelector('#samples figure') || { className: '' }).className,
      })`);
      if (seen?.confusion && seen.samples > 0) break;
      await page.waitForTimeout(250);
    }
    console.log(`      digits: ${JSON.stringify(seen)}`);
    assert.ok(seen?.confusion, 'a confusion matrix is shown');
    assert.equal(seen.confusion.classes, 10);
    assert.ok(seen.confusion.total > 0 && seen.confusion.correct / seen.confusion.total > 0.8, 'the matrix counts the held-out samples, mostly right');
    assert.equal(await panel.locator('#confusion table.confusion tbody tr').count(), 10, 'ten rows, one per true class');
    assert.ok(seen.samples > 0, 'sample images are shown');
    if (seen.wrong > 0) assert.match(seen.first, /wrong/, 'misclassified samples come first');
    await lab.workbench.screenshots(lab.artifact('digits-panel.png'), lab.artifact('digits-window.png'));
    covered.add('NN Lab: Train Model');
  });

  it('the panel’s Export… menu writes a PyTorch training script', async () => {
    const page = lab.workbench.page;
    await (await trainingPanel(page)).click('#export');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'PyTorch training script' }).first().click();
    const script = await acceptSaveDialog(page, lab.workspace, '.py');
    assert.match(readFileSync(script, 'utf8'), /import torch/);
  });

  it('NN Lab: Export Trained Model, Export as ONNX and Export as PyTorch Script write their files', async () => {
    const page = lab.workbench.page;
    await lab.workbench.openFromExplorer('digits.nn.json');
    await lab.workbench.runCommand('NN Lab: Export Trained Model');
    const model = await acceptSaveDialog(page, lab.workspace, '.model.json');
    assert.equal((JSON.parse(readFileSync(model, 'utf8')) as { format: string }).format, 'nn-lab-model');
    covered.add('NN Lab: Export Trained Model');
    await lab.workbench.openFromExplorer('digits.nn.json');
    await lab.workbench.runCommand('NN Lab: Export as ONNX');
    const onnx = await acceptSaveDialog(page, lab.workspace, '.onnx');
    assert.ok(readFileSync(onnx).length > 1000, 'an ONNX model with the weights');
    covered.add('NN Lab: Export as ONNX');
    await lab.workbench.openFromExplorer('digits.nn.json');
    await lab.workbench.runCommand('NN Lab: Export as PyTorch Script');
    const script = await acceptSaveDialog(page, lab.workspace, '.py');
    assert.match(readFileSync(script, 'utf8'), /torch/);
    covered.add('NN Lab: Export as PyTorch Script');
  });

  it('NN Lab: Stop Training stops a long run', async () => {
    const page = lab.workbench.page;
    await lab.workbench.openFromExplorer('long-spiral.nn.json');
    await lab.workbench.runCommand('NN Lab: Train Model');
    await webviewWith(page, '#status[data-phase="running"]', 60_000);
    await lab.workbench.openFromExplorer('long-spiral.nn.json');
    await lab.workbench.runCommand('NN Lab: Stop Training');
    assert.equal(await runEnd(page, 60_000), 'cancelled');
    covered.add('NN Lab: Stop Training');
  });

  it('NN Lab: Show Activation Functions opens the gallery', async () => {
    await lab.workbench.runCommand('NN Lab: Show Activation Functions');
    const gallery = await webviewWith(lab.workbench.page, '#cards .card');
    assert.equal(await gallery.locator('#cards .card').count(), 26);
    covered.add('NN Lab: Show Activation Functions');
  });

  it('NN Lab: Compare Optimizers compares the picked optimizers in a results table', async () => {
    const page = lab.workbench.page;
    await lab.workbench.openFromExplorer('xor.nn.json');
    await lab.workbench.runCommand('NN Lab: Compare Optimizers');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 30_000 });
    // Accept the pre-selected optimizers with the quick pick's OK button (Enter only works while the input has focus).
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first().click();
    const compare = await webviewWith(page, '#status[data-done="true"]', 120_000);
    const rows = await compare.locator('#results tbody tr').count();
    assert.ok(rows >= 2, `a results row per optimizer (${rows})`);
    covered.add('NN Lab: Compare Optimizers');
  });

  it('NN Lab: Run Sweep runs the sweep block of the open config and fills the sweep table', async () => {
    const page = lab.workbench.page;
    await lab.workbench.openFromExplorer('sweep.nn.json');
    await lab.workbench.runCommand('NN Lab: Run Sweep');
    // The sweep page (its parallel-coordinates canvas #pc tells it from the Compare page, which also has #status and #results).
    const sweep = await webviewWith(page, '#pc', 60_000);
    await sweep.locator('#status[data-done="true"]').waitFor({ timeout: 180_000 });
    const rows = await sweep.locator('#results tbody tr').count();
    assert.equal(rows, 6, `a row per combination of the 3 × 2 grid (${rows})`);
    covered.add('NN Lab: Run Sweep');
  });

  it('covered every command in contributes.commands', () => {
    const missing = [...contributedCommands().keys()].filter((title) => !covered.has(title));
    assert.deepEqual(missing, [], 'every contributed command is run from the palette by this suite');
  });
});
