/**
 * The batch normalisation layer kind (as torch.nn.BatchNorm1d over the features of a flat input,
 * torch.nn.BatchNorm2d over the channels of an image input [channels, height, width]).
 * The computation is in ../batch-norm.ts; γ and β are parameters, the running mean and variance
 * are state (saved, loaded and exported with them, not trained).
 */
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { pyFloat } from '../../export/pytorch/python-text';
import { formatPath } from '../../problems';
import { BATCHNORM, BatchNormLayer } from '../batch-norm';
import type { Layer } from '../layer';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { describeSaved } from './weighted-keys';

/** A resolved batchnorm layer. */
export interface BatchNormSpec extends ResolvedLayer {
  type: typeof BATCHNORM;
  momentum: number;
  epsilon: number;
}

/** The default `momentum` (PyTorch's). */
export const DEFAULT_BATCHNORM_MOMENTUM = 0.1;
/** The default `epsilon` (PyTorch's). */
export const DEFAULT_BATCHNORM_EPSILON = 1e-5;

/** The built layer of a batchnorm spec (the kind's facets get the `Layer` they created). */
function batchNormLayer(layer: Layer): BatchNormLayer {
  if (!(layer instanceof BatchNormLayer)) throw new Error('a batchnorm spec was given a layer of another kind');
  return layer;
}

/** A saved number in (0, max] (exclusive of 0), or why not. */
function savedPositive(saved: Readonly<Record<string, unknown>>, key: string, max: number, path: (string | number)[]): number | string {
  const v = Object.hasOwn(saved, key) ? saved[key] : undefined;
  if (typeof v === 'number' && v > 0 && v <= max) return v;
  return `${formatPath([...path, key])}: must be a number in (0, ${max}], got ${describeSaved(v)}`;
}

/** The batchnorm layer kind. */
export const batchNormKind: LayerKind<BatchNormSpec> = {
  name: BATCHNORM,
  doc:
    'Batch normalisation over the features (as `torch.nn.BatchNorm1d`), or per channel after an image layer such as conv2d ' +
    '(as `torch.nn.BatchNorm2d`: statistics over the batch and every pixel of the channel). Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the ' +
    "mini-batch's mean μ_B and biased variance σ²_B; the running statistics follow r ← (1 − momentum)·r + momentum·stat " +
    '(the variance unbiased). Evaluation: the running mean and variance instead. γ = 1, β = 0 at the start, trained; ' +
    'needs at least 2 samples in every training batch.',
  keys: {
    momentum: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      default: DEFAULT_BATCHNORM_MOMENTUM,
      doc: "Weight of each batch's statistics in the running ones: r ← (1 − momentum)·r + momentum·stat (PyTorch's convention).",
    },
    epsilon: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      default: DEFAULT_BATCHNORM_EPSILON,
      doc: 'Added to the variance before the square root: (x − μ)/√(σ² + ε).',
    },
  },
  snippet: { type: BATCHNORM },
  trainingDiffers: true,
  batchStatistics: true,
  notLast: 'batchnorm as the last layer normalises the outputs of the network itself: put it between a dense layer and its activation',

  resolve(_c, values) {
    const { momentum, epsilon } = values;
    if (typeof momentum !== 'number' || typeof epsilon !== 'number') return undefined;
    return { type: BATCHNORM, momentum, epsilon };
  },
  activation: () => undefined,
  outputShape: (_spec, input) => input,
  paramCount: (_spec, input) => 2 * input[0],
  summary: (spec, input) =>
    input.length === 3
      ? `batchnorm per channel of [${input.join(', ')}] (${input[0]} channels), momentum ${spec.momentum}, ε ${spec.epsilon}`
      : `batchnorm ${featureCount(input)}, momentum ${spec.momentum}, ε ${spec.epsilon}`,
  label: (shape) => (typeof shape.channels === 'number' ? `batchnorm ${shape.channels} channels` : `batchnorm ${shape.units}`),
  create: (spec, input, ctx) => new BatchNormLayer(featureCount(input), spec.momentum, spec.epsilon, ctx.kernel, input.length === 3 ? input[1] * input[2] : 1),
  initialize: (layer) => batchNormLayer(layer).reset(),

  file: {
    params: ['gamma', 'beta'],
    state: ['runningMean', 'runningVar'],
    checkFields(saved, path) {
      const momentum = savedPositive(saved, 'momentum', 1, path);
      if (typeof momentum === 'string') return momentum;
      const epsilon = savedPositive(saved, 'epsilon', 1, path);
      if (typeof epsilon === 'string') return epsilon;
      // Per channel of an image input: "channels", a whole number dividing "inputs" (absent: per feature).
      const channels = Object.hasOwn(saved, 'channels') ? saved.channels : undefined;
      const inputs = Number(saved.inputs);
      if (channels !== undefined && !(typeof channels === 'number' && Number.isSafeInteger(channels) && channels >= 1 && inputs % channels === 0))
        return `${formatPath([...path, 'channels'])}: must be a whole number dividing "inputs" (${inputs}), got ${describeSaved(channels)}`;
      // A variance below 0 would give NaN outputs (the lengths and finiteness are checked with the other arrays).
      const written = Object.hasOwn(saved, 'runningVar') ? saved.runningVar : undefined;
      const variance: readonly unknown[] = Array.isArray(written) ? written : [];
      const negative = variance.findIndex((v) => typeof v === 'number' && v < 0);
      if (negative >= 0) return `${formatPath([...path, 'runningVar', negative])}: a variance cannot be negative, got ${String(variance[negative])}`;
      const fields: Record<string, number> = { momentum, epsilon };
      if (typeof channels === 'number') fields.channels = channels;
      return fields;
    },
    outputs: (inputs) => inputs,
    paramLengths: (inputs, fields) => [Number(fields.channels ?? inputs), Number(fields.channels ?? inputs)],
    stateLengths: (inputs, fields) => [Number(fields.channels ?? inputs), Number(fields.channels ?? inputs)],
    mismatch: (saved, expected) =>
      saved.momentum !== expected.momentum || saved.epsilon !== expected.epsilon
        ? `has momentum ${String(saved.momentum)} and epsilon ${String(saved.epsilon)}, the description has ${expected.momentum} and ${expected.epsilon}`
        : saved.channels !== expected.channels
          ? `normalises ${saved.channels === undefined ? 'per feature' : `${String(saved.channels)} channels`}, the description ${expected.channels === undefined ? 'per feature' : `${expected.channels} channels`}`
          : undefined,
  },

  onnx: {
    emit(g, spec, layer, x) {
      // Opset 17's BatchNormalization with training_mode 0: y = scale·(x − mean)/√(var + epsilon) + B (momentum unused).
      const bn = batchNormLayer(layer);
      const f = bn.channels;
      // Per channel of an image: [N, channels, pixels] for the operator, flat rows again after it.
      const spatial = bn.spatial > 1;
      const inputs = [
        spatial ? g.op('Reshape', [x, g.int64Vector('channel_shape', [-1, f, bn.spatial])]) : x,
        g.floatTensor('gamma', [f], bn.gamma),
        g.floatTensor('beta', [f], bn.beta),
        g.floatTensor('running_mean', [f], bn.runningMean),
        g.floatTensor('running_var', [f], bn.runningVar),
      ];
      const y = g.op('BatchNormalization', inputs, { epsilon: spec.epsilon, momentum: 1 - spec.momentum });
      return spatial ? g.op('Flatten', [y], { axis: 1 }, ['axis']) : y;
    },
    label: () => 'batchnorm',
  },

  pytorch: {
    modules: (spec, input) =>
      input.length === 3
        ? {
            modules: [
              `nn.Unflatten(1, (${input.join(', ')}))`,
              `NNLabBatchNorm2d(${input[0]}, eps=${pyFloat(spec.epsilon)}, momentum=${pyFloat(spec.momentum)})`,
              'nn.Flatten()',
            ],
          }
        : { modules: [`NNLabBatchNorm(${featureCount(input)}, eps=${pyFloat(spec.epsilon)}, momentum=${pyFloat(spec.momentum)})`] },
    classes: { NNLabBatchNorm: PY_LAYERS.batchnorm },
  },
};
