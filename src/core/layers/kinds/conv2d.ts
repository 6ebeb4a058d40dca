/**
 * The conv2d layer kind (as torch.nn.Conv2d): `filters` filters of `kernel` moved by `stride` over
 * the input image with `padding`, then an activation. Output [filters, oh, ow] with, along each axis,
 * out = ⌊(n + 2p − k)/s⌋ + 1. The computation (im2col and the kernel's products) is in ../conv2d.ts,
 * the sizes in ../conv-geometry.ts.
 */
import { activationRegistry } from '../../activations';
import { DEFAULT_ACTIVATION } from '../../config/keys';
import { checkNamed } from '../../config/named';
import type { InitName, ResolvedNamed } from '../../config/types';
import { emitActivation } from '../../export/onnx-activations';
import { pythonActivation } from '../../export/pytorch/activations';
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { formatPath, quote } from '../../problems';
import { CONV2D, Conv2dLayer } from '../conv2d';
import { shapeText, windowGeometry, windowProblem, type Padding, type WindowGeometry } from '../conv-geometry';
import { initialize, type InitKind } from '../init';
import { denseKind } from './dense';
import type { FeatureShape, LayerKind, ResolvedLayer } from './kind';
import { emitFlatten, emitImage } from './image-onnx';
import { INIT_KEYS, resolveInit, warnIgnoredInitScale } from './weighted-keys';
import { pairKey, pairText, PADDING_KEY, pyPair, savedDiffers, savedInts } from './window-keys';

/** A resolved conv2d layer. */
export interface Conv2dSpec extends ResolvedLayer {
  type: typeof CONV2D;
  filters: number;
  kernel: [number, number];
  stride: [number, number];
  padding: Padding;
  activation: ResolvedNamed;
  init: InitKind;
  initScale: number;
}

/** The whole-number fields of a saved conv2d layer besides inputs and units. */
const SAVED_FIELDS = ['channels', 'height', 'width', 'filters', 'kernelHeight', 'kernelWidth', 'strideHeight', 'strideWidth'] as const;
const SAVED_PADDING = ['padTop', 'padBottom', 'padLeft', 'padRight'] as const;

/** The geometry of `spec` on `input`, or why it cannot take it. */
function geometryOf(spec: Conv2dSpec, input: FeatureShape): WindowGeometry | string {
  const g = input.length === 3 ? windowGeometry(input, spec.kernel, spec.stride, spec.padding) : undefined;
  return windowProblem('conv2d', input, g) ?? (g as WindowGeometry);
}

/** The geometry of a saved layer's checked fields. */
function savedGeometry(fields: Readonly<Record<string, string | number>>): WindowGeometry {
  const n = (k: string): number => Number(fields[k]);
  const g = { c: n('channels'), h: n('height'), w: n('width'), kh: n('kernelHeight'), kw: n('kernelWidth'), sh: n('strideHeight'), sw: n('strideWidth') };
  const pads = { pt: n('padTop'), pb: n('padBottom'), pl: n('padLeft'), pr: n('padRight') };
  const size = (len: number, k: number, s: number, p: number): number => (len + p < k ? 0 : Math.floor((len + p - k) / s) + 1);
  return { ...g, ...pads, oh: size(g.h, g.kh, g.sh, pads.pt + pads.pb), ow: size(g.w, g.kw, g.sw, pads.pl + pads.pr) };
}

/** The conv2d layer kind. */
export const conv2dKind: LayerKind<Conv2dSpec> = {
  name: CONV2D,
  doc:
    'A 2-D convolution over image inputs [channels, height, width] (as `torch.nn.Conv2d`, a cross-correlation): ' +
    'z[f, y, x] = b[f] + Σ W[f, c, i, j]·x[c, y·s + i − p, x·s + j − p], then y = f(z). Output [filters, oh, ow] with ' +
    'oh = ⌊(h + 2p − k)/s⌋ + 1 (and ow likewise). Weights W[filters, channels, kh, kw] (saved as `w`, row-major) and `b` per filter.',
  keys: {
    filters: { type: 'integer', min: 1, max: 'maxUnits', required: true, doc: 'Number of filters: the output channels.' },
    kernel: pairKey('kernel', 'Size k of each filter: a number (square) or [height, width]. Output size ⌊(n + 2p − k)/s⌋ + 1.', { required: true }),
    stride: pairKey('stride', 'Step s of the filter over the input: a number or [height, width] (default 1). Output size ⌊(n + 2p − k)/s⌋ + 1.', {
      docDefault: '`1`',
    }),
    padding: PADDING_KEY,
    activation: { ...denseKind.keys.activation },
    ...INIT_KEYS,
  },
  elsewhere: { units: 'a conv2d layer has "filters", not "units"', size: 'a conv2d layer has "kernel", not "size"' },
  snippet: { type: CONV2D, filters: '^${1:16}', kernel: '^${2:3}', padding: '${3:same}', activation: '${4:ReLU}' },
  trainingDiffers: false,
  weightParams: ['w'],

  resolve(c, values, raw, path, ctx) {
    warnIgnoredInitScale(c, raw, values, path);
    let activation: ResolvedNamed | undefined = { name: DEFAULT_ACTIVATION, params: {} };
    if (raw.activation !== undefined) activation = checkNamed(c, ctx.activations, raw.activation, [...path, 'activation']);
    else if (ctx.activations.has(DEFAULT_ACTIVATION)) activation = { name: DEFAULT_ACTIVATION, params: ctx.activations.resolveParams(DEFAULT_ACTIVATION, {}) };
    const { filters, kernel, init, initScale } = values;
    const stride = (values.stride as [number, number] | undefined) ?? [1, 1];
    const padding = values.padding as Padding | undefined;
    if (padding === 'same' && (stride[0] !== 1 || stride[1] !== 1)) {
      c.error(
        [...path, 'padding'],
        `"padding": "same" needs stride 1 (as in PyTorch), this layer has stride ${pairText(stride)}: give a number of zeros instead, e.g. "padding": ${Math.floor(((kernel as number[] | undefined)?.[0] ?? 3) / 2)}`,
        'range',
        String(Math.floor(((kernel as number[] | undefined)?.[0] ?? 3) / 2)),
      );
      return undefined;
    }
    if (
      typeof filters !== 'number' ||
      !Array.isArray(kernel) ||
      padding === undefined ||
      typeof init !== 'string' ||
      typeof initScale !== 'number' ||
      !activation
    )
      return undefined;
    return {
      type: CONV2D,
      filters,
      kernel: kernel as [number, number],
      stride,
      padding,
      activation,
      init: resolveInit(init as InitName, activation.name),
      initScale,
    };
  },
  activation: (spec) => spec.activation,
  outputShape(spec, input) {
    const g = geometryOf(spec, input);
    return typeof g === 'string' ? g : [spec.filters, g.oh, g.ow];
  },
  paramCount: (spec, input) => (input.length === 3 ? spec.filters * (input[0] * spec.kernel[0] * spec.kernel[1] + 1) : 0),
  summary(spec, input) {
    const g = geometryOf(spec, input);
    const out = typeof g === 'string' ? '?' : shapeText([spec.filters, g.oh, g.ow]);
    const stride = spec.stride[0] === 1 && spec.stride[1] === 1 ? '' : `, stride ${pairText(spec.stride)}`;
    return `conv2d ${shapeText(input)} → ${out}, ${pairText(spec.kernel)} kernel${stride}, padding ${spec.padding}, ${spec.activation.name}`;
  },
  label: (shape) => `conv2d ${shape.filters} · ${shape.kernelHeight}×${shape.kernelWidth} · ${shape.activation ?? 'linear'}`,
  create(spec, input, ctx) {
    const g = geometryOf(spec, input);
    if (typeof g === 'string') throw new Error(g);
    const act = activationRegistry.create(spec.activation.name, spec.activation.params, { path: [...ctx.path, 'activation'], rng: ctx.rng });
    return new Conv2dLayer(g, spec.filters, act, ctx.kernel);
  },
  initialize(layer, spec, rng) {
    // fan-in c·kh·kw and fan-out filters·kh·kw (PyTorch's counts for a convolution); W row-major, then b.
    const [w, b] = layer.params();
    const area = spec.kernel[0] * spec.kernel[1];
    initialize(w, b, spec.init, w.length / spec.filters, spec.filters * area, rng, spec.initScale);
  },

  file: {
    params: ['w', 'b'],
    checkFields(saved, path) {
      const sizes = savedInts(saved, SAVED_FIELDS, path, 1, 1 << 20);
      if (typeof sizes === 'string') return sizes;
      const pads = savedInts(saved, SAVED_PADDING, path, 0, 1 << 10);
      if (typeof pads === 'string') return pads;
      const a = Object.hasOwn(saved, 'activation') ? saved.activation : undefined;
      if (typeof a !== 'string' || a === '') return `${formatPath([...path, 'activation'])}: must be the activation's name`;
      const fields = { ...sizes, ...pads, activation: a };
      const g = savedGeometry(fields);
      if (g.c * g.h * g.w !== saved.inputs) return `${formatPath(path)}: channels·height·width is ${g.c * g.h * g.w}, "inputs" is ${String(saved.inputs)}`;
      if (g.oh < 1 || g.ow < 1) return `${formatPath(path)}: the kernel ${g.kh}×${g.kw} is larger than the padded input`;
      if (sizes.filters * g.oh * g.ow !== saved.units)
        return `${formatPath(path)}: filters·oh·ow is ${sizes.filters * g.oh * g.ow}, "units" is ${String(saved.units)}`;
      return fields;
    },
    outputs: (_inputs, fields) => {
      const g = savedGeometry(fields);
      return Number(fields.filters) * g.oh * g.ow;
    },
    paramLengths: (_inputs, fields) => [
      Number(fields.filters) * Number(fields.channels) * Number(fields.kernelHeight) * Number(fields.kernelWidth),
      Number(fields.filters),
    ],
    mismatch: (saved, expected) =>
      savedDiffers(saved, expected, [...SAVED_FIELDS, ...SAVED_PADDING]) ??
      (saved.activation !== expected.activation
        ? `uses activation ${quote(typeof saved.activation === 'string' ? saved.activation : '')}, the description has "${expected.activation}"`
        : undefined),
  },

  onnx: {
    emit(g, spec, layer, x) {
      const conv = layer as Conv2dLayer;
      const geo = conv.geometry;
      const [w, b] = layer.params();
      const image = emitImage(g, x, [geo.c, geo.h, geo.w]);
      const attributes = { kernel_shape: [geo.kh, geo.kw], strides: [geo.sh, geo.sw], pads: [geo.pt, geo.pl, geo.pb, geo.pr] };
      const z = g.op('Conv', [image, g.floatTensor('W', [spec.filters, geo.c, geo.kh, geo.kw], w), g.floatTensor('b', [spec.filters], b)], attributes);
      return emitActivation(g, spec.activation.name, spec.activation.params, emitFlatten(g, z));
    },
    label: (spec) => `conv ${spec.filters}×${pairText(spec.kernel)} ${spec.activation.name}`,
  },

  pytorch: {
    modules(spec, input, last, fusedOutput) {
      const act = pythonActivation(spec.activation.name, spec.activation.params);
      const padding = typeof spec.padding === 'number' ? String(spec.padding) : `"${spec.padding}"`;
      const stride = spec.stride[0] === 1 && spec.stride[1] === 1 ? '' : `, stride=${pyPair(spec.stride)}`;
      // NN Lab passes flat rows between layers: unflatten to [c, h, w], convolve, flatten again (channel,
      // row, column order). An element-wise activation goes before the flattening (the script drops a
      // flatten that an unflatten undoes at once, so image layers in a row stay images); a row-wise one
      // (softmax) needs the flat row, as NN Lab computes it.
      const conv = [`nn.Unflatten(1, (${input.join(', ')}))`, `NNLabConv2d(${input[0]}, ${spec.filters}, ${pyPair(spec.kernel)}${stride}, padding=${padding})`];
      if (last && fusedOutput) return { modules: [...conv, 'nn.Flatten()'], output: act.module, helpers: act.helpers };
      const pointwise = activationRegistry.create(spec.activation.name, spec.activation.params).pointwise;
      const withAct = act.module === 'nn.Identity()' ? [] : [act.module];
      return { modules: pointwise ? [...conv, ...withAct, 'nn.Flatten()'] : [...conv, 'nn.Flatten()', ...withAct], helpers: act.helpers };
    },
    classes: { NNLabConv2d: PY_LAYERS.conv2d },
  },
};
