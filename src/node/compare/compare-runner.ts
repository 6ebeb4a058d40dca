/**
 * Trains the variants of a comparison in training workers (`dist/worker.js`), at most
 * `parallel` at a time, and reports each run's progress as a `CompareUpdateMessage`.
 */
import type { CompareStatus, CompareUpdateMessage } from '../../protocol/compare';
import type { WorkerToHost } from '../../protocol/worker';
import { TrainingSession } from '../training/training-session';
import type { OptimizerVariant } from '../../core/compare/optimizer-variants';
import type { DataAccess } from '../files/path-policy';

/** Starts a worker on a config text; injectable so the runner stays testable. */
export type StartSession = (text: string, listener: (message: WorkerToHost) => void) => Pick<TrainingSession, 'stop' | 'dispose' | 'ended'>;

/** Creates sessions with the real training worker. */
export function workerSessions(workerPath: string, configDir: string, access?: DataAccess): StartSession {
  // The worker also measures the initial weights' loss (epoch 0), so the host thread builds no model.
  return (text, listener) => new TrainingSession(workerPath, text, configDir, listener, access, { initialLoss: true });
}

/** Runs the variants; `finished` resolves when every run has ended (or was never started after a cancel). */
export class CompareRunner {
  private readonly sessions = new Set<Pick<TrainingSession, 'stop' | 'dispose' | 'ended'>>();
  private next = 0;
  private cancelled = false;
  /** Resolves once every variant has ended; true when the comparison was cancelled. */
  readonly finished: Promise<boolean>;
  private resolveFinished!: (cancelled: boolean) => void;
  private running = 0;

  constructor(
    private readonly variants: readonly OptimizerVariant[],
    private readonly start: StartSession,
    private readonly onUpdate: (update: CompareUpdateMessage) => void,
    private readonly parallel = 2,
  ) {
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
  }

  /** Starts the first runs. */
  run(): void {
    for (let i = 0; i < this.parallel; i++) this.launchNext();
    if (this.running === 0) this.resolveFinished(this.cancelled);
  }

  /** Stops the running workers after their current batch; queued runs are marked cancelled. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (; this.next < this.variants.length; this.next++) {
      this.onUpdate({
        type: 'update',
        optimizer: this.variants[this.next].optimizer,
        status: 'cancelled',
        losses: [],
        message: 'Not started: the comparison was stopped.',
      });
    }
    for (const s of this.sessions) s.stop();
  }

  /** Ends every worker immediately. */
  dispose(): void {
    this.cancel();
    for (const s of this.sessions) s.dispose();
  }

  private launchNext(): void {
    if (this.cancelled || this.next >= this.variants.length) return;
    const variant = this.variants[this.next++];
    const optimizer = variant.optimizer;
    const update = (status: CompareStatus, losses: number[] = [], message?: string, initialLoss?: number): void =>
      this.onUpdate({ type: 'update', optimizer, status, losses, message, ...(initialLoss !== undefined ? { initialLoss } : {}) });
    this.running++;
    const session = this.start(variant.text, (message) => {
      switch (message.type) {
        case 'started':
          update('running', [], undefined, message.initialLoss);
          break;
        case 'progress':
          update(
            'running',
            message.reports.map((r) => r.loss),
          );
          break;
        case 'finished':
          update(message.status, [], message.message);
          break;
        case 'problems':
          update(
            'failed',
            [],
            message.problems
              .filter((p) => p.severity === 'error')
              .map((p) => p.message)
              .join('; ') || 'The config has problems.',
          );
          break;
        case 'crashed':
          update('failed', [], message.message);
          break;
        default:
          break; // batch progress and network snapshots are not shown in a comparison
      }
    });
    this.sessions.add(session);
    void session.ended.then(() => {
      this.sessions.delete(session);
      this.running--;
      this.launchNext();
      if (this.running === 0) this.resolveFinished(this.cancelled);
    });
  }
}
