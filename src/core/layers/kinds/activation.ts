/**
 * The activation layer kind: y = f(x) with any registered activation (element-wise; the softmax
 * family row-wise), e.g. after batch normalisation that follows a linear dense layer. The
 * computation is in ../activation-layer.ts, with the activation registry's own code.
 */
import { activationRegistry } from '../../activations';
import { checkNamed } from '../../config/named';
import type { ResolvedNamed } from '../../config/types';
import { emitActivation } from '../../export/onnx-activations';
import { pythonActivation } from '../../export/pytorch/activations';
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { formatPath, quote } from '../../problems';
import { ACTIVATION_LAYER, ActivationLayer } from '../activation-layer';
import { denseKind } from './dense';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { describeSaved } from './weighted-keys';

/** A resolved activation layer. */
export interface ActivationLayerSpec extends ResolvedLayer {
  type: typeof ACTIVATION_LAYER;
  activation: ResolvedNamed;
}

/** The activation layer kind. */
export const activationLayerKind: LayerKind<ActivationLayerSpec> = {
  name: ACTIVATION_LAYER,
  doc: 'An activation as a layer of its own: y = f(x), e.g. `dense` with `"activation": "identity"`, then `batchnorm`, then `activation`.',
  keys: {
    activation: {
      ...denseKind.keys.activation,
      required: true,
      docDefault: undefined,
      doc: 'The activation f applied to each element (the softmax family to each sample): a name, or `{ "name": …, parameters }`.',
    },
  },
  snippet: { type: ACTIVATION_LAYER, activation: '${1:ReLU}' },
  trainingDiffers: false,

  resolve(c, _values, raw, path, ctx) {
    if (raw.activation === undefined) return undefined;
    const activation = checkNamed(c, ctx.activations, raw.activation, [...path, 'activation']);
    return activation === undefined ? undefined : { type: ACTIVATION_LAYER, activation };
  },
  activation: (spec) => spec.activation,
  outputShape: (_spec, input) => input,
  paramCount: () => 0,
  summary: (spec, input) => `activation ${featureCount(input)}, ${spec.activation.name}`,
  label: (shape) => `activation · ${shape.activation}`,
  create(spec, input, ctx) {
    const act = activationRegistry.create(spec.activation.name, spec.activation.params, { path: [...ctx.path, 'activation'], rng: ctx.rng });
    return new ActivationLayer(featureCount(input), act, ctx.kernel);
  },
  initialize: () => undefined,

  file: {
    params: [],
    checkFields(saved, path) {
      const a = Object.hasOwn(saved, 'activation') ? saved.activation : undefined;
      if (typeof a !== 'string' || a === '') return `${formatPath([...path, 'activation'])}: must be the activation's name, got ${describeSaved(a)}`;
      return { activation: a };
    },
    outputs: (inputs) => inputs,
    paramLengths: () => [],
    mismatch: (saved, expected) =>
      saved.activation !== expected.activation
        ? `uses activation ${quote(typeof saved.activation === 'string' ? saved.activation : '')}, the description has "${expected.activation}"`
        : undefined,
  },

  onnx: {
    emit: (g, spec, _layer, x) => emitActivation(g, spec.activation.name, spec.activation.params, x),
    label: (spec) => spec.activation.name,
  },

  pytorch: {
    modules(spec, _input, last, fusedOutput) {
      const act = pythonActivation(spec.activation.name, spec.activation.params);
      // Fused with the loss: the layer passes its input on as the logits, the activation gives y.
      if (last && fusedOutput) return { modules: ['NNLabActivation(nn.Identity())'], output: act.module, helpers: act.helpers };
      return { modules: [`NNLabActivation(${act.module})`], helpers: act.helpers };
    },
    classes: { NNLabActivation: PY_LAYERS.activation },
  },
};
