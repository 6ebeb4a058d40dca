/**
 * One end-to-end session: a temporary copy of examples/ as the workspace, code-server with NN Lab
 * in its extensions folder, and Chromium showing the workbench. `close` always stops everything.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'fs';
import * as path from 'path';
import { launchBrowser, type BrowserSession } from '../../../scripts/vscode-host/browser';
import { examplesDir, extensionIdentity, testResultsDir } from '../../../scripts/vscode-host/paths';
import { installVsix, makeRunDir, startServer, type RunningServer } from '../../../scripts/vscode-host/server';
import { Workbench } from './workbench';

/** The example the end-to-end tests train: small, fast, and its loss falls clearly. */
export const EXAMPLE = 'xor.nn.json';

/** A running workbench on a copy of examples/. */
export class Lab {
  workbench!: Workbench;
  server?: RunningServer;
  browser?: BrowserSession;
  readonly workspace: string;
  private readonly scratch: string;

  /** `prepareExtensions` fills the fresh extensions folder (symlink the repo, or install a .vsix). */
  constructor(
    private readonly label: string,
    private readonly prepareExtensions: (extensionsDir: string) => void,
  ) {
    this.scratch = makeRunDir(`${label}-ws`);
    this.workspace = path.join(this.scratch, 'examples');
    cpSync(examplesDir, this.workspace, { recursive: true });
  }

  /** The extensions folder of this session. */
  get extensionsDir(): string {
    return path.join(this.scratch, 'extensions');
  }

  /** Starts code-server and Chromium and opens the workspace. */
  async start(): Promise<Workbench> {
    mkdirSync(this.extensionsDir, { recursive: true });
    this.prepareExtensions(this.extensionsDir);
    this.server = await startServer({ label: this.label, extensionsDir: this.extensionsDir, folder: this.workspace });
    this.browser = await launchBrowser(this.server.runDir, this.server.tmpDir);
    this.workbench = new Workbench(this.browser.page);
    await this.workbench.open(this.server.urlFor(this.workspace));
    return this.workbench;
  }

  /** Path of an artifact in test-results/. */
  artifact(name: string): string {
    mkdirSync(testResultsDir, { recursive: true });
    return path.join(testResultsDir, `${this.label}-${name}`);
  }

  /** Stops the browser and the server (process group and all) and removes the workspace copy. */
  async close(failed: boolean): Promise<void> {
    if (failed && this.browser) await this.browser.page.screenshot({ path: this.artifact('failure.png') }).catch(() => undefined);
    await this.browser?.close();
    await this.server?.stop();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/**
 * A lab with the packaged extension installed from `nn-lab-<version>.vsix` (what users get), never the
 * development folder: `npm run package` must have run (the e2e script does it first).
 */
export function vsixLab(label: string): Lab {
  const { vsix } = extensionIdentity();
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first`);
  return new Lab(label, (dir) => installVsix(vsix, dir));
}
