/**
 * `checkSweep`: reads and checks the top-level `"sweep"` block of a parsed config. Every mistake is
 * one problem with its JSON path under `sweep` (e.g. `sweep.parameters["layers[9].units"]: no
 * layer 9 …`); nothing throws. The config's own checker ignores the block (the trainer never reads it).
 */
import { didYouMean, formatPath, quote, type JsonPath, type Problem } from '../problems';
import { Checker, checkKeys, describeType, isObject } from '../config/checks';
import { checkBlock, type KeySpecs } from '../config/key-spec';
import { DEFAULT_LIMITS } from '../config/limits';
import { ROOT_KEYS } from '../config/keys';
import { MAX_SEED } from '../config/validate-training';
import { pathProblem, parseSweepPath, valueAt } from './sweep-path';
import {
  DEFAULT_SWEEP_SEED,
  SWEEP_LIMITS,
  SWEEP_METHODS,
  SWEEP_METRICS,
  type SweepMethod,
  type SweepMetric,
  type SweepParameter,
  type SweepSpec,
  type SweepValue,
} from './sweep-types';
import { parametersSchema } from './sweep-schema-parts';
import { checkSweepValues } from './check-values';

/** The keys of one parameter of `sweep.parameters`. */
export const SWEEP_PARAMETER_KEYS = ['values', 'min', 'max', 'scale', 'integer'] as const;

/** The keys of the `sweep` block (besides `parameters`), declared once for the checks, the schema and the docs. */
export const SWEEP_SPECS: KeySpecs = {
  method: {
    type: 'choice',
    choices: SWEEP_METHODS,
    default: 'grid',
    doc: '`grid` trains every combination of the listed `values`; `random` draws `runs` combinations (ranges allowed) from `seed`.',
    choiceDocs: { grid: 'Every combination, the last parameter changing fastest.', random: '`runs` seeded draws; ranges allowed.' },
  },
  runs: {
    type: 'integer',
    min: 1,
    max: SWEEP_LIMITS.maxRuns,
    doc: 'How many combinations a `random` sweep draws (required there; a grid runs all of its combinations).',
  },
  seed: {
    type: 'integer',
    min: 0,
    max: MAX_SEED,
    default: DEFAULT_SWEEP_SEED,
    doc: "Seed of a `random` sweep's draws: the same block draws the same combinations.",
  },
  metric: {
    type: 'choice',
    choices: SWEEP_METRICS,
    docDefault: '`"valLoss"` with validation data, else `"loss"`',
    doc: 'The final metric that picks the best run (lowest loss, highest accuracy), on the mean over repeats.',
  },
  repeats: {
    type: 'integer',
    min: 1,
    max: SWEEP_LIMITS.maxRepeats,
    default: 1,
    doc: "Seeds per combination: the config's `training.seed`, then the next ones; metrics are the mean over them.",
  },
  parameters: {
    type: 'custom',
    required: true,
    docType: 'object',
    doc: 'The swept settings, keyed by their path in the config (as `nn-lab check` prints it: `optimizer.alpha`, `layers[0].units`, `training.l2`): each `{ "values": [...] }` or a range `{ "min", "max", "scale": "linear" | "log", "integer" }` (random sweeps).',
    check: (_c, value) => value,
    schema: () => parametersSchema(),
  },
};

/** What `checkSweep` found: the block with defaults filled in (undefined when any problem is an error) and every problem. */
export interface SweepCheck {
  spec?: SweepSpec;
  problems: Problem[];
}

/** Checks `config.sweep` (absent: a problem saying so). */
export function checkSweep(config: unknown): SweepCheck {
  const c = new Checker(DEFAULT_LIMITS);
  const at: JsonPath = ['sweep'];
  if (!isObject(config) || !Object.hasOwn(config, 'sweep')) {
    c.error(
      isObject(config) ? [] : at,
      'the config has no "sweep" block: add "sweep": { "method": "grid", "parameters": { "optimizer.alpha": { "values": [0.001, 0.01] } } }',
      'missing',
    );
    return { problems: c.problems };
  }
  const block = config.sweep;
  if (!isObject(block)) {
    c.error(at, `sweep must be an object such as { "method": "grid", "parameters": { … } }, got ${describeType(block)}`);
    return { problems: c.problems };
  }
  const { values } = checkBlock(c, block, SWEEP_SPECS, at, { where: 'sweep' });
  const method = (values.method ?? 'grid') as SweepMethod;
  const parameters = block.parameters === undefined ? [] : checkParameters(c, config, block.parameters, method);
  const metric = (values.metric as SweepMetric | undefined) ?? (hasValidation(config) ? 'valLoss' : 'loss');
  if (values.metric !== undefined) checkMetricAvailable(c, config, metric, parameters);
  const repeats = (values.repeats as number | undefined) ?? 1;
  let runs = values.runs as number | undefined;
  if (method === 'random' && block.runs === undefined) c.error(at, 'a random sweep needs "runs": how many combinations to draw, e.g. "runs": 20', 'missing');
  if (method === 'grid' && parameters.length > 0 && !c.hasErrors()) {
    const size = parameters.reduce((n, p) => n * (p.kind === 'values' ? p.values.length : 1), 1);
    if (block.runs !== undefined && runs !== size)
      c.warning(
        [...at, 'runs'],
        `a grid runs every combination (${size}), so "runs" is ignored: use "method": "random" to draw ${runs ?? 'some'} of them`,
        'ignored',
      );
    runs = size;
    if (size > SWEEP_LIMITS.maxRuns)
      c.error(
        [...at, 'parameters'],
        `the grid has ${size} combinations, more than ${SWEEP_LIMITS.maxRuns}: list fewer values or use "method": "random"`,
        'limit',
      );
    else if (size > SWEEP_LIMITS.warnGridRuns)
      c.warning(
        [...at, 'parameters'],
        `the grid has ${size} combinations (more than ${SWEEP_LIMITS.warnGridRuns}): consider "method": "random" with fewer "runs"`,
        'large-grid',
      );
  }
  if (runs !== undefined && runs * repeats > SWEEP_LIMITS.maxRuns)
    c.error(
      [...at, 'repeats'],
      `${runs} combinations × ${repeats} repeats is more than ${SWEEP_LIMITS.maxRuns} trainings: sweep fewer combinations or repeats`,
      'limit',
    );
  if (block.parameters !== undefined && isObject(block.parameters) && Object.keys(block.parameters).length === 0)
    c.error([...at, 'parameters'], 'sweep.parameters is empty: add at least one, e.g. "optimizer.alpha": { "values": [0.001, 0.01] }', 'missing');
  if (c.hasErrors() || runs === undefined) return { problems: c.problems };
  const seed = (values.seed as number | undefined) ?? DEFAULT_SWEEP_SEED;
  const spec: SweepSpec = { method, runs, seed, metric, repeats, parameters };
  return { spec, problems: [...c.problems, ...checkSweepValues(config, spec)] };
}

/** True when the config has validation data (a split or a `validationData` block). */
function hasValidation(config: Record<string, unknown>): boolean {
  const split = valueAt(config, ['training', 'validationSplit']);
  return config.validationData !== undefined || (typeof split === 'number' && split > 0);
}

/** A validation or test metric needs that data (unless a swept parameter supplies it). */
function checkMetricAvailable(c: Checker, config: Record<string, unknown>, metric: SweepMetric, parameters: readonly SweepParameter[]): void {
  const swept = (root: string, key?: string): boolean => parameters.some((p) => p.path[0] === root && (key === undefined || p.path[1] === key));
  if ((metric === 'valLoss' || metric === 'valAccuracy') && !hasValidation(config) && !swept('validationData') && !swept('training', 'validationSplit'))
    c.error(
      ['sweep', 'metric'],
      `"${metric}" needs validation data: set "training": { "validationSplit": 0.2 } or a "validationData" block, or rank by "loss"`,
      'range',
    );
  if ((metric === 'testLoss' || metric === 'testAccuracy') && config.testData === undefined && !swept('testData'))
    c.error(['sweep', 'metric'], `"${metric}" needs a "testData" block: add one, or rank by "loss"`, 'range');
}

/** Keys of the config a sweep may not change. */
const NOT_SWEPT = ['$schema', 'sweep'];

function checkParameters(c: Checker, config: Record<string, unknown>, value: unknown, method: SweepMethod): SweepParameter[] {
  const at: JsonPath = ['sweep', 'parameters'];
  if (!isObject(value)) {
    c.error(at, `sweep.parameters must be an object such as { "optimizer.alpha": { "values": [0.001, 0.01] } }, got ${describeType(value)}`);
    return [];
  }
  const keys = Object.keys(value);
  if (keys.length > SWEEP_LIMITS.maxParameters) {
    c.error(at, `sweep.parameters has ${keys.length} parameters, more than ${SWEEP_LIMITS.maxParameters}`, 'limit');
    return [];
  }
  const out: SweepParameter[] = [];
  for (const key of keys) {
    const parameter = checkParameter(c, config, key, value[key], [...at, key], method);
    if (!parameter) continue;
    const shown = formatPath(parameter.path);
    const clash = out.find((p) => isPrefix(p.path, parameter.path) || isPrefix(parameter.path, p.path));
    if (clash)
      c.error(
        [...at, key],
        formatPath(clash.path) === shown
          ? `the same setting as ${quote(clash.key)}: sweep each setting once`
          : `overlaps ${quote(clash.key)} (one sets a part of the other): sweep one of them`,
        'duplicate',
      );
    else out.push(parameter);
  }
  return out;
}

function checkParameter(
  c: Checker,
  config: Record<string, unknown>,
  key: string,
  spec: unknown,
  at: JsonPath,
  method: SweepMethod,
): SweepParameter | undefined {
  const path = parseSweepPath(key);
  if (typeof path === 'string') {
    c.error(at, `${quote(key)} ${path}`, 'path');
    return undefined;
  }
  const root = path[0];
  const roots = (ROOT_KEYS as readonly string[]).filter((k) => !NOT_SWEPT.includes(k));
  if (typeof root !== 'string' || !roots.includes(root)) {
    const suggestion = typeof root === 'string' ? didYouMean(root, roots) : undefined;
    c.error(
      at,
      `${quote(key)} does not lead into the config: ${typeof root === 'string' ? `unknown top-level key ${quote(root)}.` : 'it starts with an index.'}${suggestion ? ` Did you mean "${suggestion}"?` : ''} Paths start with one of: ${roots.join(', ')}`,
      'path',
    );
    return undefined;
  }
  const problem = pathProblem(config, path);
  if (problem) {
    c.error(at, problem, 'path');
    return undefined;
  }
  if (!isObject(spec)) {
    c.error(at, `each parameter must be an object such as { "values": [1, 2] } or { "min": 0.001, "max": 0.1, "scale": "log" }, got ${describeType(spec)}`);
    return undefined;
  }
  const since = c.problems.length;
  checkKeys(c, spec, SWEEP_PARAMETER_KEYS, at, 'a sweep parameter');
  if (c.hasErrors(since)) return undefined;
  if (spec.values !== undefined) {
    for (const k of ['min', 'max', 'scale', 'integer'])
      if (spec[k] !== undefined)
        c.error([...at, k], `a parameter takes either "values" or a range ("min", "max"), not both: remove "${k}" or "values"`, 'conflict');
    const values = checkValues(c, spec.values, [...at, 'values']);
    if (!values || c.hasErrors(since)) return undefined;
    return { kind: 'values', values, key, path };
  }
  if (spec.min === undefined && spec.max === undefined) {
    c.error(at, 'a parameter needs "values": [...] (or, in a random sweep, a range "min" and "max")', 'missing');
    return undefined;
  }
  if (method === 'grid') {
    c.error(at, 'a grid takes only listed "values": a range ("min", "max") needs "method": "random"', 'range-in-grid');
    return undefined;
  }
  return checkRange(c, spec, key, path, at, since);
}

function checkValues(c: Checker, value: unknown, at: JsonPath): SweepValue[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    c.error(at, `"values" must be a non-empty array such as [0.001, 0.01, 0.1], got ${Array.isArray(value) ? 'an empty array' : describeType(value)}`);
    return undefined;
  }
  if (value.length > SWEEP_LIMITS.maxValues) {
    c.error(at, `"values" lists ${value.length} values, more than ${SWEEP_LIMITS.maxValues}`, 'limit');
    return undefined;
  }
  return value as SweepValue[];
}

function checkRange(c: Checker, spec: Record<string, unknown>, key: string, path: JsonPath, at: JsonPath, since: number): SweepParameter | undefined {
  const bound = (k: 'min' | 'max'): number | undefined => {
    const v = spec[k];
    if (v === undefined) c.error(at, `a range needs both "min" and "max"; "${k}" is missing`, 'missing');
    else if (typeof v !== 'number' || !Number.isFinite(v)) c.error([...at, k], `"${k}" must be a number, got ${describeType(v)}`);
    else return v;
    return undefined;
  };
  const min = bound('min');
  const max = bound('max');
  const scale = spec.scale === undefined ? 'linear' : spec.scale;
  if (scale !== 'linear' && scale !== 'log') c.error([...at, 'scale'], `"scale" must be "linear" or "log", got ${describeType(scale)}`);
  const integer = spec.integer === undefined ? false : spec.integer;
  if (typeof integer !== 'boolean') c.error([...at, 'integer'], `"integer" must be true or false, got ${describeType(integer)}`);
  if (min === undefined || max === undefined || c.hasErrors(since)) return undefined;
  if (!(min < max)) {
    c.error([...at, 'max'], `"max" must be greater than "min" (${min}), got ${max}`, 'range');
    return undefined;
  }
  if (scale === 'log' && min <= 0) {
    c.error([...at, 'min'], `a log scale needs "min" > 0, got ${min}`, 'range');
    return undefined;
  }
  if (integer === true && Math.ceil(min) > Math.floor(max)) {
    c.error(at, `no whole number lies between "min" (${min}) and "max" (${max})`, 'range');
    return undefined;
  }
  return { kind: 'range', min, max, scale: scale as 'linear' | 'log', integer: integer === true, key, path };
}

function isPrefix(a: JsonPath, b: JsonPath): boolean {
  return a.length <= b.length && a.every((step, i) => step === b[i]);
}
