/**
 * The flatten layer kind: an image [channels, height, width] becomes c·h·w features in channel,
 * row, column order (as torch.nn.Flatten). Dense and maxout layers flatten their input anyway; the
 * layer makes it explicit. The computation (none: the values are stored in that order) is in ../flatten.ts.
 */
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { shapeText } from '../conv-geometry';
import { FLATTEN, FlattenLayer } from '../flatten';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { emitFlatten } from './image-onnx';

/** A resolved flatten layer (no keys). */
export interface FlattenSpec extends ResolvedLayer {
  type: typeof FLATTEN;
}

/** The flatten layer kind. */
export const flattenKind: LayerKind<FlattenSpec> = {
  name: FLATTEN,
  doc: 'Flattens an image [channels, height, width] into c·h·w features (channel, row, column order, as `torch.nn.Flatten`); no parameters.',
  keys: {},
  snippet: { type: FLATTEN },
  trainingDiffers: false,

  resolve: () => ({ type: FLATTEN }),
  activation: () => undefined,
  outputShape: (_spec, input) => [featureCount(input)],
  paramCount: () => 0,
  summary: (_spec, input) => `flatten ${shapeText(input)} → ${featureCount(input)}`,
  label: (shape) => `flatten ${shape.units}`,
  create: (_spec, input) => new FlattenLayer(featureCount(input)),
  initialize: () => undefined,

  file: {
    params: [],
    checkFields: () => ({}),
    outputs: (inputs) => inputs,
    paramLengths: () => [],
    mismatch: () => undefined,
  },

  onnx: {
    emit: (g, _spec, _layer, x) => emitFlatten(g, x),
    label: () => 'flatten',
  },

  pytorch: {
    modules: () => ({ modules: ['NNLabFlatten()'] }),
    classes: { NNLabFlatten: PY_LAYERS.flatten },
  },
};
