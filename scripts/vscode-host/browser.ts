/**
 * Debian's headless Chromium driven by playwright-core (never a downloaded browser), with a fresh
 * profile per run, for showing VS Code's web workbench to tests.
 */
import { mkdtempSync, rmSync } from 'fs';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

/** A browser window on a fresh profile. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Launches Chromium with a profile under `runDir`; `tmpDir` becomes its TMPDIR (sockets, temp files). */
export async function launchBrowser(runDir: string, tmpDir: string): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(runDir, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, TMPDIR: tmpDir },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
