/**
 * `nn-lab check <file>`: lists every problem, exits 1 when any is an error.
 */
import { prepareRun } from '../../core/config/load';
import { readConfigFile } from '../read-config';
import { formatExcerpt, formatProblem, problemsJson } from '../format';
import { oneLine } from '../../core/problems';
import type { CliIo } from '../io';

/** Runs the check and returns the exit code. */
export function checkCommand(file: string, json: boolean, io: CliIo): number {
  const { text, readFile, error } = readConfigFile(file);
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const run = prepareRun(text, { readFile });
  const errors = run.problems.filter((p) => p.severity === 'error').length;
  const warnings = run.problems.length - errors;
  if (json) {
    io.out(JSON.stringify({ type: 'check', file, ok: errors === 0, errors, warnings, problems: problemsJson(run.problems) }));
  } else {
    for (const p of run.problems) {
      io.out(formatProblem(file, p));
      const excerpt = formatExcerpt(p);
      if (excerpt) io.out(excerpt);
    }
    if (errors === 0)
      io.out(`${oneLine(file)}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}: ${run.data?.n} samples, ${run.data?.inputs} inputs, ${run.data?.outputs} outputs, ${run.config?.layers.length} layers`);
  }
  return errors ? 1 : 0;
}
