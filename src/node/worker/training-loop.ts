/**
 * The training worker's logic, free of `worker_threads` so unit tests can drive it directly:
 * validate the config, train epoch by epoch, yield to the event loop between epochs (so a stop
 * message gets through), and post progress in batches at most every PROGRESS_INTERVAL_MS.
 */
import { kindOf } from '../../core/layers/kinds/registry';
import type { PreparedRun } from '../../core/config/load';
import type { ResolvedConfig } from '../../core/config/resolved';
import { validationCount } from '../../core/config/semantics';
import type { Dataset } from '../../core/data/dataset';
import type { Problem } from '../../core/problems';
import type { ModelWeightsJson } from '../../core/model/weights-json';
import type { EpochReport, RunStatus, TrainOptions } from '../../core/train/types';
import type { ActivationUse, ClassifierView, NetworkSnapshot } from '../../protocol/panel';
import { type FinishedMessage, PROGRESS_INTERVAL_MS, type RunStartedMessage, SNAPSHOT_INTERVAL_MS, type WorkerToHost } from '../../protocol/worker';

/** The part of the core's `TrainingRun` this loop drives. */
export interface EpochRunner {
  runEpoch(): EpochReport | undefined;
  readonly done: boolean;
  readonly status: 'running' | RunStatus;
  readonly message?: string;
  /** Trainable numbers of the model, when known. */
  readonly parameters?: number;
  /** What is inside the network now (histograms, decision surface), when the runner can tell. */
  snapshot?(epoch: number): NetworkSnapshot;
  /** The trained weights, when the runner can give them. */
  weights?(): ModelWeightsJson;
  /** The loss of the current weights on every sample (before training: epoch 0), when the runner can tell. */
  initialLoss?(): number;
  /** Classifiers: the confusion matrix and sample images now (`final`: on every sample of the set, else a subset). */
  classifierView?(final: boolean): ClassifierView | undefined;
  /** Loss and accuracy on the test set now, when there is one. */
  testMetrics?(): { loss: number; accuracy?: number } | undefined;
  /** Ends a run that is still running as cancelled (restoring early stopping's best weights). */
  cancel?(): void;
  /** Early stopping: the best epoch, the epoch it stopped at, the epoch whose weights were restored. */
  readonly bestEpoch?: number;
  readonly stoppedEpoch?: number;
  readonly restoredEpoch?: number;
}

/** The activation functions of `config`'s layers (as each layer's kind tells; maxout layers have none). */
export function activationUses(config: ResolvedConfig): ActivationUse[] {
  return config.layers.flatMap((l, i) => {
    const act = kindOf(l).activation(l);
    return act ? [{ layer: `Layer ${i + 1}`, name: act.name, params: { ...act.params } }] : [];
  });
}

/** Training samples per epoch of `config` on `data` (the validation split held out, as the core splits; all of them with a `validationData` set). */
export function trainingSamples(config: ResolvedConfig, data: Dataset, validationData?: Dataset): number {
  return Math.max(1, data.n - (validationData ? 0 : validationCount(data.n, config.training.validationSplit)));
}

/** Mini-batches per epoch of `config` on `data`. */
export function batchesPerEpoch(config: ResolvedConfig, data: Dataset, validationData?: Dataset): number {
  const train = trainingSamples(config, data, validationData);
  return Math.ceil(train / Math.max(1, Math.min(config.training.batchSize, train)));
}

/** What `prepareRun` returns: the core's one `PreparedRun` (re-exported for the loop's callers). */
export type { PreparedRun };

/** Everything the loop needs from the outside world (the core, files, the clock, the host). */
export interface TrainingLoopDeps {
  /** Validates `text` and loads its data (the core's `prepareRun`); `readBinaryFile` reads IDX files. */
  prepare(text: string, readFile: (relativePath: string) => string, readBinaryFile: (relativePath: string) => Uint8Array): PreparedRun;
  /** Creates the run (the core's `new TrainingRun`). */
  createRun(config: ResolvedConfig, data: Dataset, options: TrainOptions): EpochRunner;
  /** Reads a file relative to the config's folder. */
  readFile(relativePath: string): string;
  /** Reads a file's bytes relative to the config's folder (IDX data); without it, such data is a problem. */
  readBinaryFile?(relativePath: string): Uint8Array;
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

  /**
   * Trains the config in `text`, posting `problems` or `started`, `progress`…, `finished` (or `crashed`).
   * With `withInitialLoss`, `started` also carries the loss of the initial weights (computed here, off the host).
   * With `lean` (sweeps), no snapshot, weights or classifier view is computed or sent: only epochs and final metrics.
   */
  async run(text: string, withInitialLoss = false, lean = false): Promise<void> {
    const { deps } = this;
    try {
      const readBinary = (p: string): Uint8Array => {
        if (!deps.readBinaryFile) throw new Error(`cannot read ${p} here`);
        return deps.readBinaryFile(p);
      };
      const prepared = deps.prepare(text, (p) => deps.readFile(p), readBinary);
      const errors = prepared.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0 || !prepared.config || !prepared.data) {
        deps.post({ type: 'problems', problems: prepared.problems });
        return;
      }
      await this.train(
        prepared.config,
        prepared.data,
        prepared.problems.filter((p) => p.severity === 'warning'),
        prepared.digest ?? '',
        withInitialLoss,
        lean,
        prepared.testData,
        prepared.validationData,
      );
    } catch (e) {
      const problems = problemsOf(e);
      if (problems) deps.post({ type: 'problems', problems });
      else deps.post({ type: 'crashed', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
    }
  }

  private async train(
    config: ResolvedConfig,
    data: Dataset,
    warnings: Problem[],
    digest: string,
    withInitialLoss: boolean,
    lean: boolean,
    testData?: Dataset,
    validationData?: Dataset,
  ): Promise<void> {
    const { deps } = this;
    const perEpoch = batchesPerEpoch(config, data, validationData);
    let epoch = 1;
    let batch = 0;
    let lastPost = deps.now();
    let pending: EpochReport[] = [];
    let lastSnapshot = -Infinity;
    const flush = (): void => {
      if (pending.length > 0) deps.post({ type: 'progress', reports: pending });
      pending = [];
      lastPost = deps.now();
    };
    // Called by the run before every mini-batch: reports progress inside long epochs, and stops.
    const beforeBatch = (): boolean => {
      if (batch > 0 && deps.now() - lastPost >= PROGRESS_INTERVAL_MS) {
        flush();
        deps.post({ type: 'batches', epoch, done: batch, total: perEpoch });
      }
      batch++;
      return this.stopping;
    };
    const run = deps.createRun(config, data, { shouldStop: beforeBatch, ...(testData ? { testData } : {}), ...(validationData ? { validationData } : {}) });
    const initial = withInitialLoss ? run.initialLoss?.() : undefined;
    const started: RunStartedMessage = {
      type: 'started',
      name: config.name,
      epochs: config.training.epochs,
      hasValidation: validationData !== undefined || config.training.validationSplit > 0,
      task: data.task,
      samples: data.n,
      warnings,
      activations: activationUses(config),
      optimizer: config.optimizer.name,
      digest,
      parameters: run.parameters ?? 0,
      batchesPerEpoch: perEpoch,
      trainSamples: trainingSamples(config, data, validationData),
      ...(initial !== undefined && Number.isFinite(initial) ? { initialLoss: initial } : {}),
    };
    if (testData) started.testSamples = testData.n;
    if (data.imageShape) started.imageShape = [data.imageShape[0], data.imageShape[1]];
    if (data.classNames) started.classNames = [...data.classNames];
    deps.post(started);
    // Snapshots cost a forward pass over a grid: space them so they take at most ~10 % of the time.
    // The last one (`final`) carries the classifier view over every sample of its set; it is returned.
    let snapshotGap = SNAPSHOT_INTERVAL_MS;
    const snapshot = (at: number, final = false): ClassifierView | undefined => {
      if (lean || !run.snapshot || at === 0) return undefined;
      const t0 = deps.now();
      const snap = run.snapshot(at);
      const view = run.classifierView?.(final);
      deps.post({ type: 'snapshot', snapshot: view ? { ...snap, ...view } : snap });
      lastSnapshot = deps.now();
      snapshotGap = Math.max(SNAPSHOT_INTERVAL_MS, 9 * (lastSnapshot - t0));
      return view;
    };
    let lastEpoch = 0;
    while (!run.done) {
      const report = run.runEpoch();
      if (report) {
        pending.push(report);
        lastEpoch = report.epoch;
      }
      epoch = lastEpoch + 1;
      batch = 0;
      if (deps.now() - lastPost >= PROGRESS_INTERVAL_MS) flush();
      if (report && !run.done && deps.now() - lastSnapshot >= snapshotGap) snapshot(report.epoch);
      await deps.yieldToEventLoop();
      // A run that ignores shouldStop would spin forever after a stop: end it here.
      if (this.stopping && !run.done && !report) break;
    }
    // The stop path ends the run too, so early stopping's best weights are restored before anything is sent.
    if (!run.done) run.cancel?.();
    flush();
    const status: RunStatus = run.done && run.status !== 'running' ? run.status : 'cancelled';
    const finalView = status !== 'diverged' ? snapshot(lastEpoch, true) : undefined;
    const weights = status !== 'diverged' && lastEpoch > 0 && !lean ? run.weights?.() : undefined;
    const finished: FinishedMessage = weights
      ? { type: 'finished', status, message: run.message, weights }
      : { type: 'finished', status, message: run.message };
    if (run.bestEpoch !== undefined) finished.bestEpoch = run.bestEpoch;
    if (run.stoppedEpoch !== undefined) finished.stoppedEpoch = run.stoppedEpoch;
    if (run.restoredEpoch !== undefined) finished.restoredEpoch = run.restoredEpoch;
    // Also after a stop inside the first epoch: the model as it is then (weights are sent for whole epochs only).
    if (status !== 'diverged') {
      const test = run.testMetrics?.();
      if (test) {
        finished.testLoss = test.loss;
        if (test.accuracy !== undefined) finished.testAccuracy = test.accuracy;
      }
      const view = lean ? undefined : (finalView ?? run.classifierView?.(true));
      if (view) {
        finished.confusion = view.confusion;
        if (view.samples) finished.samples = view.samples;
      }
    }
    deps.post(finished);
  }
}

/** The problems carried by an `NnError`-like exception (duck-typed so the loop needs no core import). */
function problemsOf(e: unknown): Problem[] | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const problems = (e as { problems?: unknown }).problems;
  return Array.isArray(problems) && problems.length > 0 ? (problems as Problem[]) : undefined;
}
