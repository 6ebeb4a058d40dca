/**
 * `prepareRun`: from the text of a `*.nn.json` file (or its parsed value) to a checked,
 * resolved configuration and its loaded data, with every problem found along the way.
 */
import type { Problem } from '../problems';
import type { Dataset } from '../data/dataset';
import type { ResolvedConfig, ResolvedDataConfig } from './types';
import { Limits, resolveLimits } from './limits';
import { validateConfig } from './validate';
import { checkAgainstData } from './semantics';
import { loadData } from '../data/load-data';
import { parseConfigText, TextPosition } from './parse-json';
import { digestOf } from './digest';

/** Options of `prepareRun`. */
export interface PrepareOptions {
  /** Reads a file relative to the description (CSV data); throws when it is missing. */
  readFile?: (relativePath: string) => string;
  /** Overrides of `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** A run ready to train, or the problems that prevent it. */
export interface PreparedRun {
  /** Undefined when any problem is an error. */
  config?: ResolvedConfig;
  /** Undefined when any problem is an error. */
  data?: Dataset;
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
  let data: Dataset | undefined;
  if (checked.data) {
    try {
      const loaded = loadData(checked.data, { readFile: options.readFile, maxSamples: limits.maxSamples });
      problems.push(...loaded.problems);
      data = loaded.data;
    } catch (e) {
      problems.push({ path: ['data'], severity: 'error', code: 'internal', message: `could not load the data: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  let config = checked.config;
  if (config && data) {
    config = { ...config, inputs: data.inputs };
    if (!checked.shapeChecked) problems.push(...checkAgainstData(config, data, limits));
  }
  if (problems.some((p) => p.severity === 'error') || !config || !data) return { problems, dataConfig: checked.data };
  return { config, data, problems, dataConfig: checked.data, digest: digestOf({ config, data: checked.data }) };
}
