/**
 * Trains a config in a fresh process exactly as the extension does (the training worker bundled from
 * source, in a worker thread) and collects its epochs, test metrics and peak resident memory.
 * Used by `npm run bench -- fashion` and by the Fashion-MNIST memory test.
 */
import { spawn } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const root = join(__dirname, '..');

/** One JSON line of bench/fashion-child.mjs. */
export interface ChildEvent {
  type: 'started' | 'epoch' | 'finished' | 'problems' | 'crashed' | 'exit';
  /** Seconds since the worker was started. */
  t: number;
  /** Peak resident set size of the training process so far, bytes. */
  peakRss: number;
  [key: string]: unknown;
}

/** What a run did. */
export interface WorkerRun {
  events: ChildEvent[];
  /** Seconds from start to the `started` message (reading and decoding the data). */
  loadSeconds: number;
  /** Seconds each epoch took (from consecutive `elapsed` values). */
  epochSeconds: number[];
  finished?: ChildEvent;
  /** Peak RSS of the whole process, bytes. */
  peakRss: number;
}

/** Bundles the training worker from source into `dir`; returns the file. */
export function bundleWorker(dir: string): string {
  const outfile = join(dir, 'worker.js');
  buildSync({
    entryPoints: [join(root, 'src/node/worker/worker-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * Trains `configFile` (epochs overridden when given; stopped after `stopAfterBatchMessages` in-epoch
 * progress messages when > 0) in a child process and returns what it reported. Without `workerFile`
 * the worker is bundled into a temporary folder, removed when the run ends (whatever its outcome).
 */
export async function runInWorker(
  configFile: string,
  options: { epochs?: number; stopAfterBatchMessages?: number; workerFile?: string } = {},
): Promise<WorkerRun> {
  if (options.workerFile) return runBundledWorker(configFile, options.workerFile, options);
  const dir = mkdtempSync(join(tmpdir(), 'nn-lab-worker-'));
  try {
    return await runBundledWorker(configFile, bundleWorker(dir), options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `runInWorker` with the worker bundled already. */
function runBundledWorker(configFile: string, worker: string, options: { epochs?: number; stopAfterBatchMessages?: number }): Promise<WorkerRun> {
  const args = [
    join(root, 'bench', 'fashion-child.mjs'),
    worker,
    configFile,
    options.epochs === undefined ? '-' : String(options.epochs),
    String(options.stopAfterBatchMessages ?? 0),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the training process exited with code ${code}`));
      const events = out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ChildEvent);
      const started = events.find((e) => e.type === 'started');
      const epochs = events.filter((e) => e.type === 'epoch').map((e) => e.elapsed as number);
      resolve({
        events,
        loadSeconds: started?.t ?? NaN,
        epochSeconds: epochs.map((s, i) => s - (i > 0 ? epochs[i - 1] : 0)),
        finished: events.find((e) => e.type === 'finished'),
        peakRss: Math.max(...events.map((e) => e.peakRss)),
      });
    });
  });
}
