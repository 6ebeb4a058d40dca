/**
 * `nn-lab check <file>`: lists every problem, exits 1 when any is an error.
 */
import { prepareRun } from '../../core/config/load';
import { readConfigFile } from '../read-config';
import { formatProblem } from '../format';
import type { CliIo } from '../io';

/** Runs the check and returns the exit code. */
export function checkCommand(file: string, json: boolean, io: CliIo, allowOutside = false): number {
  const { text, readFile, readBinaryFile, error } = readConfigFile(file, { allowOutside });
  if (text === undefined) {
    io.err(`nn-lab: ${error}`);
    return 2;
  }
  const run = prepareRun(text, { readFile, readBinaryFile });
  const errors = run.problems.filter((p) => p.severity === 'error').length;
  const warnings = run.problems.length - errors;
  if (json) {
    io.out(JSON.stringify({ type: 'check', file, ok: errors === 0, errors, warnings, problems: run.problems }));
  } else {
    for (const p of run.problems) io.out(formatProblem(file, p));
    if (errors === 0)
      io.out(`${file}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}: ${run.data?.n} samples, ${run.data?.inputs} inputs, ${run.data?.outputs} outputs, ${run.config?.layers.length} layers${run.testData ? `, ${run.testData.n} test samples` : ''}`);
  }
  return errors ? 1 : 0;
}
