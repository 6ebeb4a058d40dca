/**
 * `nn-lab check <file>`: lists every problem, exits 1 when any is an error.
 */
import { prepareRun } from '../../core/config/load';
import { parseConfigText } from '../../core/config/parse-json';
import { isObject } from '../../core/config/checks';
import { checkSweep } from '../../core/sweep/check-sweep';
import { readConfigFile } from '../read-config';
import { isModelFileText, loadTrainedModel, readModelFile } from '../model-input';
import { jsonLine, problemLines, problemsJson } from '../format';
import { oneLine } from '../../core/problems';
import type { CliIo } from '../io';

/** Runs the check and returns the exit code. */
export function checkCommand(file: string, json: boolean, io: CliIo, allowOutside = false): number {
  const { text, readFile, readBinaryFile, error } = readConfigFile(file, { allowOutside });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  if (isModelFileText(text)) return checkModelFile(file, text, json, io);
  const run = prepareRun(text, { readFile, readBinaryFile });
  // A "sweep" block (read by nn-lab sweep, ignored by training) is checked too.
  const value = run.syntaxError ? undefined : parseConfigText(text).value;
  if (isObject(value) && Object.hasOwn(value, 'sweep')) run.problems.push(...checkSweep(value).problems);
  const errors = run.problems.filter((p) => p.severity === 'error').length;
  const warnings = run.problems.length - errors;
  if (json) {
    io.out(jsonLine({ type: 'check', file, ok: errors === 0, errors, warnings, problems: problemsJson(run.problems) }));
  } else {
    for (const line of problemLines(file, run.problems)) io.out(line);
    if (errors === 0)
      io.out(
        `${oneLine(file)}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}: ${run.data?.n} samples, ${run.data?.inputs} inputs, ${run.data?.outputs} outputs, ${run.config?.layers.length} layers${run.testData ? `, ${run.testData.n} test samples` : ''}`,
      );
  }
  return errors ? 1 : 0;
}

/** `check` of an exported model file: its description and weights are checked as `predict` loads them. */
function checkModelFile(file: string, text: string, json: boolean, io: CliIo): number {
  const model = readModelFile(text);
  const loaded = typeof model === 'string' ? model : loadTrainedModel(model);
  const error = typeof loaded === 'string' ? oneLine(loaded) : undefined;
  if (json)
    io.out(
      jsonLine({
        type: 'check',
        file,
        ok: !error,
        errors: error ? 1 : 0,
        warnings: 0,
        problems: error ? [{ path: [], severity: 'error', message: error }] : [],
      }),
    );
  else if (error) io.out(`${oneLine(file)}: (model): error: ${error}`);
  else if (typeof loaded !== 'string')
    io.out(`${oneLine(file)}: ok: model file, ${loaded.model.inputs} inputs, ${loaded.model.outputs} outputs, ${loaded.model.layers.length} layers`);
  return error ? 1 : 0;
}
