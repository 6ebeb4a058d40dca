/**
 * `nn-lab train <file>`: trains with a progress bar on stderr (terminals only) and prints the
 * loss per epoch (text or JSON lines) and a final summary. Ctrl-C stops between batches.
 */
import { parseConfigText } from '../../core/config/parse-json';
import { prepareRun } from '../../core/config/load';
import { TrainingRun } from '../../core/train/trainer';
import { isObject } from '../../core/config/checks';
import { validationCount } from '../../core/config/semantics';
import { readConfigFile } from '../read-config';
import { copyWeights, loadTrainedModel, readModelFile } from '../model-input';
import type { ModelFile } from '../../shared/model-file';
import { epochJson, formatEpoch, formatProblem, formatSummary, lossText, summarize } from '../format';
import { ProgressBar } from '../progress';
import type { CliIo } from '../io';

/** Options of the train command. */
export interface TrainCommandOptions {
  file: string;
  json: boolean;
  quiet: boolean;
  epochs?: number;
  seed?: number;
  every?: number;
}

/** Runs the training and returns the exit code (0 completed, 1 invalid or diverged, 130 interrupted). */
export async function trainCommand(o: TrainCommandOptions, io: CliIo): Promise<number> {
  const { text, readFile, error } = readConfigFile(o.file);
  if (text === undefined) {
    io.err(`nn-lab: ${error}`);
    return 2;
  }
  const parsed = parseConfigText(text);
  let source: unknown = text;
  // An exported model (`nn-lab-model`): train its config, starting from its saved weights.
  let saved: ModelFile | undefined;
  if (isObject(parsed.value) && parsed.value.format === 'nn-lab-model') {
    const file = readModelFile(text);
    if (typeof file === 'string') {
      io.err(`nn-lab: ${o.file}: ${file}`);
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
  const prepared = prepareRun(source, { readFile });
  const { config, data } = prepared;
  if (!config || !data) {
    if (o.json) io.out(JSON.stringify({ type: 'problems', file: o.file, problems: prepared.problems }));
    else for (const p of prepared.problems) io.err(formatProblem(o.file, p));
    return 1;
  }
  if (!o.json) for (const p of prepared.problems) io.err(formatProblem(o.file, p));
  const started = Date.now();
  const run = new TrainingRun(config, data, { shouldStop: io.interrupted, spawnKernelHelper: io.spawnKernelHelper });
  if (saved) {
    const loaded = loadTrainedModel(saved);
    if (typeof loaded === 'string' || loaded.model.inputs !== config.inputs) {
      io.err(`nn-lab: ${o.file}: the saved weights do not fit the data: ${typeof loaded === 'string' ? loaded : `${loaded.model.inputs} inputs saved, the data has ${config.inputs}`}`);
      return 1;
    }
    copyWeights(loaded.model, run.model);
    if (!o.json && !o.quiet) io.out(`continuing from the saved weights (${saved.training.epochs} epochs trained before)`);
  }
  const bar = new ProgressBar(io.bar);
  const total = config.training.epochs;
  const every = o.every ?? Math.max(1, Math.ceil(total / 100));
  if (!o.json && !o.quiet) io.out(`${config.name}: ${data.n} samples, ${data.inputs} → ${config.layers.map((l) => l.units).join(' → ')}, ${config.optimizer.name}, ${config.loss} loss, ${total} epochs`);
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
  const trainingSamples = data.n - validationCount(data.n, config.training.validationSplit);
  const summary = summarize(status, run.message, run.history, seconds, trainingSamples, prepared.digest);
  io.out(o.json ? JSON.stringify(summary) : formatSummary(summary));
  return status === 'completed' ? 0 : status === 'diverged' ? 1 : 130;
}
