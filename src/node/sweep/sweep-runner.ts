/**
 * Runs a sweep's plan on training workers (`dist/worker.js`, the same worker as "Train Model", in
 * its lean mode): every valid combination × repeat is one run, at most `workers` at a time (one per
 * core by default). Where the runs go is injected: `workerPool` (worker-pool.ts, what `nn-lab sweep`
 * uses) keeps its threads between runs, `sweepSessions` starts a fresh worker per run. Each run
 * trains exactly the resolved config, so it equals `nn-lab train` on that config bit for bit. Of a
 * finished run only its summary is kept (final metrics, optionally a downsampled loss curve), never
 * its model.
 *
 * Progress is reported as `SweepEvent`s, in this order for each run: `run-started`, `run-training`
 * (unless the worker refused the config), `epochs` (batched, at most every ~100 ms), `run-finished`;
 * a combination's `result` follows its last repeat (invalid combinations report their `result` at
 * once, before any run starts). `cancel()` stops every running worker and starts no more; a
 * diverged run is marked and the others go on.
 */
import { availableParallelism } from 'os';
import { formatPath, oneLine } from '../../core/problems';
import type { EpochReport } from '../../core/train/types';
import type { SweepPlan } from '../../core/sweep/sweep-plan';
import { aggregateRuns, bestResult, downsample, metricsOf, type SweepResult, type SweepRunStatus, type SweepRunSummary } from '../../core/sweep/sweep-results';
import type { FinishedMessage, WorkerToHost } from '../../protocol/worker';
import { TrainingSession } from '../training/training-session';
import type { DataAccess } from '../files/path-policy';

/** A run's handle: stop it, end it, know when it has ended. */
export type SweepSession = Pick<TrainingSession, 'stop' | 'dispose' | 'ended'>;

/**
 * Starts one training of a config text; injectable so the runner can be tested without workers.
 * `close`, when present, is called once the sweep is over (a pool ends its threads).
 */
export type StartSweepRun = ((text: string, listener: (message: WorkerToHost) => void) => SweepSession) & { close?(): void };

/**
 * Sessions of the real training worker at `workerPath` in lean mode (no snapshots, no weights);
 * with `initialLoss`, each also measures its initial weights' loss (sent in `run-training`).
 */
export function sweepSessions(workerPath: string, configDir: string, access?: DataAccess, options: { initialLoss?: boolean } = {}): StartSweepRun {
  return (text, listener) => new TrainingSession(workerPath, text, configDir, listener, access, { lean: true, ...options });
}

/** What a sweep reports while it runs. */
export type SweepEvent =
  | { type: 'run-started'; index: number; repeat: number; seed: number }
  /** The worker accepted the run's config and training began (`initialLoss` when the sessions were asked for it). */
  | { type: 'run-training'; index: number; repeat: number; parameters: number; initialLoss?: number }
  /** Epochs a run finished since its previous `epochs` event (its loss per epoch and the other metrics). */
  | { type: 'epochs'; index: number; repeat: number; reports: EpochReport[] }
  | { type: 'run-finished'; run: SweepRunSummary }
  /** A combination is done: all its repeats finished (or it is invalid, or was cancelled before it ran). */
  | { type: 'result'; result: SweepResult; done: number; total: number };

/** How a sweep ended. */
export interface SweepOutcome {
  /** Every combination's result, in index order. */
  results: SweepResult[];
  /** The best completed combination by the sweep's metric (mean over repeats), if any. */
  best?: SweepResult;
  cancelled: boolean;
}

/** Options of the runner. */
export interface SweepRunnerOptions {
  /** Runs at the same time (default: one per core). */
  workers?: number;
  /** Keep each run's loss curve, downsampled to this many points (0, the default: keep none; Infinity: every epoch). */
  curvePoints?: number;
}

/** The default pool size: one worker per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Job {
  index: number;
  repeat: number;
}

/** Runs one sweep; call `run` once. */
export class SweepRunner {
  private readonly queue: Job[] = [];
  private readonly sessions = new Set<SweepSession>();
  private readonly finishedRuns = new Map<number, SweepRunSummary[]>();
  private readonly results: (SweepResult | undefined)[];
  private readonly workers: number;
  private cancelled = false;
  private done = 0;

  constructor(
    private readonly plan: SweepPlan,
    private readonly start: StartSweepRun,
    private readonly listener: (event: SweepEvent) => void,
    private readonly options: SweepRunnerOptions = {},
  ) {
    this.workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
    this.results = new Array<SweepResult | undefined>(plan.combinations.length).fill(undefined);
  }

  /** Trains every valid combination × repeat; resolves when all have ended (or were never started after a cancel). */
  async run(): Promise<SweepOutcome> {
    const { repeats } = this.plan.spec;
    for (const { combination, invalid } of this.plan.combinations) {
      if (invalid !== undefined)
        this.complete({ index: combination.index, parameters: combination.values, status: 'invalid', message: invalid, metrics: {}, runs: [] });
      else for (let repeat = 0; repeat < repeats; repeat++) this.queue.push({ index: combination.index, repeat });
    }
    // Each lane takes the next job when its run has ended, so at most `workers` run at once.
    const lanes = Array.from({ length: Math.min(this.workers, this.queue.length) }, () => this.lane());
    await Promise.all(lanes);
    this.start.close?.();
    for (const { combination } of this.plan.combinations)
      if (!this.results[combination.index]) {
        const runs = this.finishedRuns.get(combination.index) ?? [];
        this.complete({ ...aggregateRuns(combination.index, combination.values, runs), status: 'cancelled', message: 'Not run: the sweep was stopped.' });
      }
    const results = this.results.filter((r): r is SweepResult => r !== undefined);
    const best = bestResult(results, this.plan.spec.metric);
    return { results, ...(best ? { best } : {}), cancelled: this.cancelled };
  }

  /** Stops every running run after its current batch; queued runs never start. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.queue.length = 0;
    for (const s of this.sessions) s.stop();
  }

  /** Ends every worker at once (e.g. the panel closed). */
  dispose(): void {
    this.cancel();
    for (const s of this.sessions) s.dispose();
  }

  private async lane(): Promise<void> {
    for (let job = this.queue.shift(); job && !this.cancelled; job = this.queue.shift()) await this.runOne(job);
  }

  /** Trains one repeat of one combination in a worker and records its summary. */
  private async runOne({ index, repeat }: Job): Promise<void> {
    const seed = this.plan.seedFor(index, repeat);
    const text = JSON.stringify(this.plan.configFor(index, repeat));
    const history: EpochReport[] = [];
    const started = performance.now();
    let final: FinishedMessage | undefined;
    let failure: { status: SweepRunStatus; message: string } | undefined;
    this.listener({ type: 'run-started', index, repeat, seed });
    const session = this.start(text, (message) => {
      switch (message.type) {
        case 'started':
          this.listener({
            type: 'run-training',
            index,
            repeat,
            parameters: message.parameters,
            ...(message.initialLoss !== undefined ? { initialLoss: message.initialLoss } : {}),
          });
          break;
        case 'progress':
          history.push(...message.reports);
          this.listener({ type: 'epochs', index, repeat, reports: message.reports });
          break;
        case 'finished':
          final = message;
          break;
        case 'problems': {
          const errors = message.problems.filter((p) => p.severity === 'error');
          const text = errors.map((p) => (p.path.length ? `${formatPath(p.path)}: ${p.message}` : p.message)).join('; ');
          failure = { status: 'invalid', message: oneLine(text || 'the config has problems') };
          break;
        }
        case 'crashed':
          failure = { status: 'failed', message: oneLine(message.message) };
          break;
        default:
          break; // batches, snapshots: nothing a sweep keeps
      }
    });
    this.sessions.add(session);
    await session.ended;
    this.sessions.delete(session);
    const summary: SweepRunSummary = {
      index,
      repeat,
      seed,
      status: failure?.status ?? final?.status ?? 'failed',
      metrics: {},
      epochs: history.length,
      seconds: (performance.now() - started) / 1000,
    };
    if (failure) summary.message = failure.message;
    else if (final?.message) summary.message = oneLine(final.message);
    if (final && !failure) {
      // The metrics of the weights the run ends with: the restored best epoch's, else the last epoch's (as `nn-lab train`).
      const ended = final.restoredEpoch !== undefined ? history[final.restoredEpoch - 1] : history[history.length - 1];
      summary.metrics = metricsOf(ended, final.status === 'diverged' ? undefined : { loss: final.testLoss, accuracy: final.testAccuracy });
    }
    const points = this.options.curvePoints ?? 0;
    if (points > 0)
      summary.curve = downsample(
        history.map((r) => r.loss),
        points,
      );
    this.listener({ type: 'run-finished', run: summary });
    const runs = [...(this.finishedRuns.get(index) ?? []), summary];
    if (runs.length < this.plan.spec.repeats) this.finishedRuns.set(index, runs);
    else {
      this.finishedRuns.delete(index);
      const { combination } = this.plan.combinations[index];
      this.complete(
        aggregateRuns(
          index,
          combination.values,
          runs.sort((a, b) => a.repeat - b.repeat),
        ),
      );
    }
  }

  private complete(result: SweepResult): void {
    this.results[result.index] = result;
    this.done++;
    this.listener({ type: 'result', result, done: this.done, total: this.results.length });
  }
}
