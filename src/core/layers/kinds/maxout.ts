/**
 * The maxout layer kind (Goodfellow et al. 2013): z = x·W + b with W[inputs×(units·pieces)],
 * y_j = max_k z_{j,k}. The computation is in ../maxout.ts; this file declares everything else.
 */
import { DEFAULT_PIECES } from '../../config/keys';
import { DEFAULT_LIMITS } from '../../config/limits';
import type { InitName } from '../../config/types';
import { formatPath } from '../../problems';
import type { InitKind } from '../init';
import { MAXOUT, MaxoutLayer } from '../maxout';
import { featureCount, type LayerKind, type ResolvedLayer } from './kind';
import { describeSaved, INIT_KEYS, initializeWeighted, resolveInit, UNITS_KEY, warnIgnoredInitScale } from './weighted-keys';

/** A resolved maxout layer. */
export interface MaxoutSpec extends ResolvedLayer {
  type: typeof MAXOUT;
  units: number;
  pieces: number;
  init: InitKind;
  initScale: number;
}

/** Python: the Maxout module of the exported script. */
const PYTHON_MAXOUT = String.raw`
class Maxout(nn.Module):
    """Maxout (Goodfellow et al. 2013): z = x W + b with units*pieces columns, column j*pieces + k holding
    piece k of unit j; y_j = max_k z_jk (the gradient goes to the first maximal piece)."""

    def __init__(self, inputs, units, pieces):
        super().__init__()
        self.units, self.pieces = units, pieces
        self.linear = nn.Linear(inputs, units * pieces)

    def forward(self, x):
        z = self.linear(x)
        return z.view(*z.shape[:-1], self.units, self.pieces).max(dim=-1).values
`;

/** The maxout layer kind. */
export const maxoutKind: LayerKind<MaxoutSpec> = {
  name: MAXOUT,
  doc: 'Maxout: y_j = max_k (x·W + b)_{j,k}.',
  keys: {
    units: UNITS_KEY,
    pieces: { type: 'integer', min: 2, max: 'maxPieces', default: DEFAULT_PIECES, doc: 'Linear pieces per maxout unit.' },
    ...INIT_KEYS,
  },
  elsewhere: { activation: 'a maxout layer has no activation: the maximum over its pieces is its non-linearity' },
  snippet: { type: MAXOUT, units: '^${1:8}', pieces: '^${2:2}' },
  sizeKey: 'units',
  trainingDiffers: false,
  weightParams: ['w'],

  resolve(c, values, raw, path) {
    warnIgnoredInitScale(c, raw, values, path);
    const { units, pieces, init, initScale } = values;
    if (typeof units !== 'number' || typeof pieces !== 'number' || typeof init !== 'string' || typeof initScale !== 'number') return undefined;
    return { type: MAXOUT, units, pieces, init: resolveInit(init as InitName, undefined), initScale };
  },
  activation: () => undefined,
  outputShape: (spec) => [spec.units],
  paramCount: (spec, input) => (featureCount(input) + 1) * spec.units * spec.pieces,
  summary: (spec, input) => `maxout ${featureCount(input)} → ${spec.units} (${spec.pieces} pieces)`,
  label: (shape) => `maxout ${shape.units}×${shape.pieces ?? 1}`,
  create: (spec, input, ctx) => new MaxoutLayer(featureCount(input), spec.units, spec.pieces, ctx.kernel),
  initialize: (layer, spec, rng) => initializeWeighted(layer, spec.init, spec.units * spec.pieces, rng, spec.initScale),

  file: {
    params: ['w', 'b'],
    checkFields(saved, path) {
      const p = Object.hasOwn(saved, 'pieces') ? saved.pieces : undefined;
      if (typeof p === 'number' && Number.isSafeInteger(p) && p >= 2 && p <= DEFAULT_LIMITS.maxPieces) return { pieces: p };
      return `${formatPath([...path, 'pieces'])}: must be a whole number from 2 to ${DEFAULT_LIMITS.maxPieces}, got ${describeSaved(p)}`;
    },
    outputs: (_inputs, fields) => Number(fields.units),
    paramLengths: (inputs, fields) => [inputs * Number(fields.units) * Number(fields.pieces), Number(fields.units) * Number(fields.pieces)],
    mismatch: (saved, expected) =>
      saved.pieces !== expected.pieces ? `has ${String(saved.pieces)} pieces, the description has ${expected.pieces}` : undefined,
  },

  onnx: {
    emit(g, spec, layer, x) {
      const [w, b] = layer.params();
      const cols = spec.units * spec.pieces;
      const z = g.op('Gemm', [x, g.floatTensor('W', [layer.inputs, cols], w), g.floatTensor('b', [cols], b)]);
      // [N, units·pieces] → [N, units, pieces] (0 keeps N) → max over the pieces.
      const pieces = g.op('Reshape', [z, g.int64Vector('shape', [0, spec.units, spec.pieces])]);
      return g.reduce('ReduceMax', pieces, [2], false);
    },
    label: (spec) => `maxout(${spec.units}×${spec.pieces})`,
  },

  pytorch: {
    modules: (spec, input) => ({ modules: [`Maxout(${featureCount(input)}, ${spec.units}, ${spec.pieces})`] }),
    classes: { Maxout: PYTHON_MAXOUT },
  },
};
