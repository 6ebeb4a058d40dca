/**
 * Drives VS Code's web workbench in Chromium the way a person does: explorer clicks, the command
 * palette (F1), and reading the training panel's webview.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';

/** What the training panel's webview shows, read from inside it. */
export interface PanelReading {
  status: string;
  phase: string;
  summary: string;
  /** Epochs the chart holds (`data-points`). */
  points: number;
  /** Pixels of the canvas in the training line's colour, inside the plot area. */
  linePixels: number;
  /** Mean canvas y (pixels, downwards) of the training line in the first and last tenth of its width. */
  lineStartY: number;
  lineEndY: number;
}

/** The workbench in one browser page. */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Opens the workbench at `url` and waits until the explorer shows the folder. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 90_000 });
  }

  /** Clicks a file in the explorer and waits for its editor tab. */
  async openFromExplorer(fileName: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await this.page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  }

  /** Runs a command by its palette title (`NN Lab: Train Model`), retrying while the extension host registers it. */
  async runCommand(title: string, attempts = 30): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    for (let i = 1; ; i++) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`);
      if (
        await row.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await this.page.keyboard.press('Escape');
      if (i >= attempts) throw new Error(`"${title}" never appeared in the command palette`);
    }
    // Click the row: Enter would run the top match, which for "Train Model" can be "Export Trained Model".
    await row.click();
  }

  /** The panel's document (webview host iframe › the extension's iframe). */
  panel(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Waits for the training panel's webview to show; the error lists any notifications (say, "command not found"). */
  async waitForPanel(timeoutMs = 45_000): Promise<void> {
    const shown = await this.panel()
      .locator('#status')
      .waitFor({ timeout: timeoutMs })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    const notes = await this.page
      .locator('.notification-toast .notification-list-item-message')
      .allTextContents()
      .catch(() => []);
    throw new Error(`the training panel did not open within ${timeoutMs / 1000} s; notifications: ${JSON.stringify(notes)}`);
  }

  /** Waits until the panel's status line reports a final phase, and returns it. */
  async waitForRunEnd(timeoutMs = 120_000): Promise<string> {
    const status = this.panel().locator('#status[data-phase]:not([data-phase="starting"]):not([data-phase="running"])');
    await status.waitFor({ timeout: timeoutMs });
    return (await status.getAttribute('data-phase')) ?? '';
  }

  /** Reads status, summary and chart from inside the webview, including the line's pixels on the canvas. */
  async readPanel(): Promise<PanelReading> {
    const frame = await this.panelFrame();
    const script = `(() => {
      const canvas = document.getElementById('loss-chart');
      const status = document.getElementById('status');
      const probe = document.createElement('canvas').getContext('2d');
      probe.fillStyle = canvas.dataset.trainColor; probe.fillRect(0, 0, 1, 1);
      const [r0, g0, b0] = probe.getImageData(0, 0, 1, 1).data;
      const scale = canvas.width / canvas.clientWidth;
      const [left, top, right, bottom] = (canvas.dataset.plotArea || '0,0,0,0').split(',').map((v) => Math.round(Number(v) * scale));
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const hits = [];
      for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) {
        const i = (y * canvas.width + x) * 4;
        if (px[i + 3] > 200 && Math.abs(px[i] - r0) + Math.abs(px[i + 1] - g0) + Math.abs(px[i + 2] - b0) < 40) hits.push([x, y]);
      }
      const xs = hits.map((h) => h[0]);
      const minX = Math.min(...xs), maxX = Math.max(...xs), tenth = (maxX - minX) / 10;
      const meanY = (keep) => { const ys = hits.filter((h) => keep(h[0])).map((h) => h[1]); return ys.reduce((a, b) => a + b, 0) / ys.length; };
      return {
        status: status.textContent, phase: status.dataset.phase || '',
        summary: document.getElementById('loss-summary').textContent,
        points: Number(canvas.dataset.points), linePixels: hits.length,
        lineStartY: meanY((x) => x <= minX + tenth), lineEndY: meanY((x) => x >= maxX - tenth),
      };
    })()`;
    return frame.evaluate<PanelReading>(script);
  }

  /** Saves a picture of the panel alone and of the whole window. */
  async screenshots(panelPath: string, windowPath: string): Promise<void> {
    await this.page.locator('iframe.webview.ready').first().screenshot({ path: panelPath });
    await this.page.screenshot({ path: windowPath });
  }

  private async panelFrame(): Promise<Frame> {
    for (let i = 0; i < 100; i++) {
      const frame = this.page.frames().find((f) => f.url().includes('/fake.html'));
      if (frame) return frame;
      await this.page.waitForTimeout(100);
    }
    throw new Error('the panel webview has no document');
  }
}
