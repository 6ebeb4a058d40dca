/**
 * Helpers of the gallery and comparison end-to-end tests: find a webview's document by an element
 * it holds, and photograph the editor showing it.
 */
import type { Frame, Page } from 'playwright-core';

/** The webview document (a frame) that contains `selector`; waits up to `timeoutMs`. */
export async function webviewWith(page: Page, selector: string, timeoutMs = 45_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate<boolean>(`document.querySelector(${JSON.stringify(selector)}) !== null`).catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) {
      const notes = await page
        .locator('.notification-toast .notification-list-item-message')
        .allTextContents()
        .catch(() => []);
      throw new Error(`no webview shows ${selector} within ${timeoutMs / 1000} s; notifications: ${JSON.stringify(notes)}`);
    }
    await page.waitForTimeout(200);
  }
}

/** Saves a picture of the outer iframe holding `frame` (the webview as it appears in the editor). */
export async function screenshotWebview(frame: Frame, file: string): Promise<void> {
  const outer = frame.parentFrame() ?? frame;
  const element = await outer.frameElement();
  await element.screenshot({ path: file });
}
