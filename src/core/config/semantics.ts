/**
 * Checks that need more than one block: which loss suits the output layer, and whether the
 * model fits its data (output units = target columns, parameter count, validation split).
 */
import type { Problem } from '../problems';
import { inputShapeOf, sampleShapeOf, type ResolvedConfig, type ResolvedLayer } from './resolved';
import type { DataShape } from './types';
import type { Limits } from './limits';
import { Checker } from './checks';
import { countParams, kindOf, layerShapes, outputActivationName, outputFeatures } from '../layers/kinds/registry';

/** What the model needs to know about its data (declared with the plain types, below the data sources). */
export type { DataShape } from './types';

/** Name of the output layer's activation (the kind's name for a kind without one, e.g. "maxout"). */
function outputActivation(layers: readonly ResolvedLayer[]): string {
  return outputActivationName(layers);
}

/**
 * Output features of the last layer as far as known without the data: the whole stack on one input
 * feature, else (image layers need the data's shape) the last layer alone on one feature (e.g. a dense
 * layer's units), else 0.
 */
function declaredOutputs(layers: readonly ResolvedLayer[]): number {
  const whole = outputFeatures(layers, 1);
  if (whole > 0 || layers.length === 0) return whole;
  const last = layers[layers.length - 1];
  const alone = kindOf(last).outputShape(last, [1]);
  return typeof alone === 'string' ? 0 : alone.reduce((a, b) => a * b, 1);
}

/** The default loss: softmax output → Cross, one-unit sigmoid → Binary, anything else → Square. */
export function inferLoss(layers: readonly ResolvedLayer[]): string {
  const act = outputActivation(layers);
  if (act === 'softmax') return 'Cross';
  if (act === 'sigmoid' && declaredOutputs(layers) === 1) return 'Binary';
  return 'Square';
}

/** Warnings for a loss that does not suit the output layer (`lossGiven`: written in the file). */
export function checkLossFit(c: Checker, loss: string, layers: readonly ResolvedLayer[], lossGiven: boolean): void {
  const last = layers.length - 1;
  const act = outputActivation(layers);
  const units = declaredOutputs(layers);
  const at = lossGiven ? ['loss'] : ['layers', last];
  if (loss === 'Cross' && act !== 'softmax')
    c.warning(
      at,
      `the "Cross" loss expects a softmax output layer (probabilities summing to 1), but the output activation is "${act}"; use "activation": "softmax" on the last layer`,
      'loss-mismatch',
      'softmax',
    );
  if (loss === 'Binary' && units !== 1)
    c.warning(
      at,
      `the "Binary" loss expects one output unit (a yes/no probability), but the output layer has ${units}; for several classes use softmax with "Cross"`,
      'loss-mismatch',
      'Cross',
    );
  if (loss === 'Binary' && act !== 'sigmoid')
    c.warning(at, `the "Binary" loss expects a sigmoid output layer (values in (0, 1)), but the output activation is "${act}"`, 'loss-mismatch', 'sigmoid');
  if (act === 'softmax' && units === 1)
    c.warning(['layers', last, 'activation'], 'softmax over a single unit always outputs 1: use "sigmoid" for a yes/no output', 'softmax-one-unit', 'sigmoid');
}

/** The code of the problem "a training batch of one sample with a batchnorm layer" (its suggestion: a batch size that avoids it). */
export const BATCH_OF_ONE = 'batch-of-one';

/** The batch size nearest `batch` (larger first) that leaves no last batch of one out of `nTrain` samples. */
function batchSizeWithoutOne(nTrain: number, batch: number): number {
  for (let d = 1; d < nTrain; d++) {
    for (const b of [batch + d, batch - d]) if (b >= 2 && b <= nTrain && nTrain % b !== 1) return b;
  }
  return nTrain;
}

/** The first layer whose kind computes batch statistics in training (batchnorm), or -1. */
function batchStatisticsLayer(layers: readonly ResolvedLayer[]): number {
  return layers.findIndex((l) => kindOf(l).batchStatistics === true);
}

/**
 * Checks of layer kinds against their place and the training keys: a kind that makes no sense last
 * (dropout, batchnorm) warns there, and a kind that trains on batch statistics needs `batchSize` ≥ 2.
 */
export function checkLayerPlacement(c: Checker, layers: readonly ResolvedLayer[], batchSize: number): void {
  const last = layers.length - 1;
  const why = last >= 0 ? kindOf(layers[last]).notLast : undefined;
  if (why !== undefined) c.warning(['layers', last], why, 'layer-placement');
  const bn = batchStatisticsLayer(layers);
  if (bn >= 0 && batchSize < 2)
    c.error(
      ['training', 'batchSize'],
      `a "${layers[bn].type}" layer (layer ${bn + 1}) needs at least 2 samples per training batch to compute batch statistics: set "batchSize" to 2 or more`,
      BATCH_OF_ONE,
      '32',
    );
}

/** The code of the warning "a layer flattens the image of the layer before it" (its quick fix inserts a flatten layer). */
export const IMPLICIT_FLATTEN = 'implicit-flatten';

/**
 * Warns where a layer turns the image output [c, h, w] of the layer before it into flat features
 * without a flatten layer (a dense layer after conv2d or pooling): it works, but the flattening is
 * better written. Dense layers straight on image data are left alone (an MLP on images).
 */
function warnImplicitFlatten(c: Checker, layers: readonly ResolvedLayer[], shapes: readonly (readonly number[])[]): void {
  for (let i = 1; i < layers.length; i++) {
    const before = shapes[i - 1];
    if (before.length !== 3 || shapes[i].length !== 1 || layers[i].type === 'flatten') continue;
    const features = before[0] * before[1] * before[2];
    c.warning(
      ['layers', i],
      `this ${layers[i].type} layer flattens the [${before.join(', ')}] output of layer ${i} into ${features} features: insert { "type": "flatten" } before it to say so`,
      IMPLICIT_FLATTEN,
    );
  }
}

/**
 * Samples held out for validation: ⌊n·split⌋ (the trainer draws them by a seeded permutation,
 * see `splitSamples` in train/split.ts; this count must agree with it).
 */
export function validationCount(n: number, split: number): number {
  return Math.floor(n * split);
}

/**
 * Problems of a resolved model against the shape of its data. With a `validationData` block
 * (`hasValidationData`) every sample of `data` trains: the split holds none out.
 */
export function checkAgainstData(config: ResolvedConfig, shape: DataShape, limits: Limits, hasValidationData = false): Problem[] {
  const c = new Checker(limits);
  const last = config.layers.length - 1;
  const input = inputShapeOf(config).reduce((a, b) => a * b, 1) === shape.inputs ? inputShapeOf(config) : sampleShapeOf(shape);
  const shapes = layerShapes(config.layers, input);
  if ('message' in shapes) c.error(['layers', shapes.layer], shapes.message, 'shape-mismatch');
  else warnImplicitFlatten(c, config.layers, shapes.shapes);
  const units = outputFeatures(config.layers, input);
  const sizeKey = kindOf(config.layers[last]).sizeKey;
  // (When a layer cannot take its input, that error says it all: no output size to compare.)
  if (!('message' in shapes) && units !== shape.outputs)
    c.error(
      sizeKey ? ['layers', last, sizeKey] : ['layers', last],
      `the output layer has ${units} unit${units === 1 ? '' : 's'} but the data has ${shape.outputs} target column${shape.outputs === 1 ? '' : 's'}${sizeKey ? `: set "${sizeKey}": ${shape.outputs}` : ''}`,
      'shape-mismatch',
      String(shape.outputs),
    );
  const params = countParams(input, config.layers);
  if (params > limits.maxParams)
    c.error(['layers'], `the model has ${params} parameters, more than the limit of ${limits.maxParams} (maxParams): use fewer or smaller layers`, 'limit');
  const split = hasValidationData ? 0 : config.training.validationSplit;
  const nVal = validationCount(shape.n, split);
  if (shape.n - nVal < 1)
    c.error(['training', 'validationSplit'], `validationSplit ${split} leaves no training sample out of ${shape.n}: use a smaller split`, 'range');
  else if (split > 0 && nVal === 0)
    c.warning(['training', 'validationSplit'], `validationSplit ${split} of ${shape.n} samples holds out no sample, so there is no validation`, 'range');
  const bn = batchStatisticsLayer(config.layers);
  const nTrain = shape.n - nVal;
  const batch = Math.min(config.training.batchSize, nTrain);
  if (bn >= 0 && nTrain >= 1 && batch >= 2 && nTrain % batch === 1)
    c.error(
      ['training', 'batchSize'],
      `the last training batch of each epoch holds one sample (${nTrain} training samples in batches of ${batch}), but the "${config.layers[bn].type}" layer (layer ${bn + 1}) needs at least 2: change "batchSize" (or validationSplit)`,
      BATCH_OF_ONE,
      String(batchSizeWithoutOne(nTrain, batch)),
    );
  else if (bn >= 0 && nTrain === 1)
    c.error(
      ['training', 'batchSize'],
      `the "${config.layers[bn].type}" layer (layer ${bn + 1}) needs at least 2 training samples per batch, the data leaves 1`,
      'range',
    );
  if (shape.task === 'regression' && (config.loss === 'Binary' || config.loss === 'Cross'))
    c.warning(
      ['loss'],
      `the targets are not class labels (0/1 or one-hot), but the "${config.loss}" loss expects them; use "Square" for regression`,
      'loss-mismatch',
      'Square',
    );
  return c.problems;
}

/**
 * Problems of a `testData` set against the training `data`: the same number of inputs and of target
 * columns, and (when both name their classes) the same classes in the same order.
 */
export function checkTestShape(
  data: DataShape & { classNames?: string[] },
  test: DataShape & { classNames?: string[] },
  key: 'testData' | 'validationData' = 'testData',
): Problem[] {
  const problems: Problem[] = [];
  const plural = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (test.inputs !== data.inputs)
    problems.push({
      path: [key],
      severity: 'error',
      code: 'shape-mismatch',
      message: `${key} has ${plural(test.inputs, 'input')} per sample but data has ${data.inputs}: both must describe the same features`,
    });
  if (test.outputs !== data.outputs)
    problems.push({
      path: [key],
      severity: 'error',
      code: 'shape-mismatch',
      message: `${key} has ${plural(test.outputs, 'target column')} but data has ${data.outputs}: both must have the same targets`,
    });
  else if (data.classNames && test.classNames && data.classNames.join('\u0000') !== test.classNames.join('\u0000'))
    problems.push({
      path: [key],
      severity: 'error',
      code: 'shape-mismatch',
      message: `${key}'s classes (${test.classNames.join(', ')}) differ from data's (${data.classNames.join(', ')})`,
    });
  return problems;
}
