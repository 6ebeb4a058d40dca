/**
 * The dense (fully connected) layer kind: z = x·W + b with W[inputs×units], y = activation(z).
 * The computation is in ../dense.ts; this file declares everything else about the kind.
 */
import { activationRegistry } from '../../activations';
import { DEFAULT_ACTIVATION } from '../../config/keys';
import { checkNamed } from '../../config/named';
import { namedSchema } from '../../config/schema-parts';
import type { InitName, ResolvedNamed } from '../../config/types';
import { emitActivation } from '../../export/onnx-activations';
import { pythonActivation } from '../../export/pytorch/activations';
import { formatPath, quote } from '../../problems';
import { DENSE, DenseLayer } from '../dense';
import type { InitKind } from '../init';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { describeSaved, INIT_KEYS, initializeWeighted, resolveInit, UNITS_KEY, warnIgnoredInitScale } from './weighted-keys';

/** A resolved dense layer. */
export interface DenseSpec extends ResolvedLayer {
  type: typeof DENSE;
  units: number;
  activation: ResolvedNamed;
  init: InitKind;
  initScale: number;
}

/** The dense layer kind (the default when a layer names no `"type"`). */
export const denseKind: LayerKind<DenseSpec> = {
  name: DENSE,
  doc: 'Fully connected: y = f(x·W + b).',
  keys: {
    units: UNITS_KEY,
    activation: {
      type: 'custom',
      doc: 'Activation function: a name, or `{ "name": …, parameters }`. Default `identity`.',
      docType: 'activation',
      docDefault: `\`"${DEFAULT_ACTIVATION}"\``,
      check: (_c, value) => value,
      schema: () => namedSchema(activationRegistry.entries, 'Activation function: a name, or `{ "name": …, parameters }`. Default `identity`.'),
    },
    ...INIT_KEYS,
  },
  elsewhere: { pieces: 'only maxout layers have pieces: add "type": "maxout"' },
  snippet: { units: '^${1:8}', activation: '${2:tanh}' },
  sizeKey: 'units',
  trainingDiffers: false,
  weightParams: ['w'],

  resolve(c, values, raw, path, ctx) {
    warnIgnoredInitScale(c, raw, values, path);
    let activation: ResolvedNamed | undefined = { name: DEFAULT_ACTIVATION, params: {} };
    if (raw.activation !== undefined) activation = checkNamed(c, ctx.activations, raw.activation, [...path, 'activation']);
    else if (ctx.activations.has(DEFAULT_ACTIVATION)) activation = { name: DEFAULT_ACTIVATION, params: ctx.activations.resolveParams(DEFAULT_ACTIVATION, {}) };
    const { units, init, initScale } = values;
    if (typeof units !== 'number' || typeof init !== 'string' || typeof initScale !== 'number' || activation === undefined) return undefined;
    return { type: DENSE, units, activation, init: resolveInit(init as InitName, activation.name), initScale };
  },
  activation: (spec) => spec.activation,
  outputShape: (spec) => [spec.units],
  paramCount: (spec, input) => (featureCount(input) + 1) * spec.units,
  summary: (spec, input) => `dense ${featureCount(input)} → ${spec.units}, ${spec.activation.name}`,
  label: (shape) => `dense ${shape.units} · ${shape.activation ?? 'linear'}`,
  create(spec, input, ctx) {
    const act = activationRegistry.create(spec.activation.name, spec.activation.params, { path: [...ctx.path, 'activation'], rng: ctx.rng });
    return new DenseLayer(featureCount(input), spec.units, act, ctx.kernel);
  },
  initialize: (layer, spec, rng) => initializeWeighted(layer, spec.init, spec.units, rng, spec.initScale),

  file: {
    params: ['w', 'b'],
    checkFields(saved, path) {
      const a = Object.hasOwn(saved, 'activation') ? saved.activation : undefined;
      if (typeof a !== 'string' || a === '') return `${formatPath([...path, 'activation'])}: must be the activation's name, got ${describeSaved(a)}`;
      return { activation: a };
    },
    outputs: (_inputs, fields) => Number(fields.units),
    paramLengths: (inputs, fields) => [inputs * Number(fields.units), Number(fields.units)],
    mismatch: (saved, expected) =>
      saved.activation !== expected.activation
        ? `uses activation ${quote(typeof saved.activation === 'string' ? saved.activation : '')}, the description has "${expected.activation}"`
        : undefined,
  },

  onnx: {
    emit(g, spec, layer, x) {
      const [w, b] = layer.params();
      const z = g.op('Gemm', [x, g.floatTensor('W', [layer.inputs, spec.units], w), g.floatTensor('b', [spec.units], b)]);
      return emitActivation(g, spec.activation.name, spec.activation.params, z);
    },
    label: (spec) => `${spec.units} ${spec.activation.name}`,
  },

  pytorch: {
    modules(spec, input, last, fusedOutput) {
      const act = pythonActivation(spec.activation.name, spec.activation.params);
      const modules = [`nn.Linear(${featureCount(input)}, ${spec.units})`];
      if (last && fusedOutput) return { modules, output: act.module, helpers: act.helpers };
      if (act.module !== 'nn.Identity()') modules.push(act.module);
      return { modules, helpers: act.helpers };
    },
  },
};
