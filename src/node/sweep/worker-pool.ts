/**
 * A sweep's pool of training workers (`dist/worker.js`) kept alive between runs: a run goes to an
 * idle worker (a new one is started when none is idle), which trains it in lean mode and then
 * waits for the next, so a sweep of many short runs does not pay a thread's start-up per run.
 * A worker that crashed or had to be terminated leaves the pool; `close` ends them all.
 */
import { Worker } from 'worker_threads';
import type { HostToWorker, WorkerToHost } from '../../protocol/worker';
import type { DataAccess } from '../files/path-policy';
import type { StartSweepRun, SweepSession } from './sweep-runner';

/** How long a stop may take before the worker is terminated outright. */
const STOP_GRACE_MS = 1000;

/** One worker thread of the pool and the run it trains now, if any. */
class PooledWorker {
  private readonly worker: Worker;
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private listener: ((message: WorkerToHost) => void) | undefined;
  private endRun: (() => void) | undefined;
  private stopTimer: NodeJS.Timeout | undefined;
  /** False once the thread has exited (crashed, terminated or closed). */
  alive = true;

  constructor(workerPath: string) {
    this.worker = new Worker(workerPath, { workerData: { stopFlag: this.stopFlag.buffer } });
    this.worker.on('message', (message: WorkerToHost) => this.receive(message));
    this.worker.on('error', (error) => this.receive({ type: 'crashed', message: error.message, stack: error.stack }));
    this.worker.on('exit', (code) => {
      this.alive = false;
      this.receive(
        code === 0 || this.stopFlag[0] !== 0
          ? { type: 'finished', status: 'cancelled', message: 'The training worker stopped.' }
          : { type: 'crashed', message: `The training worker exited with code ${code}.` },
      );
    });
  }

  /** True when the worker can take a run. */
  get idle(): boolean {
    return this.alive && this.listener === undefined;
  }

  /** Trains `text`; the session's `ended` resolves with the run's last message. */
  run(text: string, configDir: string, access: DataAccess | undefined, listener: (message: WorkerToHost) => void): SweepSession {
    Atomics.store(this.stopFlag, 0, 0);
    this.listener = listener;
    const ended = new Promise<void>((resolve) => {
      this.endRun = resolve;
    });
    this.send({ type: 'start', text, configDir, lean: true, persistent: true, ...(access ? { access } : {}) });
    return {
      ended,
      stop: () => {
        if (this.listener !== listener) return;
        Atomics.store(this.stopFlag, 0, 1);
        this.send({ type: 'stop' });
        this.stopTimer ??= setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
      },
      dispose: () => {
        if (this.listener !== listener) return;
        Atomics.store(this.stopFlag, 0, 1);
        void this.worker.terminate();
      },
    };
  }

  /** Ends the thread. */
  close(): void {
    void this.worker.terminate();
  }

  private send(message: HostToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: WorkerToHost): void {
    const listener = this.listener;
    if (!listener) return;
    listener(message);
    if (message.type !== 'finished' && message.type !== 'problems' && message.type !== 'crashed') return;
    this.listener = undefined;
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    // A stopped or crashed worker is not trusted with another run.
    if (message.type === 'crashed' || this.stopFlag[0] !== 0) {
      this.alive = false;
      this.close();
    }
    const end = this.endRun;
    this.endRun = undefined;
    end?.();
  }
}

/** Runs on a pool of persistent workers at `workerPath`; call `close` when the sweep is done. */
export function workerPool(workerPath: string, configDir: string, access?: DataAccess): StartSweepRun & { close(): void } {
  const workers: PooledWorker[] = [];
  const start = (text: string, listener: (message: WorkerToHost) => void): SweepSession => {
    for (let i = workers.length - 1; i >= 0; i--) if (!workers[i].alive) workers.splice(i, 1);
    let worker = workers.find((w) => w.idle);
    if (!worker) {
      worker = new PooledWorker(workerPath);
      workers.push(worker);
    }
    return worker.run(text, configDir, access, listener);
  };
  return Object.assign(start, {
    close: () => {
      for (const w of workers.splice(0)) w.close();
    },
  });
}
