/**
 * The dropout layer kind: inverted dropout in training, the identity in evaluation. The
 * computation (and the order in which masks are drawn from the run's generator) is in ../dropout.ts.
 */
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { pyFloat } from '../../export/pytorch/python-text';
import { formatPath } from '../../problems';
import { DROPOUT, DropoutLayer } from '../dropout';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { describeSaved } from './weighted-keys';

/** A resolved dropout layer. */
export interface DropoutSpec extends ResolvedLayer {
  type: typeof DROPOUT;
  rate: number;
}

/** The default `rate`. */
export const DEFAULT_DROPOUT_RATE = 0.5;

/** The dropout layer kind. */
export const dropoutKind: LayerKind<DropoutSpec> = {
  name: DROPOUT,
  doc:
    'Inverted dropout. Training: each input element is kept with probability 1 − rate and scaled by 1/(1 − rate), else set to 0 ' +
    "(one uniform draw u per element from the run's seeded generator at each training forward pass, row-major, kept when u ≥ rate; " +
    'so a seed still gives the same run); ' +
    'evaluation (validation, test, predict, ONNX): the identity.',
  keys: {
    rate: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMax: true,
      default: DEFAULT_DROPOUT_RATE,
      doc: 'Probability of dropping each element in training, in [0, 1): y = x·m/(1 − rate) with m ~ Bernoulli(1 − rate). 0 turns the layer off.',
    },
  },
  snippet: { type: DROPOUT, rate: '${1:0.5}' },
  trainingDiffers: true,
  notLast: 'dropout as the last layer drops outputs of the network itself: put it before a dense layer',

  resolve: (_c, values) => (typeof values.rate === 'number' ? { type: DROPOUT, rate: values.rate } : undefined),
  activation: () => undefined,
  outputShape: (_spec, input) => input,
  paramCount: () => 0,
  summary: (spec, input) => `dropout ${featureCount(input)}, rate ${spec.rate}`,
  label: (shape) => `dropout ${shape.rate}`,
  create: (spec, input, ctx) => new DropoutLayer(featureCount(input), spec.rate, ctx.rng, ctx.kernel),
  initialize: () => undefined,

  file: {
    params: [],
    checkFields(saved, path) {
      const r = Object.hasOwn(saved, 'rate') ? saved.rate : undefined;
      if (typeof r === 'number' && r >= 0 && r < 1) return { rate: r };
      return `${formatPath([...path, 'rate'])}: must be a number in [0, 1), got ${describeSaved(r)}`;
    },
    outputs: (inputs) => inputs,
    paramLengths: () => [],
    mismatch: (saved, expected) => (saved.rate !== expected.rate ? `has rate ${String(saved.rate)}, the description has ${expected.rate}` : undefined),
  },

  onnx: {
    // The identity in evaluation: no node.
    emit: (_g, _spec, _layer, x) => x,
    label: (spec) => `dropout(${spec.rate})`,
  },

  pytorch: {
    modules: (spec) => ({ modules: [`NNLabDropout(${pyFloat(spec.rate)})`] }),
    classes: { NNLabDropout: PY_LAYERS.dropout },
  },
};
