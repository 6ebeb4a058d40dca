/**
 * Trains the variants of a comparison as a sweep over the config's `optimizer` (the sweep runner
 * of `nn-lab sweep`, in training workers, at most `parallel` at a time) and reports each run's
 * progress as a `CompareUpdateMessage`.
 */
import type { CompareStatus, CompareUpdateMessage } from '../../protocol/compare';
import { parseConfigText } from '../../core/config/parse-json';
import { isObject } from '../../core/config/checks';
import type { OptimizerVariant } from '../../core/compare/optimizer-variants';
import { optimizerSweepSpec, optimizerValue } from '../../core/compare/optimizer-sweep';
import { planSweep } from '../../core/sweep/sweep-plan';
import type { SweepRunStatus } from '../../core/sweep/sweep-results';
import { SweepRunner, sweepSessions, type StartSweepRun, type SweepEvent } from '../sweep/sweep-runner';
import type { DataAccess } from '../files/path-policy';

/** Starts a worker on a config text; injectable so the runner stays testable. */
export type StartSession = StartSweepRun;

/** Creates sessions with the real training worker (each also measures the initial weights' loss, epoch 0, off the host thread). */
export function workerSessions(workerPath: string, configDir: string, access?: DataAccess): StartSession {
  return sweepSessions(workerPath, configDir, access, { initialLoss: true });
}

/** How a finished run shows in a comparison: an invalid config or a crash is `failed`. */
function compareStatus(status: SweepRunStatus): CompareStatus {
  return status === 'invalid' ? 'failed' : status;
}

/** Runs the variants; `finished` resolves when every run has ended (or was never started after a cancel). */
export class CompareRunner {
  /** Resolves once every variant has ended; true when the comparison was cancelled. */
  readonly finished: Promise<boolean>;
  private resolveFinished!: (cancelled: boolean) => void;
  private readonly runner: SweepRunner;

  constructor(
    private readonly variants: readonly OptimizerVariant[],
    start: StartSession,
    private readonly onUpdate: (update: CompareUpdateMessage) => void,
    parallel = 2,
  ) {
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
    // Every variant differs from the others only in its `optimizer`: the sweep sets it on the first one's config.
    const configs = variants.map((v) => parseConfigText(v.text).value);
    const base = isObject(configs[0]) ? configs[0] : {};
    const plan = planSweep(base, optimizerSweepSpec(configs.map(optimizerValue)), () => []);
    this.runner = new SweepRunner(plan, start, (event) => this.forward(event), { workers: parallel });
  }

  /** Starts the runs. */
  run(): void {
    void this.runner.run().then((outcome) => this.resolveFinished(outcome.cancelled));
  }

  /** Stops the running workers after their current batch; queued runs are marked cancelled. */
  cancel(): void {
    this.runner.cancel();
  }

  /** Ends every worker immediately. */
  dispose(): void {
    this.runner.dispose();
  }

  private forward(event: SweepEvent): void {
    const optimizer = this.variants[event.type === 'run-finished' ? event.run.index : event.type === 'result' ? event.result.index : event.index].optimizer;
    const update = (status: CompareStatus, losses: number[] = [], message?: string, initialLoss?: number): void =>
      this.onUpdate({ type: 'update', optimizer, status, losses, message, ...(initialLoss !== undefined ? { initialLoss } : {}) });
    switch (event.type) {
      case 'run-training':
        update('running', [], undefined, event.initialLoss);
        break;
      case 'epochs':
        update(
          'running',
          event.reports.map((r) => r.loss),
        );
        break;
      case 'run-finished':
        update(compareStatus(event.run.status), [], event.run.message);
        break;
      case 'result':
        // A variant the stop came before never ran: it has no run-finished of its own.
        if (event.result.runs.length === 0 && event.result.status === 'cancelled') update('cancelled', [], 'Not started: the comparison was stopped.');
        break;
      default:
        break;
    }
  }
}
