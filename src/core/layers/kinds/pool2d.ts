/**
 * The pooling layer kinds maxpool2d and avgpool2d (as torch.nn.MaxPool2d / AvgPool2d): a window
 * of `size` moved by `stride` (default: the size) over each channel, no padding; output size
 * ⌊(n − k)/s⌋ + 1 along each axis. The computation is in ../pool2d.ts.
 */
import { PY_LAYERS } from '../../export/pytorch/generated/python-sources';
import { shapeText, windowGeometry, windowProblem, type WindowGeometry } from '../conv-geometry';
import { AVGPOOL2D, MAXPOOL2D, Pool2dLayer, type PoolMode } from '../pool2d';
import type { FeatureShape, LayerKind, ResolvedLayer } from './kind';
import { emitFlatten, emitImage } from './image-onnx';
import { pairKey, pairText, pyPair, savedDiffers, savedInts } from './window-keys';
import { formatPath } from '../../problems';

/** A resolved pooling layer. */
export interface Pool2dSpec extends ResolvedLayer {
  type: PoolMode;
  size: [number, number];
  stride: [number, number];
}

const SAVED_FIELDS = ['channels', 'height', 'width', 'sizeHeight', 'sizeWidth', 'strideHeight', 'strideWidth'] as const;

/** The geometry of `spec` on `input`, or why it cannot take it. */
function geometryOf(spec: Pool2dSpec, input: FeatureShape): WindowGeometry | string {
  const g = input.length === 3 ? windowGeometry(input, spec.size, spec.stride, 'valid') : undefined;
  return windowProblem(spec.type, input, g) ?? (g as WindowGeometry);
}

/** The geometry of a saved layer's checked fields. */
function savedGeometry(f: Readonly<Record<string, string | number>>): WindowGeometry {
  const n = (k: string): number => Number(f[k]);
  return windowGeometry([n('channels'), n('height'), n('width')], [n('sizeHeight'), n('sizeWidth')], [n('strideHeight'), n('strideWidth')], 'valid');
}

/** A pooling kind: max or average. */
function poolKind(mode: PoolMode): LayerKind<Pool2dSpec> {
  const max = mode === MAXPOOL2D;
  const what = max ? 'maximum' : 'mean';
  return {
    name: mode,
    doc:
      `${max ? 'Max' : 'Average'} pooling over each channel of image inputs (as \`torch.nn.${max ? 'MaxPool2d' : 'AvgPool2d'}\`, no padding): ` +
      `the ${what} of each size×size window, moved by stride. Output [channels, oh, ow] with oh = ⌊(h − k)/s⌋ + 1 (and ow likewise).` +
      (max ? ' The gradient goes to the first maximum of each window (row-major), as in PyTorch.' : ''),
    keys: {
      size: pairKey('size', 'The window k: a number (square) or [height, width]. Output size ⌊(n − k)/s⌋ + 1.', { required: true }),
      stride: pairKey('stride', 'Step s of the window: a number or [height, width] (default: the size, windows side by side).', {
        docDefault: 'the size',
      }),
    },
    elsewhere: { kernel: `a ${mode} layer has "size", not "kernel"`, units: `a ${mode} layer has no units: its output has the input's channels` },
    snippet: { type: mode, size: '^${1:2}' },
    trainingDiffers: false,

    resolve(_c, values) {
      const size = values.size as [number, number] | undefined;
      if (!size) return undefined;
      return { type: mode, size, stride: (values.stride as [number, number] | undefined) ?? size };
    },
    activation: () => undefined,
    outputShape(spec, input) {
      const g = geometryOf(spec, input);
      return typeof g === 'string' ? g : [g.c, g.oh, g.ow];
    },
    paramCount: () => 0,
    summary(spec, input) {
      const g = geometryOf(spec, input);
      const out = typeof g === 'string' ? '?' : shapeText([g.c, g.oh, g.ow]);
      return `${mode} ${shapeText(input)} → ${out}, size ${pairText(spec.size)}, stride ${pairText(spec.stride)}`;
    },
    label: (shape) => `${mode} ${shape.sizeHeight}×${shape.sizeWidth}`,
    create(spec, input, ctx) {
      const g = geometryOf(spec, input);
      if (typeof g === 'string') throw new Error(g);
      return new Pool2dLayer(mode, g, ctx.kernel);
    },
    initialize: () => undefined,

    file: {
      params: [],
      checkFields(saved, path) {
        const fields = savedInts(saved, SAVED_FIELDS, path, 1, 1 << 20);
        if (typeof fields === 'string') return fields;
        const g = savedGeometry(fields);
        if (g.c * g.h * g.w !== saved.inputs) return `${formatPath(path)}: channels·height·width is ${g.c * g.h * g.w}, "inputs" is ${String(saved.inputs)}`;
        if (g.oh < 1 || g.ow < 1) return `${formatPath(path)}: the window ${g.kh}×${g.kw} is larger than the input`;
        if (g.c * g.oh * g.ow !== saved.units) return `${formatPath(path)}: channels·oh·ow is ${g.c * g.oh * g.ow}, "units" is ${String(saved.units)}`;
        return fields;
      },
      outputs: (_inputs, fields) => {
        const g = savedGeometry(fields);
        return g.c * g.oh * g.ow;
      },
      paramLengths: () => [],
      mismatch: (saved, expected) => savedDiffers(saved, expected, SAVED_FIELDS),
    },

    onnx: {
      emit(g, _spec, layer, x) {
        const geo = (layer as Pool2dLayer).geometry;
        const image = emitImage(g, x, [geo.c, geo.h, geo.w]);
        const pooled = g.op(max ? 'MaxPool' : 'AveragePool', [image], { kernel_shape: [geo.kh, geo.kw], strides: [geo.sh, geo.sw] });
        return emitFlatten(g, pooled);
      },
      label: (spec) => `${max ? 'maxpool' : 'avgpool'} ${pairText(spec.size)}`,
    },

    pytorch: {
      modules: (spec, input) => ({
        modules: [
          `nn.Unflatten(1, (${input.join(', ')}))`,
          `${max ? 'NNLabMaxPool2d' : 'NNLabAvgPool2d'}(${pyPair(spec.size)}, stride=${pyPair(spec.stride)})`,
          'nn.Flatten()',
        ],
      }),
      classes: { NNLabPool2d: PY_LAYERS.pool2d },
    },
  };
}

/** The maxpool2d layer kind. */
export const maxPool2dKind: LayerKind<Pool2dSpec> = poolKind(MAXPOOL2D);
/** The avgpool2d layer kind. */
export const avgPool2dKind: LayerKind<Pool2dSpec> = poolKind(AVGPOOL2D);
