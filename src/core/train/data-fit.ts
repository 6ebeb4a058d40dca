/**
 * Checks that a data set fits a model description before training starts.
 */
import { inputShapeOf, type ResolvedConfig } from '../config/resolved';
import type { Dataset } from '../data/dataset';
import { kindOf, outputFeatures } from '../layers/kinds/registry';
import { NnError, Problem } from '../problems';

/** Throws an NnError listing every mismatch between the data's shape and the description (`key`: the data block checked). */
export function checkDataFits(config: ResolvedConfig, data: Dataset, key: 'data' | 'testData' | 'validationData' = 'data'): void {
  const problems: Problem[] = [];
  const last = config.layers.length - 1;
  if (data.n < 1) problems.push({ path: [key], severity: 'error', message: 'the data set has no samples' });
  if (config.inputs !== data.inputs)
    problems.push({ path: [key], severity: 'error', message: `the model expects ${config.inputs} inputs but the data has ${data.inputs} feature columns` });
  const units = last >= 0 ? outputFeatures(config.layers, inputShapeOf(config)) : 0;
  const sizeKey = last >= 0 ? kindOf(config.layers[last]).sizeKey : undefined;
  if (last >= 0 && units !== data.outputs)
    problems.push({
      path: sizeKey ? ['layers', last, sizeKey] : ['layers', last],
      severity: 'error',
      code: 'range',
      message: `the last layer has ${units} units but the data has ${data.outputs} target column${data.outputs === 1 ? '' : 's'}`,
      suggestion: String(data.outputs),
    });
  if (data.x.length !== data.n * data.inputs || data.y.length !== data.n * data.outputs)
    problems.push({
      path: [key],
      severity: 'error',
      message: `the data arrays do not hold ${data.n} samples of ${data.inputs} inputs and ${data.outputs} targets`,
    });
  if (problems.length) throw new NnError(problems);
}
