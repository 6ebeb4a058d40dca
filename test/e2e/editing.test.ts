/**
 * End to end, as a person edits a model: the CodeLens is above the first line, typing a misspelled
 * activation draws a squiggle whose hover says what is meant, the light bulb's quick fix repairs it,
 * and the hover over an activation shows its plot. Saves screenshots to test-results/.
 */
import { strict as assert } from 'assert';
import type { Page } from 'playwright-core';
import { EXAMPLE, Lab, vsixLab } from './support/lab';

/** The editor's visible text (Monaco renders spaces as non-breaking spaces). */
async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().textContent();
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/** Polls the editor's visible text until `ok` accepts it (Monaco repaints a moment after an edit); returns the last text read. */
async function waitForEditorText(page: Page, ok: (text: string) => boolean): Promise<{ text: string; ok: boolean }> {
  let text = '';
  for (let i = 0; i < 40; i++) {
    text = await editorText(page);
    if (ok(text)) return { text, ok: true };
    await page.waitForTimeout(250);
  }
  return { text, ok: false };
}

/** Double-clicks the word `word` (inside quotes) in the editor, selecting it. */
async function selectWord(page: Page, word: string): Promise<void> {
  const token = page.locator('.editor-instance .monaco-editor .view-line span', { hasText: new RegExp(`^"${word}"$`) }).first();
  await token.waitFor({ timeout: 30_000 });
  const box = await token.boundingBox();
  assert.ok(box, `"${word}" is on screen`);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}

describe('e2e: editing a model config', function () {
  let lab: Lab;
  let failed = false;

  before(async () => {
    lab = vsixLab('e2e-editing');
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('shows the CodeLens, squiggles a misspelled activation and fixes it from the light bulb', async () => {
    const wb = lab.workbench;
    const page = wb.page;
    await wb.openFromExplorer(EXAMPLE);

    const lens = page.locator('.editor-instance .codelens-decoration', { hasText: '▶ Train' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const lensText = (await page.locator('.editor-instance .codelens-decoration').first().textContent()) ?? '';
    assert.match(lensText, /▶ Train.*Compare optimizers.*Plot activations/);

    await selectWord(page, 'tanh');
    await page.keyboard.type('leaky_relu'); // the spelling people guess; NN Lab's is leaky-ReLU
    assert.ok((await waitForEditorText(page, (t) => t.includes('"activation": "leaky_relu"'))).ok, 'the mistake is typed');

    const squiggle = page.locator('.editor-instance .squiggly-error').filter({ visible: true }).first();
    // The squiggle is redrawn while the checks catch up with the typing: wait until one stays put.
    let under: { x: number; y: number; width: number; height: number } | null = null;
    for (let i = 0; i < 60 && !under; i++) {
      await page.waitForTimeout(500);
      under = await squiggle.boundingBox({ timeout: 1_000 }).catch(() => null);
    }
    assert.ok(under, 'a red squiggle is drawn');
    await page.mouse.move(under.x + under.width / 2, under.y + 80);
    await page.mouse.move(under.x + under.width / 2, under.y + under.height / 2, { steps: 5 });
    const hover = page.locator('.monaco-hover', { hasText: 'Did you mean "leaky-ReLU"' }).first();
    await hover.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: lab.artifact('squiggle.png') });

    await page.keyboard.press('Escape');
    await selectWord(page, 'leaky_relu');
    const bulb = page.locator('.editor-instance .lightBulbWidget').first(); // the light bulb beside the line
    await bulb.waitFor({ timeout: 30_000 });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with "leaky-ReLU"' }).first();
    await fix.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: lab.artifact('quick-fix.png') });
    await fix.click();

    await page.waitForFunction("document.querySelectorAll('.editor-instance .squiggly-error').length === 0", undefined, { timeout: 30_000 });
    const fixed = await waitForEditorText(page, (t) => t.includes('"activation": "leaky-ReLU"') && !t.includes('leaky_relu'));
    assert.ok(fixed.ok, fixed.text);
  });

  it('the hover over an activation shows its plot as an image', async () => {
    const page = lab.workbench.page;
    await page.keyboard.press('Escape');
    const token = page.locator('.editor-instance .monaco-editor .view-line span', { hasText: /^"sigmoid"$/ }).first();
    const box = await token.boundingBox();
    assert.ok(box, '"sigmoid" is on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + 80);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const image = page.locator('.monaco-hover img[src^="data:image/svg+xml"]').first();
    await image.waitFor({ timeout: 30_000 });
    const size = await page.evaluate<{ w: number; h: number; complete: boolean }>(
      `(() => { const img = document.querySelector('.monaco-hover img[src^="data:image/svg+xml"]'); return { w: img.naturalWidth, h: img.naturalHeight, complete: img.complete }; })()`,
    );
    await page.screenshot({ path: lab.artifact('hover-plot.png') });
    assert.ok(size.complete && size.w > 100 && size.h > 50, `the plot loaded: ${JSON.stringify(size)}`);
  });
});
