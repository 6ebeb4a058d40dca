/**
 * The training worker's logic, free of `worker_threads` so unit tests can drive it directly:
 * validate the config, train epoch by epoch, yield to the event loop between epochs (so a stop
 * message gets through), and post progress in batches at most every PROGRESS_INTERVAL_MS.
 */
import type { ResolvedConfig } from '../../core/config/types';
import type { Dataset } from '../../core/data/dataset';
import type { Problem } from '../../core/problems';
import type { EpochReport, RunStatus, TrainOptions } from '../../core/train/types';
import { PROGRESS_INTERVAL_MS, type WorkerToHost } from '../../shared/worker-protocol';

/** The part of the core's `TrainingRun` this loop drives. */
export interface EpochRunner {
  runEpoch(): EpochReport | undefined;
  readonly done: boolean;
  readonly status: 'running' | RunStatus;
  readonly message?: string;
}

/** What `prepareRun` returns: config and data, or the problems that prevent training. */
export interface PreparedRun {
  config?: ResolvedConfig;
  data?: Dataset;
  problems: Problem[];
}

/** Everything the loop needs from the outside world (the core, files, the clock, the host). */
export interface TrainingLoopDeps {
  /** Validates `text` and loads its data (the core's `prepareRun`). */
  prepare(text: string, readFile: (relativePath: string) => string): PreparedRun;
  /** Creates the run (the core's `new TrainingRun`). */
  createRun(config: ResolvedConfig, data: Dataset, options: TrainOptions): EpochRunner;
  /** Reads a file relative to the config's folder. */
  readFile(relativePath: string): string;
  /** Sends a message to the host. */
  post(message: WorkerToHost): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Lets pending messages (a stop) be received. */
  yieldToEventLoop(): Promise<void>;
  /** Extra stop signal checked between batches (e.g. a flag in shared memory set by the host). */
  externalStop?(): boolean;
}

/** Runs one training session; call `run` once. */
export class TrainingLoop {
  private stopRequested = false;

  constructor(private readonly deps: TrainingLoopDeps) {}

  /** Asks the run to stop after the current batch. */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** True once a stop was asked for, by message or by the external signal. */
  get stopping(): boolean {
    return this.stopRequested || (this.deps.externalStop?.() ?? false);
  }

  /** Trains the config in `text`, posting `problems` or `started`, `progress`…, `finished` (or `crashed`). */
  async run(text: string): Promise<void> {
    const { deps } = this;
    try {
      const prepared = deps.prepare(text, (p) => deps.readFile(p));
      const errors = prepared.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0 || !prepared.config || !prepared.data) {
        deps.post({ type: 'problems', problems: prepared.problems });
        return;
      }
      await this.train(prepared.config, prepared.data, prepared.problems.filter((p) => p.severity === 'warning'));
    } catch (e) {
      const problems = problemsOf(e);
      if (problems) deps.post({ type: 'problems', problems });
      else deps.post({ type: 'crashed', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
    }
  }

  private async train(config: ResolvedConfig, data: Dataset, warnings: Problem[]): Promise<void> {
    const { deps } = this;
    deps.post({
      type: 'started', name: config.name, epochs: config.training.epochs,
      hasValidation: config.training.validationSplit > 0, task: data.task, samples: data.n, warnings,
    });
    const run = deps.createRun(config, data, { shouldStop: () => this.stopping });
    let pending: EpochReport[] = [];
    let lastPost = deps.now();
    const flush = (): void => {
      if (pending.length > 0) deps.post({ type: 'progress', reports: pending });
      pending = [];
      lastPost = deps.now();
    };
    while (!run.done) {
      const report = run.runEpoch();
      if (report) pending.push(report);
      if (deps.now() - lastPost >= PROGRESS_INTERVAL_MS) flush();
      await deps.yieldToEventLoop();
      // A run that ignores shouldStop would spin forever after a stop: end it here.
      if (this.stopping && !run.done && !report) break;
    }
    flush();
    const status: RunStatus = run.done && run.status !== 'running' ? run.status : 'cancelled';
    deps.post({ type: 'finished', status, message: run.message });
  }
}

/** The problems carried by an `NnError`-like exception (duck-typed so the loop needs no core import). */
function problemsOf(e: unknown): Problem[] | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const problems = (e as { problems?: unknown }).problems;
  return Array.isArray(problems) && problems.length > 0 ? (problems as Problem[]) : undefined;
}
