/**
 * One training run in a `worker_threads` Worker (`dist/worker.js`): start it, stop it, hear from it.
 * The host never trains on its own thread, so VS Code stays responsive whatever the model size.
 */
import { Worker } from 'worker_threads';
import type { HostToWorker, WorkerToHost } from '../../protocol/worker';
import type { DataAccess } from '../files/path-policy';

/** How long a stop may take before the worker is terminated outright. */
const STOP_GRACE_MS = 1000;

/** Receives every message of the worker; `crashed` is also synthesised when the worker dies. */
export type WorkerListener = (message: WorkerToHost) => void;

/** A running worker. `ended` resolves once it has exited, whatever the reason. */
export class TrainingSession {
  /** Workers started and not yet exited, across every session (an orphan would keep this above 0). */
  private static live = 0;

  /** How many training workers are alive now. */
  static get liveWorkers(): number {
    return TrainingSession.live;
  }

  private readonly worker: Worker;
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private finalSeen = false;
  private stopTimer: NodeJS.Timeout | undefined;
  /** Resolves when the worker thread has exited. */
  readonly ended: Promise<void>;

  /**
   * Starts the worker at `workerPath` on the config `text`, whose relative paths resolve against `configDir`;
   * `access` says where its CSV file may come from (see `path-policy.ts`; absent: anywhere).
   */
  constructor(
    workerPath: string,
    text: string,
    configDir: string,
    private readonly listener: WorkerListener,
    access?: DataAccess,
    options: { initialLoss?: boolean; lean?: boolean } = {},
  ) {
    this.worker = new Worker(workerPath, { workerData: { stopFlag: this.stopFlag.buffer } });
    TrainingSession.live++;
    this.ended = new Promise((resolve) => {
      this.worker.on('message', (message: WorkerToHost) => this.receive(message));
      this.worker.on('error', (error) => this.receive({ type: 'crashed', message: error.message, stack: error.stack }));
      this.worker.on('exit', (code) => {
        TrainingSession.live--;
        if (this.stopTimer) clearTimeout(this.stopTimer);
        if (!this.finalSeen) {
          this.receive(
            code === 0 || this.stopFlag[0] !== 0
              ? { type: 'finished', status: 'cancelled', message: 'The training worker stopped.' }
              : { type: 'crashed', message: `The training worker exited with code ${code}.` },
          );
        }
        resolve();
      });
    });
    this.send({
      type: 'start',
      text,
      configDir,
      ...(access ? { access } : {}),
      ...(options.initialLoss ? { initialLoss: true } : {}),
      ...(options.lean ? { lean: true } : {}),
    });
  }

  /** Asks the run to stop after the current batch; terminates the worker if it does not within a few seconds. */
  stop(): void {
    if (this.finalSeen) return;
    Atomics.store(this.stopFlag, 0, 1);
    this.send({ type: 'stop' });
    this.stopTimer ??= setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
  }

  /** Kills the worker without asking it to stop, as a crash would (the session reports `crashed`); for fault tests. */
  kill(): void {
    void this.worker.terminate();
  }

  /** Ends the worker immediately (panel closed, extension deactivated). */
  dispose(): void {
    Atomics.store(this.stopFlag, 0, 1);
    void this.worker.terminate();
  }

  /** True once the run reported how it ended. */
  get finished(): boolean {
    return this.finalSeen;
  }

  private send(message: HostToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: WorkerToHost): void {
    if (this.finalSeen) return;
    if (message.type === 'finished' || message.type === 'problems' || message.type === 'crashed') this.finalSeen = true;
    this.listener(message);
  }
}
