/**
 * Starts and stops code-server (a real VS Code server) for tests and `npm start`: bound to
 * 127.0.0.1 on a free port, all state in folders of its own, in a process group of its own that is
 * always killed as a whole (extension hosts included) on stop, on exit, on signals and on failure.
 */
import { spawn, spawnSync } from 'child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { cleanEnv, codeServerEntry, hostIsInstalled, node24, runsDir, testResultsDir } from './paths';
import { installExitHandlers, killGroup, pendingCleanups, reapOrphanedRuns, running } from './process-groups';

export { makeRunDir } from './process-groups';

/** Quiet, offline-friendly settings for a fresh profile. */
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** How to start a server. */
export interface ServerOptions {
  /** Names the run folder and the saved log, e.g. `e2e`. */
  label: string;
  /** Folder opened by default (`/?folder=` still picks another). */
  folder?: string;
  /** Defaults to a fresh folder of the run. */
  userDataDir?: string;
  /** Defaults to a fresh folder of the run. */
  extensionsDir?: string;
  /** Lets the workbench honour `payload` options in the URL (extensionDevelopmentPath / extensionTestsPath). */
  smokeTestDriver?: boolean;
  /** Fixed port (npm start may ask for one); default: a free one. */
  port?: number;
}

/** A running server. */
export interface RunningServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The run's folder (state, logs) and its short temp folder. */
  runDir: string;
  tmpDir: string;
  extensionsDir: string;
  userDataDir: string;
  /** The server's process-group id. */
  pid: number;
  /** Workbench URL opening `folder`. */
  urlFor(folder: string): string;
  /** Stops the whole process group, saves the log to test-results/, removes the run's folders. */
  stop(): Promise<void>;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves when GET /healthz answers 200, rejects after `timeoutMs` or when `exited()` says the server died. */
async function waitHealthy(origin: string, exited: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(why);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${origin}/healthz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s`);
}

/** The last lines of a file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Starts code-server and waits until it answers. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!hostIsInstalled()) throw new Error('The VS Code test host is not installed: run `npm run test:host`.');
  installExitHandlers();
  reapOrphanedRuns();
  mkdirSync(runsDir, { recursive: true });
  const runDir = mkdtempSync(path.join(runsDir, `${options.label}-`));
  // Unix sockets live in TMPDIR and their paths must stay under ~100 characters: keep it short.
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'nn-lab-'));
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  const xdg = path.join(runDir, 'xdg');
  for (const d of [userDataDir, path.join(userDataDir, 'User'), extensionsDir, xdg]) mkdirSync(d, { recursive: true });
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify(QUIET_SETTINGS, null, 2));
  const config = path.join(runDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const logFile = path.join(runDir, 'server.log');

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const origin = `http://127.0.0.1:${port}`;
    const args = [
      codeServerEntry,
      '--config',
      config,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...(options.folder ? [options.folder] : []),
    ];
    const log = openSync(logFile, 'a');
    const child = spawn(node24, args, {
      detached: true, // setsid: the server leads a process group of its own
      stdio: ['ignore', log, log],
      cwd: runDir,
      env: cleanEnv({
        XDG_CONFIG_HOME: path.join(xdg, 'config'),
        XDG_DATA_HOME: path.join(xdg, 'data'),
        XDG_CACHE_HOME: path.join(xdg, 'cache'),
        TMPDIR: tmpDir,
      }),
    });
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) {
      rmSync(tmpDir, { recursive: true, force: true });
      rmSync(runDir, { recursive: true, force: true });
      throw new Error(`could not start ${node24}`);
    }
    running.add(pid);
    writeFileSync(path.join(runDir, 'run.json'), JSON.stringify({ owner: process.pid, server: pid, tmpDir }));
    let exitReason: string | undefined;
    child.on('exit', (code, signal) => (exitReason = `code-server exited (${code ?? signal}) before it was ready:\n${tail(logFile)}`));

    const cleanup = (): void => {
      pendingCleanups.delete(cleanup);
      saveLog(options.label, logFile);
      rmSync(tmpDir, { recursive: true, force: true });
      if (!process.env.NN_LAB_KEEP_RUNS) rmSync(runDir, { recursive: true, force: true });
    };
    pendingCleanups.add(cleanup);
    const stop = async (): Promise<void> => {
      await killGroup(pid);
      cleanup();
    };

    try {
      await waitHealthy(origin, () => exitReason, 60_000);
    } catch (e) {
      const portTaken = /EADDRINUSE/.test(String(e)) && attempt < 3 && options.port === undefined;
      if (portTaken) {
        pendingCleanups.delete(cleanup);
        await killGroup(pid);
        continue;
      }
      await stop();
      throw e;
    }
    return {
      port,
      origin,
      runDir,
      tmpDir,
      extensionsDir,
      userDataDir,
      pid,
      stop,
      urlFor: (folder: string) => `${origin}/?folder=${encodeURIComponent(folder)}`,
    };
  }
}

/** Copies a server log to test-results/ so a failed run can be read afterwards. */
function saveLog(label: string, logFile: string): void {
  if (!existsSync(logFile)) return;
  mkdirSync(testResultsDir, { recursive: true });
  copyFileSync(logFile, path.join(testResultsDir, `${label}-server.log`));
}

/**
 * Installs a `.vsix` into `extensionsDir` with `code-server --install-extension`, as a person would
 * with `code --install-extension`. Throws with code-server's output when it fails.
 */
export function installVsix(vsix: string, extensionsDir: string): string {
  if (!hostIsInstalled()) throw new Error('The VS Code test host is not installed: run `npm run test:host`.');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'nn-lab-install-'));
  try {
    const r = spawnSync(
      node24,
      [codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(scratch, 'ud'), '--install-extension', vsix],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: cleanEnv({ XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch, TMPDIR: scratch }),
      },
    );
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${output}`);
    return output;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
