/**
 * The training loop. One `Rng(config.training.seed)` drives every random draw of a run, in a
 * fixed order: the validation split, the initial weights, the optimizer's own noise (Santa),
 * then each epoch's shuffle, so the same description and seed give a bit-identical history.
 *
 * Per epoch: shuffle the training samples (if `shuffle`), then for each mini-batch of
 * `batchSize` (the last one smaller) compute loss and gradients and take one optimizer step
 * with the batch loss (Eve needs it). The epoch loss is the sample-weighted mean of the batch
 * losses, L_epoch = Σ_b n_b·L_b / Σ_b n_b, and the training accuracy is counted on the same
 * batch outputs, before each step (as Keras does).
 *
 * Optional training keys: before each epoch a `schedule` sets the optimizer's learning rate;
 * after each batch's back-propagation the weight penalties (`l1`, `l2`) are added to the weight
 * gradients, then the gradients are clipped by global norm (`clipNorm`), then the optimizer
 * steps. After each epoch `earlyStopping` may end the run; whenever the run ends, the best
 * epoch's weights are restored when it says so.
 */
import type { ResolvedConfig } from '../config/resolved';
import { type Dataset, gatherInputs } from '../data/dataset';
import { BatchBuffer } from '../layers/batch-buffer';
import { createKernel } from '../linalg/default-kernel';
import { allocatorOf } from '../linalg/kernel';
import { countCorrect } from '../model/accuracy';
import { Sequential } from '../model/sequential';
import { optimizerRegistry } from '../optimizers';
import type { Optimizer } from '../optimizers/optimizer';
import { Rng } from '../rng';
import { checkDataFits } from './data-fit';
import { EarlyStopping } from './early-stopping';
import { addPenalties, clipGradientNorm, penalizedMask } from './penalties';
import { createSchedule, type LrSchedule } from './schedules';
import { describeNonFinite, describeRunaway, divergenceMessage, DIVERGENCE_FACTOR, firstRunaway, lossExploded, MAX_WEIGHT } from './divergence';
import { ChunkBuffers, EVAL_CHUNK, evaluateOn, type Metrics } from './evaluate';
import { gatherRows, SampleSplit, splitSamples } from './split';
import { testEveryEpoch } from './test-cost';
import type { EpochReport, RunStatus, TrainOptions, TrainResult } from './types';

export type { TrainResult } from './types';

/** Milliseconds from `performance.now()` where it exists (browsers, workers, Node), else `Date.now()`. */
function defaultClock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A training run that advances one epoch per `runEpoch()` call, so a host can interleave other work. */
export class TrainingRun {
  /** The model being trained (its weights change in place). */
  readonly model: Sequential;
  /** Reports of the finished epochs, oldest first. */
  readonly history: EpochReport[] = [];
  /** 'running' until the run completes, is cancelled or diverges. */
  status: 'running' | RunStatus = 'running';
  /** Why the run stopped early (cancellation or divergence, naming the epoch). */
  message?: string;
  /** Mini-batches trained so far (optimizer steps taken). */
  batchesDone = 0;
  /** The epoch early stopping ended the run at (undefined when it did not). */
  stoppedEpoch: number | undefined;
  /** The epoch whose weights the model holds after the run, when early stopping restored them. */
  restoredEpoch: number | undefined;

  private readonly rng: Rng;
  private readonly optimizer: Optimizer;
  private readonly split: SampleSplit;
  private readonly classification: boolean;
  private readonly batchSize: number;
  private readonly testPerEpoch: boolean;
  private lastTest: { batches: number; metrics: Metrics } | undefined;
  /** The batch being trained, gathered straight into the kernel's memory. */
  private readonly batchX: BatchBuffer;
  private readonly batchT: BatchBuffer;
  /** Validation and test chunks, in the kernel's memory, reused every epoch. */
  private readonly evalBuffers: ChunkBuffers;
  private readonly now: () => number;
  private startedAt: number | undefined;
  private epoch = 0;
  /** The optimizer's configured learning rate lr₀ (undefined when it has none, e.g. AdaDelta). */
  private readonly lr0: number | undefined;
  private readonly schedule: LrSchedule | undefined;
  /** The rate of the epoch being trained. */
  private lr: number | undefined;
  private readonly penalized: boolean[];
  private readonly earlyStopping: EarlyStopping | undefined;

  /** Prepares the run (split, weights, optimizer); throws NnError when data and description disagree. */
  constructor(
    readonly config: ResolvedConfig,
    readonly data: Dataset,
    private readonly options: TrainOptions = {},
  ) {
    checkDataFits(config, data);
    this.rng = new Rng(config.training.seed);
    // A validationData set replaces the split: every sample of data trains (and the split draws nothing).
    this.split = splitSamples(data.n, options.validationData ? 0 : config.training.validationSplit, this.rng);
    this.model = Sequential.build(config, this.rng, options.kernel ?? createKernel(config.training.precision, options.spawnKernelHelper));
    const alloc = allocatorOf(this.model.kernel);
    this.batchX = new BatchBuffer(alloc);
    this.batchT = new BatchBuffer(alloc);
    this.evalBuffers = new ChunkBuffers(alloc);
    this.optimizer = optimizerRegistry.create(config.optimizer.name, config.optimizer.params, { path: ['optimizer'], rng: this.rng });
    // Its state then lives beside the weights, and the kernel may run its steps (same numbers).
    this.optimizer.useKernel?.(this.model.kernel);
    this.classification = data.task === 'classification';
    this.batchSize = Math.max(1, Math.min(config.training.batchSize, this.split.train.length));
    if (options.testData) checkDataFits(config, options.testData, 'testData');
    if (options.validationData) checkDataFits(config, options.validationData, 'validationData');
    this.testPerEpoch = options.testData !== undefined && testEveryEpoch(options.testData.n, this.split.train.length);
    this.now = options.now ?? defaultClock;
    const t = config.training;
    const rateName = optimizerRegistry.entry(config.optimizer.name).learningRate;
    this.lr0 = rateName === undefined ? undefined : config.optimizer.params[rateName];
    this.lr = this.lr0;
    if (t.schedule && this.lr0 !== undefined && this.optimizer.setLearningRate) this.schedule = createSchedule(t.schedule, { lr0: this.lr0, epochs: t.epochs });
    this.penalized = penalizedMask(this.model, config.layers);
    if (t.earlyStopping) this.earlyStopping = new EarlyStopping(t.earlyStopping, this.hasValidation, this.model);
    if (config.training.epochs <= 0) this.status = 'completed';
  }

  /** True once the run has completed, been cancelled or diverged. */
  get done(): boolean {
    return this.status !== 'running';
  }

  /** Number of training and validation samples. */
  get sizes(): { train: number; validation: number } {
    return { train: this.split.train.length, validation: this.options.validationData?.n ?? this.split.validation.length };
  }

  /** True when epochs report validation metrics (a `validationData` set or a non-empty split). */
  get hasValidation(): boolean {
    return this.options.validationData !== undefined || this.split.validation.length > 0;
  }

  /** Trains one epoch and returns its report, or undefined when the run has stopped (see `status`). */
  runEpoch(): EpochReport | undefined {
    if (this.done) return undefined;
    const epochStart = this.now();
    this.startedAt ??= epochStart;
    const epoch = ++this.epoch;
    const { data, model } = this;
    const order = this.split.train;
    const nTrain = order.length;
    if (this.config.training.shuffle) this.rng.shuffle(order);
    const params = model.params(),
      grads = model.grads();
    const { l1 = 0, l2 = 0, clipNorm } = this.config.training;
    if (this.schedule) {
      this.lr = this.schedule.rate(epoch - 1);
      this.optimizer.setLearningRate?.(this.lr);
    }
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < nTrain; start += this.batchSize) {
      if (this.options.shouldStop?.()) return this.stop('cancelled', `Training cancelled during epoch ${epoch}.`);
      const count = Math.min(this.batchSize, nTrain - start);
      const bx = this.batchX.fit(count * data.inputs);
      const bt = this.batchT.fit(count * data.outputs);
      gatherInputs(data, order, start, count, bx);
      gatherRows(data.y, data.outputs, order, start, count, bt);
      const loss = model.lossAndGradients(bx, bt, count);
      if (!Number.isFinite(loss)) return this.stop('diverged', divergenceMessage(epoch, `loss became ${describeNonFinite(loss)}`, this.config.optimizer));
      lossSum += loss * count;
      if (this.classification) correct += countCorrect(model.lastOutput, bt, count, data.outputs);
      addPenalties(params, grads, this.penalized, l1, l2);
      if (clipNorm !== undefined) clipGradientNorm(grads, clipNorm);
      this.optimizer.step(params, grads, loss);
      this.batchesDone++;
      const kernel = model.kernel;
      const bad = kernel.firstRunaway ? kernel.firstRunaway(params, MAX_WEIGHT) : firstRunaway(params);
      if (bad !== undefined) return this.stop('diverged', divergenceMessage(epoch, describeRunaway(bad), this.config.optimizer));
    }
    const epochLoss = lossSum / nTrain;
    const first = this.history[0]?.loss ?? epochLoss;
    if (lossExploded(epochLoss, first))
      return this.stop(
        'diverged',
        divergenceMessage(
          epoch,
          `loss ${epochLoss.toPrecision(3)} is more than ${DIVERGENCE_FACTOR.toExponential(0)} × the first epoch's ${first.toPrecision(3)}`,
          this.config.optimizer,
        ),
      );
    const report = this.report(epoch, epochLoss, correct / nTrain, epochStart);
    this.history.push(report);
    // ReduceLROnPlateau watches the validation loss, else the training loss.
    this.schedule?.observe?.(report.valLoss ?? report.loss);
    const stopEarly = this.earlyStopping?.observe(report) === true;
    if (epoch >= this.config.training.epochs || stopEarly) {
      if (epoch < this.config.training.epochs) this.stoppedEpoch = epoch;
      this.status = 'completed';
      this.end();
    }
    this.options.onEpoch?.(report);
    return report;
  }

  /** Ends a run that is still running as cancelled (the best epoch's weights restored when early stopping says so). */
  cancel(message = 'Training cancelled.'): void {
    if (!this.done) this.stop('cancelled', message);
  }

  /** The best epoch so far by early stopping's metric (undefined without early stopping). */
  get bestEpoch(): number | undefined {
    return this.earlyStopping?.bestEpoch;
  }

  /** The report of the epoch whose weights the model holds: the restored best epoch, else the last one. */
  get endReport(): EpochReport | undefined {
    return this.restoredEpoch !== undefined ? this.history[this.restoredEpoch - 1] : this.history[this.history.length - 1];
  }

  /** What ends every run: the best epoch's weights restored (early stopping with restoreBest), the helper thread stopped. */
  private end(): void {
    if (this.earlyStopping?.restore()) {
      this.restoredEpoch = this.earlyStopping.bestEpoch;
      // The test metrics cached for the last weights no longer hold.
      this.lastTest = undefined;
    }
    // Said only when the weights differ from the last epoch's.
    const restored = this.restoredEpoch === undefined || this.restoredEpoch === this.history.length ? '' : `restored epoch ${this.restoredEpoch}`;
    if (this.stoppedEpoch !== undefined) this.message = `Training stopped early at epoch ${this.stoppedEpoch}${restored ? `, ${restored}` : ''}.`;
    else if (restored)
      this.message = this.message === undefined ? `Restored epoch ${this.restoredEpoch}.` : `${this.message} Restored epoch ${this.restoredEpoch}.`;
    this.releaseKernel();
  }

  /** The epoch's report, with the validation metrics when there is a validation split. */
  private report(epoch: number, loss: number, accuracy: number, epochStart: number): EpochReport {
    const report: EpochReport = { epoch, epochs: this.config.training.epochs, loss, elapsed: 0, samplesPerSecond: 0 };
    if (this.lr !== undefined) report.lr = this.lr;
    if (this.classification) report.accuracy = accuracy;
    if (this.hasValidation) {
      const { validationData } = this.options;
      const val = validationData
        ? evaluateOn(this.model, validationData, undefined, this.classification, EVAL_CHUNK, this.evalBuffers)
        : evaluateOn(this.model, this.data, this.split.validation, this.classification, EVAL_CHUNK, this.evalBuffers);
      report.valLoss = val.loss;
      if (val.accuracy !== undefined) report.valAccuracy = val.accuracy;
    }
    // The test set: every epoch when that is cheap (see test-cost.ts), else after the last one.
    if (this.options.testData && (this.testPerEpoch || epoch >= this.config.training.epochs)) {
      const test = this.testMetrics();
      if (test) {
        report.testLoss = test.loss;
        if (test.accuracy !== undefined) report.testAccuracy = test.accuracy;
      }
    }
    const end = this.now();
    report.elapsed = (end - (this.startedAt ?? epochStart)) / 1000;
    // 0 when the clock did not advance (keeps the report JSON-safe: no Infinity).
    report.samplesPerSecond = end > epochStart ? this.split.train.length / ((end - epochStart) / 1000) : 0;
    return report;
  }

  /** Loss (and accuracy) of the model now on the `testData` of the options; undefined without one. */
  testMetrics(): Metrics | undefined {
    const test = this.options.testData;
    if (!test) return undefined;
    // The weights change only by optimizer steps: the last evaluation holds while no step was taken.
    if (this.lastTest?.batches !== this.batchesDone)
      this.lastTest = { batches: this.batchesDone, metrics: evaluateOn(this.model, test, undefined, this.classification, EVAL_CHUNK, this.evalBuffers) };
    return this.lastTest.metrics;
  }

  /** Indices of the validation samples (empty without a validation split). */
  get validationIndices(): Uint32Array {
    return this.split.validation;
  }

  /** Stops the helper thread of a kernel this run created (the model still predicts afterwards). */
  private releaseKernel(): void {
    if (this.options.kernel === undefined) this.model.kernel.dispose?.();
  }

  private stop(status: RunStatus, message: string): undefined {
    this.status = status;
    this.message = message;
    this.end();
    return undefined;
  }
}

/** Trains to the end (or until cancelled or diverged) and returns the outcome. */
export function train(config: ResolvedConfig, data: Dataset, options?: TrainOptions): TrainResult {
  const run = new TrainingRun(config, data, options);
  while (!run.done) run.runEpoch();
  const result: TrainResult = { status: run.status as RunStatus, history: run.history, model: run.model };
  if (run.message !== undefined) result.message = run.message;
  if (run.bestEpoch !== undefined) result.bestEpoch = run.bestEpoch;
  if (run.stoppedEpoch !== undefined) result.stoppedEpoch = run.stoppedEpoch;
  return result;
}
