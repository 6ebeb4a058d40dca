/**
 * Process groups of the servers this process starts: each is killed as a whole (SIGTERM, then
 * SIGKILL) on stop, on exit and on SIGINT/SIGTERM/SIGHUP, and runs whose owner died anyway
 * (SIGKILL) are cleaned up by the next run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runsDir } from './paths';

/** Process groups of servers this process started and has not stopped yet. */
export const running = new Set<number>();

/** Synchronous clean-ups (save log, remove folders) of servers not stopped yet, run on exit and signals. */
export const pendingCleanups = new Set<() => void>();

/** Blocks the thread for `ms` (only used while exiting, where nothing else may run). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** SIGTERM to every group, up to 3 s grace, SIGKILL to what is left, then the clean-ups: all synchronous. */
function stopAllNow(): void {
  const pids = [...running];
  running.clear();
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < 3000 && pids.some(groupAlive); waited += 100) sleepSync(100);
  for (const pid of pids) if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  for (const cleanup of [...pendingCleanups]) cleanup();
}

/** Sends `signal` to the process group `pid`, ignoring a group that is already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (!(pid > 1)) return; // never our own group (kill(0)) or every process (kill(-1))
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let handlersInstalled = false;
/** On exit and on SIGINT/SIGTERM/SIGHUP, stops every server synchronously (so a parent killing us next cannot interrupt it). */
export function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAllNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** True while any process of the group lives. */
export function groupAlive(pid: number): boolean {
  if (!(pid > 1)) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends SIGTERM to the process group, then SIGKILL to whatever is left after 5 s. */
export async function killGroup(pid: number): Promise<void> {
  if (!running.delete(pid)) return;
  signalGroup(pid, 'SIGTERM');
  for (let i = 0; i < 40 && groupAlive(pid); i++) await sleep(125);
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
}

/** True when a process with this id exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cleans up after runs whose owner died without stopping its server (SIGKILL, a killed terminal):
 * kills the orphaned server group and removes the run folder. Runs whose owner lives are left alone.
 */
export function reapOrphanedRuns(): void {
  if (!existsSync(runsDir)) return;
  for (const name of readdirSync(runsDir)) {
    const dir = path.join(runsDir, name);
    const infoFile = path.join(dir, 'run.json');
    if (!existsSync(infoFile)) continue;
    try {
      const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { owner: number; server?: number; tmpDir?: string };
      if (!(info.owner > 0) || processAlive(info.owner)) continue;
      if (info.server !== undefined && groupAlive(info.server)) signalGroup(info.server, 'SIGKILL');
      if (info.tmpDir) rmSync(info.tmpDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // unreadable: leave it
    }
  }
}

/** Creates a fresh folder under runsDir owned by this process (removed by `reapOrphanedRuns` if the process dies). */
export function makeRunDir(label: string): string {
  mkdirSync(runsDir, { recursive: true });
  const dir = mkdtempSync(path.join(runsDir, `${label}-`));
  writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ owner: process.pid }));
  return dir;
}
