/**
 * `nn-lab train <file>`: trains with a progress bar on stderr (terminals only) and prints the
 * loss per epoch (text or JSON lines) and a final summary. Ctrl-C stops between batches.
 */
import { layerShapes } from '../../core/layers/kinds/registry';
import { inputShapeOf, type ResolvedConfig } from '../../core/config/resolved';
import { parseConfigText } from '../../core/config/parse-json';
import { prepareRun } from '../../core/config/load';
import { TrainingRun } from '../../core/train/trainer';
import { isObject } from '../../core/config/checks';
import { readConfigFile } from '../read-config';
import { copyWeights, loadTrainedModel, readModelFile } from '../model-input';
import { makeModelFile, type ModelFile } from '../../core/model/model-file';
import { writeError, writeFileAtomic } from '../write-file';
import { resolve } from 'path';
import { epochJson, formatEpoch, formatSummary, jsonLine, lossText, problemLines, problemsJson, summarize, warningJson } from '../format';
import { oneLine } from '../../core/problems';
import { ProgressBar } from '../progress';
import type { CliIo } from '../io';
import { isConfigFile } from '../../core/config/file-names';

/** Options of the train command. */
export interface TrainCommandOptions {
  file: string;
  json: boolean;
  quiet: boolean;
  epochs?: number;
  seed?: number;
  every?: number;
  /** Write the trained model here (the "Export Trained Model" format), atomically. */
  save?: string;
  /** Read data files outside both the current folder and the description's folder. */
  allowOutside?: boolean;
}

/** Runs the training and returns the exit code (0 completed, 1 invalid or diverged, 130 interrupted). */
export async function trainCommand(o: TrainCommandOptions, io: CliIo): Promise<number> {
  const { text, readFile, readBinaryFile, error } = readConfigFile(o.file, { allowOutside: o.allowOutside === true });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const parsed = parseConfigText(text);
  let source: unknown = text;
  // An exported model (`nn-lab-model`): train its config, starting from its saved weights.
  let saved: ModelFile | undefined;
  if (isObject(parsed.value) && parsed.value.format === 'nn-lab-model') {
    const file = readModelFile(text);
    if (typeof file === 'string') {
      io.err(`nn-lab: ${oneLine(o.file)}: ${oneLine(file)}`);
      return 1;
    }
    saved = file;
    source = file.config;
    parsed.value = file.config;
  }
  if (parsed.value !== undefined && isObject(parsed.value) && (o.epochs !== undefined || o.seed !== undefined)) {
    const training = isObject(parsed.value.training) ? { ...parsed.value.training } : {};
    if (o.epochs !== undefined) training.epochs = o.epochs;
    if (o.seed !== undefined) training.seed = o.seed;
    source = { ...parsed.value, training };
  }
  const prepared = prepareRun(source, { readFile, readBinaryFile });
  const { config, data, testData } = prepared;
  if (!config || !data) {
    if (o.json) io.out(jsonLine({ type: 'problems', file: o.file, problems: problemsJson(prepared.problems) }));
    else for (const line of problemLines(o.file, prepared.problems)) io.err(line);
    return 1;
  }
  // Warnings: text lines on stderr, or {"type":"warning",…} lines on stdout before the epochs (--json).
  if (o.json) for (const p of prepared.problems) io.out(warningJson(o.file, p));
  else for (const line of problemLines(o.file, prepared.problems)) io.err(line);
  const started = Date.now();
  const run = new TrainingRun(config, data, {
    shouldStop: io.interrupted,
    testData,
    spawnKernelHelper: io.spawnKernelHelper,
    ...(prepared.validationData ? { validationData: prepared.validationData } : {}),
  });
  if (saved) {
    const loaded = loadTrainedModel(saved);
    if (typeof loaded === 'string' || loaded.model.inputs !== config.inputs) {
      io.err(
        `nn-lab: ${oneLine(o.file)}: the saved weights do not fit the data: ${oneLine(typeof loaded === 'string' ? loaded : `${loaded.model.inputs} inputs saved, the data has ${config.inputs}`)}`,
      );
      return 1;
    }
    copyWeights(loaded.model, run.model);
    if (!o.json && !o.quiet) io.out(`continuing from the saved weights (${saved.training.epochs} epochs trained before)`);
  }
  const bar = new ProgressBar(io.bar);
  const total = config.training.epochs;
  const every = o.every ?? Math.max(1, Math.ceil(total / 100));
  if (!o.json && !o.quiet)
    io.out(
      `${oneLine(config.name)}: ${data.n} samples, ${shapeChain(config)}, ${config.optimizer.name}, ${config.loss} loss, ${total} epochs${testData ? `, ${testData.n} test samples` : ''}`,
    );
  while (!run.done) {
    const report = run.runEpoch();
    if (report) {
      const print = report.epoch % every === 0 || report.epoch === total || report.epoch === 1;
      if (o.json) io.out(epochJson(report));
      else if (!o.quiet && print) {
        bar.clear();
        io.out(formatEpoch(report));
      }
      if (!o.quiet) bar.update(report.epoch, total, `loss ${lossText(report.loss)}`);
    }
    // Let Ctrl-C's handler run between epochs; the trainer checks it between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  bar.clear();
  const status = run.status === 'running' ? 'cancelled' : run.status;
  const seconds = (Date.now() - started) / 1000;
  const trainingSamples = run.sizes.train;
  const summary = summarize(status, run.message, run.history, seconds, trainingSamples, prepared.digest, run.endReport);
  summary.bestEpoch = run.bestEpoch ?? null;
  summary.stoppedEpoch = run.stoppedEpoch ?? null;
  // A run stopped early has no last-epoch test metrics: evaluate the model as it is.
  if (testData && summary.testLoss === undefined && run.history.length > 0 && status !== 'diverged') {
    const test = run.testMetrics();
    if (test) {
      summary.testLoss = test.loss;
      if (test.accuracy !== undefined) summary.testAccuracy = test.accuracy;
    }
  }
  io.out(o.json ? jsonLine(summary) : formatSummary(summary));
  if (o.save !== undefined && !saveModel(o.save, o.file, source === text ? parsed.value : source, run, status, prepared.digest ?? '', io)) return 1;
  return status === 'completed' ? 0 : status === 'diverged' ? 1 : 130;
}

/**
 * Writes the trained model to `target` as "NN Lab: Export Trained Model" does (the description as
 * trained, its weights and a summary); never over a description. Returns false after reporting why not.
 */
function saveModel(target: string, file: string, description: unknown, run: TrainingRun, status: string, digest: string, io: CliIo): boolean {
  const shown = oneLine(target);
  if (resolve(target) === resolve(file) || isConfigFile(target)) {
    io.err(`nn-lab: --save will not write over a model description (${shown}); use a name like model.json`);
    return false;
  }
  if (status === 'diverged') {
    io.err(`nn-lab: the run diverged, so ${shown} was not written`);
    return false;
  }
  // The epoch whose weights the model holds (early stopping's restored best epoch, else the last one).
  const last = run.endReport;
  const model = makeModelFile(description, run.model.toJSON(), {
    status,
    epochs: run.history.length,
    finalLoss: last?.loss,
    digest,
    exportedAt: new Date().toISOString(),
  });
  try {
    writeFileAtomic(target, JSON.stringify(model, null, 1) + '\n');
  } catch (e) {
    io.err(`nn-lab: ${writeError(target, e)}`);
    return false;
  }
  io.err(`saved the trained model to ${shown}`);
  return true;
}

/**
 * The sample shape through the layers, e.g. "2 → 8 → 1", or with image layers "1×28×28 → 16×28×28 → … → 10"
 * (as far as shapes fit). A model without image layers shows its input as a feature count, as before.
 */
function shapeChain(config: ResolvedConfig): string {
  const input = inputShapeOf(config);
  const r = layerShapes(config.layers, input);
  const outs = 'shapes' in r ? r.shapes : [];
  if (!outs.some((s) => s.length > 1)) return [config.inputs, ...outs.map((s) => s.reduce((a, b) => a * b, 1))].join(' → ');
  return [input, ...outs].map((s) => s.join('×')).join(' → ');
}
