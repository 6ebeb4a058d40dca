/**
 * `nn-lab sweep <file>`: trains every combination of the file's `"sweep"` block on a pool of
 * worker threads, prints one line per finished combination (text or `--json` lines) and a
 * summary naming the best; `--write-best` writes the best configuration. Ctrl-C stops every run.
 */
import { join, resolve } from 'path';
import { parseConfigText } from '../../core/config/parse-json';
import { prepareRun } from '../../core/config/load';
import { validateConfig } from '../../core/config/validate';
import { isObject } from '../../core/config/checks';
import { oneLine } from '../../core/problems';
import { checkSweep } from '../../core/sweep/check-sweep';
import { planSweep, type CombinationValidator } from '../../core/sweep/sweep-plan';
import type { SweepSpec } from '../../core/sweep/sweep-types';
import { bestConfigText } from '../../core/sweep/write-best';
import { SweepRunner } from '../../node/sweep/sweep-runner';
import { workerPool } from '../../node/sweep/worker-pool';
import { readConfigFile } from '../read-config';
import { jsonLine, problemLines, problemsJson, warningJson } from '../format';
import { formatResult, formatSweepSummary, resultJson, summaryJson } from '../sweep-format';
import { writeError, writeFileAtomic } from '../write-file';
import type { CliIo } from '../io';
import { ProgressBar } from '../progress';

/** Options of the sweep command. */
export interface SweepCommandOptions {
  file: string;
  json: boolean;
  /** Runs at the same time (default: one per core). */
  workers?: number;
  /** Write the best configuration here. */
  writeBest?: string;
  /** Read data files outside both the current folder and the description's folder. */
  allowOutside?: boolean;
  /** The training worker's script (default: `worker.js` beside this bundle, i.e. dist/worker.js). */
  workerPath?: string;
}

/** How often Ctrl-C is looked for while the runs go, in milliseconds. */
const INTERRUPT_POLL_MS = 50;

/** Runs the sweep; exit code 0 when a best run was found, 1 for an invalid file or no completed run, 130 interrupted. */
export async function sweepCommand(o: SweepCommandOptions, io: CliIo): Promise<number> {
  const cwd = process.cwd();
  const { text, readFile, readBinaryFile, error } = readConfigFile(o.file, { allowOutside: o.allowOutside === true, cwd });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const parsed = parseConfigText(text);
  const checked = parsed.problems.length ? { problems: parsed.problems } : checkSweep(parsed.value);
  const spec = 'spec' in checked ? checked.spec : undefined;
  if (!spec || !isObject(parsed.value)) {
    if (o.json) io.out(jsonLine({ type: 'problems', file: o.file, problems: problemsJson(checked.problems) }));
    else for (const line of problemLines(o.file, checked.problems)) io.err(line);
    return 1;
  }
  if (o.json) for (const p of checked.problems) io.out(warningJson(o.file, p));
  else for (const line of problemLines(o.file, checked.problems)) io.err(line);
  const config = parsed.value;
  const plan = planSweep(config, spec, dataAwareValidator(config, spec, readFile, readBinaryFile));
  const total = plan.combinations.length;
  const configDir = resolve(o.file, '..');
  // On a terminal, "[=====>   ] 5/12 runs" on stderr under the lines of the finished runs.
  const bar = new ProgressBar(io.bar);
  const access = { root: configDir, workingDir: cwd, allowOutside: o.allowOutside === true, scope: 'cli' as const };
  const runner = new SweepRunner(
    plan,
    workerPool(o.workerPath ?? join(__dirname, 'worker.js'), configDir, access),
    (event) => {
      if (event.type !== 'result') return;
      bar.clear();
      io.out(o.json ? resultJson(event.result) : formatResult(event.result, total));
      if (!o.json) bar.update(event.done, total, 'runs', true);
    },
    o.workers !== undefined ? { workers: o.workers } : {},
  );
  const started = Date.now();
  const poll = setInterval(() => {
    if (io.interrupted()) runner.cancel();
  }, INTERRUPT_POLL_MS);
  const outcome = await runner.run().finally(() => clearInterval(poll));
  bar.clear();
  io.out(
    o.json
      ? summaryJson(total, spec.metric, outcome.best)
      : formatSweepSummary(outcome.results, spec.metric, outcome.best, spec.repeats, (Date.now() - started) / 1000),
  );
  if (outcome.best && o.writeBest !== undefined && !writeBest(o.writeBest, o.file, text, spec, plan.configFor(outcome.best.index, 0), io)) return 1;
  if (outcome.cancelled) return 130;
  return outcome.best ? 0 : 1;
}

/**
 * The config checker for each combination: with the data's shape (loaded once from the file as it
 * is) when no swept setting touches a data block, so shapes are checked before anything trains;
 * otherwise the checks that need no data (the run itself reports the rest).
 */
function dataAwareValidator(
  config: Record<string, unknown>,
  spec: SweepSpec,
  readFile: (p: string) => string,
  readBinaryFile: (p: string) => Uint8Array,
): CombinationValidator {
  const touchesData = spec.parameters.some((p) => p.path[0] === 'data' || p.path[0] === 'testData' || p.path[0] === 'validationData');
  const base = touchesData ? undefined : prepareRun(config, { readFile, readBinaryFile });
  const options = base?.data ? { dataShape: base.data, ...(base.testData ? { testDataShape: base.testData } : {}) } : {};
  return (json) => validateConfig(json, options).problems;
}

/** Writes the best configuration (never over the swept file itself); false after saying why not. */
function writeBest(target: string, file: string, text: string, spec: SweepSpec, resolved: Record<string, unknown>, io: CliIo): boolean {
  const shown = oneLine(target);
  if (resolve(target) === resolve(file)) {
    io.err(`nn-lab: --write-best will not write over the swept file (${shown}); choose another name, e.g. best.nn.json`);
    return false;
  }
  try {
    writeFileAtomic(target, bestConfigText(text, spec, resolved));
  } catch (e) {
    io.err(`nn-lab: ${writeError(target, e)}`);
    return false;
  }
  io.err(`wrote the best configuration to ${shown}`);
  return true;
}
