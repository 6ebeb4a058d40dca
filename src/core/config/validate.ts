/**
 * `validateConfig`: checks a parsed `*.nn.json` description and returns every problem at once,
 * each with its JSON path and an actionable message, plus the description with every default
 * filled in when there is no error. It never throws on bad input.
 */
import type { Problem } from '../problems';
import type { ResolvedNamed } from './types';
import { inputShapeEntry, type ResolvedConfig, type ResolvedDataConfig } from './resolved';
import { activationRegistry } from '../activations';
import { lossRegistry } from '../losses';
import { optimizerRegistry } from '../optimizers';
import { Checker, checkKeys, checkString, describeType, isObject } from './checks';
import { DEFAULT_OPTIMIZER, MISPLACED_ROOT_KEYS, ROOT_KEYS } from './keys';
import { Limits, resolveLimits } from './limits';
import { AnyRegistry, checkNamed, checkRegistryName } from './named';
import { checkTraining } from './validate-training';
import { checkData } from './validate-data';
import { checkLayers, countParams } from './validate-layers';
import { checkTrainingFit } from './training-fit';
import { checkAgainstData, checkLayerPlacement, checkLossFit, checkTestShape, DataShape, inferLoss } from './semantics';
import { staticDataShape } from './data-shape';

export type { Limits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export type { DataShape } from './semantics';

/** Options of `validateConfig`. */
export interface ValidateOptions {
  /** Overrides of `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /** The data's shape when already known (otherwise generated and built-in data are sized without loading). */
  dataShape?: DataShape;
  /** The `testData` set's shape when already known (e.g. from the headers of its IDX files). */
  testDataShape?: DataShape;
}

/** The registries a description is checked against. */
export const REGISTRIES: { activations: AnyRegistry; optimizers: AnyRegistry; losses: AnyRegistry } = {
  activations: activationRegistry,
  optimizers: optimizerRegistry,
  losses: lossRegistry,
};

/** What `validateConfig` found. */
export interface ValidationResult {
  /** The resolved description; undefined when any problem is an error. `inputs` is 0 when the data shape is not yet known. */
  config?: ResolvedConfig;
  /** The resolved `data` block, when it is valid (even if other blocks are not). */
  data?: ResolvedDataConfig;
  /** The resolved `testData` block, when there is one and it is valid. */
  testData?: ResolvedDataConfig;
  /** The resolved `validationData` block, when there is one and it is valid. */
  validationData?: ResolvedDataConfig;
  /** True when the model was checked against the data's shape. */
  shapeChecked: boolean;
  problems: Problem[];
}

/** Checks a parsed description; every problem is returned, none is thrown. */
export function validateConfig(json: unknown, options: ValidateOptions = {}): ValidationResult {
  const limits = resolveLimits(options.limits);
  try {
    return validateUnsafe(json, limits, options.dataShape, options.testDataShape);
  } catch (e) {
    const message = `internal error while checking the description: ${e instanceof Error ? e.message : String(e)}`;
    return { shapeChecked: false, problems: [{ path: [], message, severity: 'error', code: 'internal' }] };
  }
}

function validateUnsafe(json: unknown, limits: Limits, givenShape: DataShape | undefined, givenTestShape: DataShape | undefined): ValidationResult {
  const c = new Checker(limits);
  if (!isObject(json)) {
    c.error([], `the description must be a JSON object with "data" and "layers", got ${describeType(json)}`);
    return { shapeChecked: false, problems: c.problems };
  }
  checkKeys(c, json, ROOT_KEYS, [], 'the description', MISPLACED_ROOT_KEYS);
  const name = json.name === undefined ? 'model' : (checkString(c, json.name, ['name'], 'name', true) ?? 'model');
  if (json.description !== undefined) checkString(c, json.description, ['description'], 'description', true);
  if (json.$schema !== undefined) checkString(c, json.$schema, ['$schema'], '$schema');
  const training = checkTraining(c, json.training);
  const data = checkData(c, json.data, training.seed);
  // Generated test data defaults to the next seed, so it is not a copy of the training samples.
  const testData = json.testData === undefined ? undefined : checkData(c, json.testData, training.seed + 1, 'testData');
  // Generated validation data takes the seed after the test set's.
  const validationData = json.validationData === undefined ? undefined : checkData(c, json.validationData, training.seed + 2, 'validationData');
  const layers = checkLayers(c, json.layers, REGISTRIES.activations);
  let loss: string | undefined;
  if (json.loss !== undefined) loss = checkRegistryName(c, REGISTRIES.losses, json.loss, ['loss']);
  else if (layers) loss = inferLoss(layers);
  let optimizer: ResolvedNamed | undefined = undefined;
  if (json.optimizer !== undefined) optimizer = checkNamed(c, REGISTRIES.optimizers, json.optimizer, ['optimizer']);
  else optimizer = { name: DEFAULT_OPTIMIZER, params: REGISTRIES.optimizers.resolveParams(DEFAULT_OPTIMIZER, {}) };
  if (layers && loss) checkLossFit(c, loss, layers, json.loss !== undefined);
  if (layers) checkLayerPlacement(c, layers, training.batchSize);
  checkTrainingFit(c, training, optimizer, json.validationData !== undefined);
  const shape = givenShape ?? (data ? staticDataShape(data) : undefined);
  // Without the data's shape, count parameters as if there were one input (a lower bound).
  if (layers && !shape && countParams(1, layers) > limits.maxParams)
    c.error(['layers'], `the model has more than ${limits.maxParams} parameters (maxParams): use fewer or smaller layers`, 'limit');
  const testShape = givenTestShape ?? (testData ? staticDataShape(testData) : undefined);
  if (shape && testShape) c.problems.push(...checkTestShape(shape, testShape));
  const valShape = validationData ? staticDataShape(validationData) : undefined;
  if (shape && valShape) c.problems.push(...checkTestShape(shape, valShape, 'validationData'));
  const blocks = { data, ...(testData ? { testData } : {}), ...(validationData ? { validationData } : {}) };
  if (c.hasErrors() || !layers || !loss || !optimizer) return { ...blocks, shapeChecked: false, problems: c.problems };
  const config: ResolvedConfig = { name, inputs: shape?.inputs ?? 0, ...(shape ? inputShapeEntry(shape) : {}), layers, loss, optimizer, training };
  if (!shape) return { config, ...blocks, shapeChecked: false, problems: c.problems };
  const problems = [...c.problems, ...checkAgainstData(config, shape, limits, validationData !== undefined)];
  const ok = !problems.some((p) => p.severity === 'error');
  return { config: ok ? config : undefined, ...blocks, shapeChecked: true, problems };
}
