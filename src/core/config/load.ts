/**
 * `prepareRun`: from the text of a `*.nn.json` file (or its parsed value) to a checked,
 * resolved configuration and its loaded data, with every problem found along the way.
 */
import type { Problem } from '../problems';
import type { Dataset } from '../data/dataset';
import { withDataShape, type ResolvedConfig, type ResolvedDataConfig } from './resolved';
import { Limits, resolveLimits } from './limits';
import { validateConfig } from './validate';
import { checkAgainstData, checkTestShape } from './semantics';
import { loadData } from '../data/load-data';
import { parseConfigText, TextPosition } from './parse-json';
import { digestOf } from './digest';

/** Options of `prepareRun`. */
export interface PrepareOptions {
  /** Reads a file relative to the description (CSV data); throws when it is missing. */
  readFile?: (relativePath: string) => string;
  /** Reads a file's bytes relative to the description (IDX data); throws when it is missing. */
  readBinaryFile?: (relativePath: string) => Uint8Array;
  /** Overrides of `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** A run ready to train, or the problems that prevent it. */
export interface PreparedRun {
  /** Undefined when any problem is an error. */
  config?: ResolvedConfig;
  /** Undefined when any problem is an error. */
  data?: Dataset;
  /** The `testData` set, when the description has one (undefined when any problem is an error). */
  testData?: Dataset;
  /** The `validationData` set, used instead of `training.validationSplit` (undefined when any problem is an error). */
  validationData?: Dataset;
  problems: Problem[];
  /** The resolved `data` block, when valid. */
  dataConfig?: ResolvedDataConfig;
  /** Eight hex digits identifying the resolved config and data block (present with `config`). */
  digest?: string;
  /** Where the JSON syntax error is, when the text is not JSON. */
  syntaxError?: TextPosition;
}

/** Parses, validates, loads the data and cross-checks model and data; never throws. */
export function prepareRun(source: string | unknown, options: PrepareOptions = {}): PreparedRun {
  let value: unknown = source;
  if (typeof source === 'string') {
    const parsed = parseConfigText(source);
    if (parsed.problems.length) return { problems: parsed.problems, syntaxError: parsed.syntaxError };
    value = parsed.value;
  }
  const limits = resolveLimits(options.limits);
  const checked = validateConfig(value, { limits });
  const problems = [...checked.problems];
  const load = (spec: ResolvedDataConfig | undefined, key: 'data' | 'testData' | 'validationData'): Dataset | undefined => {
    if (!spec) return undefined;
    try {
      const loaded = loadData(spec, { readFile: options.readFile, readBinaryFile: options.readBinaryFile, maxSamples: limits.maxSamples, path: [key] });
      problems.push(...loaded.problems);
      return loaded.data;
    } catch (e) {
      problems.push({
        path: [key],
        severity: 'error',
        code: 'internal',
        message: `could not load the ${key === 'data' ? 'data' : key === 'testData' ? 'test data' : 'validation data'}: ${e instanceof Error ? e.message : String(e)}`,
      });
      return undefined;
    }
  };
  const data = load(checked.data, 'data');
  // The test set is loaded only when the training data is fine (no point reading big files otherwise).
  const testData = data && !problems.some((p) => p.severity === 'error') ? load(checked.testData, 'testData') : undefined;
  const validationData = data && !problems.some((p) => p.severity === 'error') ? load(checked.validationData, 'validationData') : undefined;
  let config = checked.config;
  if (config && data) {
    config = withDataShape(config, data);
    if (!checked.shapeChecked) problems.push(...checkAgainstData(config, data, limits, checked.validationData !== undefined));
  }
  if (data && testData) {
    const known = problems.map((p) => p.message);
    problems.push(...checkTestShape(data, testData).filter((p) => !known.includes(p.message)));
  }
  if (data && validationData) {
    const known = problems.map((p) => p.message);
    problems.push(...checkTestShape(data, validationData, 'validationData').filter((p) => !known.includes(p.message)));
  }
  const missingTest = (checked.testData !== undefined && !testData) || (checked.validationData !== undefined && !validationData);
  if (problems.some((p) => p.severity === 'error') || !config || !data || missingTest) return { problems, dataConfig: checked.data };
  const blocks = {
    data: checked.data,
    ...(checked.testData ? { testData: checked.testData } : {}),
    ...(checked.validationData ? { validationData: checked.validationData } : {}),
  };
  const run: PreparedRun = { config, data, problems, dataConfig: checked.data, digest: digestOf({ config: digestConfig(config), ...blocks }) };
  if (testData) run.testData = testData;
  if (validationData) run.validationData = validationData;
  return run;
}

/**
 * The config as the digest sees it: without `inputShape`, which the data block already determines
 * (so a description keeps the digest it had before sample shapes were resolved).
 */
function digestConfig(config: ResolvedConfig): ResolvedConfig {
  const copy = { ...config };
  delete copy.inputShape;
  return copy;
}
