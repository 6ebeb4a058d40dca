/**
 * A stand-in "VS Code executable" for `@vscode/test-electron`'s `runTests({ vscodeExecutablePath })`
 * (through code-shim.sh). It maps the desktop flags onto code-server + Chromium:
 *   --extensionDevelopmentPath=  --extensionTestsPath=  --user-data-dir=  --extensions-dir=  [folder]
 * starts code-server with the smoke-test driver, opens the workbench with those options in its
 * `payload`, prints the extension host's console (mocha's report) and exits with the tests' exit code.
 * Other flags (--no-sandbox, --disable-updates, ...) are Electron-only and ignored.
 */
import { mkdirSync } from 'fs';
import * as path from 'path';
import { format } from 'util';
import { launchBrowser, type BrowserSession } from './browser';
import { testResultsDir } from './paths';
import { startServer, type RunningServer } from './server';

/** Longest a test run may take before it counts as failed. */
const RUN_TIMEOUT_MS = Number(process.env.NN_LAB_TEST_TIMEOUT_MS ?? 10 * 60_000);

/** Printed by test/integration/index.ts before mocha starts; console lines before it are workbench noise. */
const TESTS_BEGIN = 'NN-LAB-TESTS-BEGIN';

interface ShimArgs {
  devPath?: string;
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

/** Reads the desktop-style command line. */
function parseArgs(argv: string[]): ShimArgs {
  const out: ShimArgs = {};
  for (const a of argv) {
    const value = a.slice(a.indexOf('=') + 1);
    if (a.startsWith('--extensionDevelopmentPath=')) out.devPath ??= path.resolve(value);
    else if (a.startsWith('--extensionTestsPath=')) out.testsPath = path.resolve(value);
    else if (a.startsWith('--user-data-dir=')) out.userDataDir = path.resolve(value);
    else if (a.startsWith('--extensions-dir=')) out.extensionsDir = path.resolve(value);
    else if (!a.startsWith('--')) out.folder = path.resolve(a);
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.devPath || !args.testsPath || !args.folder) {
    console.error('code-shim: need --extensionDevelopmentPath=, --extensionTestsPath= and a folder');
    return 2;
  }
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  try {
    server = await startServer({ label: 'integration', smokeTestDriver: true, userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
    browser = await launchBrowser(server.runDir, server.tmpDir);
    const { page } = browser;
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server!.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(args.devPath)],
      ['extensionTestsPath', remote(args.testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    let finish: (code: number | 'timeout') => void = () => undefined;
    const finished = new Promise<number | 'timeout'>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code)); // the workbench calls it when run() settles
    // The extension host's console reaches the page as `"%c INFO", css, format, ...args`: print it as the host would.
    let printing = false;
    let chain = Promise.resolve();
    page.on('console', (message) => {
      chain = chain.then(async () => {
        const values = await Promise.all(message.args().map((h) => h.jsonValue().catch(() => '?')));
        if (typeof values[0] === 'string' && values[0].startsWith('%c')) values.splice(0, 2);
        const line = format(...values);
        if (line.includes(TESTS_BEGIN)) printing = true;
        else if (printing && !/^\[(AgentHost|ChatModelSelection|AccountPolicyGate)\]|ENOTFOUND/.test(line)) console.log(line);
      });
    });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(args.folder)}&payload=${encodeURIComponent(payload)}`);
    const timer = setTimeout(() => finish('timeout'), RUN_TIMEOUT_MS);
    const code = await finished;
    clearTimeout(timer);
    await chain;
    if (code !== 0) {
      mkdirSync(testResultsDir, { recursive: true });
      await page.screenshot({ path: path.join(testResultsDir, 'integration-failure.png') }).catch(() => undefined);
      console.error(
        code === 'timeout' ? `code-shim: the tests did not finish within ${RUN_TIMEOUT_MS / 1000} s` : `code-shim: extension tests exited with ${code}`,
      );
    }
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('code-shim:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
