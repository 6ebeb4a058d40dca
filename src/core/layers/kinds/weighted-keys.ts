/**
 * Keys and helpers shared by the kinds whose layer is z = x·W + b (dense, maxout): `units`,
 * `init`, `initScale`, the resolution of `init`, and the saved-file check of their sizes.
 */
import { ACTIVATIONS } from '../../activations';
import type { Checker } from '../../config/checks';
import { DEFAULT_INIT_SCALE, INIT_NAMES } from '../../config/keys';
import type { NumberKeySpec, KeySpec } from '../../config/key-spec';
import type { InitName } from '../../config/types';
import { quote, type JsonPath } from '../../problems';
import type { Rng } from '../../rng';
import { initialize, type InitKind } from '../init';
import type { Layer } from '../layer';

/** Largest `initScale` accepted. */
export const MAX_INIT_SCALE = 10;

const INIT_DOCS: Record<string, string> = {
  auto: "The activation's default: He for the ReLU family and maxout, Xavier otherwise (default; listed per activation in reference.md).",
  normal: "The reference's scaled normal: W, b ~ initScale · N(0, 1).",
  xavier: 'Glorot normal: W ~ N(0, 2/(fanIn + fanOut)), b = 0.',
  glorot: 'Same as `xavier`.',
  he: 'He normal: W ~ N(0, 2/fanIn), b = 0.',
};

/** `units`: output features, 1 to maxUnits, required. */
export const UNITS_KEY: NumberKeySpec = {
  type: 'integer',
  min: 1,
  max: 'maxUnits',
  required: true,
  doc: "Number of units (neurons): the layer's output features.",
};

/** `init` and `initScale`. */
export const INIT_KEYS: Readonly<Record<'init' | 'initScale', KeySpec>> = {
  init: { type: 'choice', choices: INIT_NAMES, choiceDocs: INIT_DOCS, default: 'auto', doc: 'Weight initialiser.' },
  initScale: {
    type: 'number',
    min: 0,
    exclusiveMin: true,
    max: MAX_INIT_SCALE,
    default: DEFAULT_INIT_SCALE,
    doc: 'Standard deviation of the `normal` initialiser.',
  },
};

/**
 * `auto` → the activation's registry default (`ActivationEntry.init`: He for the ReLU family,
 * Xavier otherwise), He without an activation (maxout); `glorot` → `xavier`.
 */
export function resolveInit(init: InitName, activation: string | undefined): InitKind {
  if (init === 'glorot') return 'xavier';
  if (init !== 'auto') return init;
  if (activation === undefined) return 'he';
  return ACTIVATIONS.find((e) => e.name === activation)?.init ?? 'xavier';
}

/** Warns when `initScale` is written for an initialiser other than `normal` (it is then ignored). */
export function warnIgnoredInitScale(c: Checker, raw: Record<string, unknown>, values: Record<string, unknown>, path: JsonPath): void {
  if (raw.initScale !== undefined && typeof values.init === 'string' && values.init !== 'normal' && Object.hasOwn(values, 'initScale'))
    c.warning([...path, 'initScale'], `initScale only applies to "init": "normal" (this layer uses "${values.init}")`, 'ignored');
}

/** Draws W then b of a weighted layer whose params are [W, b] with `cols` columns (see init.ts). */
export function initializeWeighted(layer: Layer, kind: InitKind, cols: number, rng: Rng, initScale: number): void {
  const [w, b] = layer.params();
  initialize(w, b, kind, layer.inputs, cols, rng, initScale);
}

/** How a saved JSON value is named in a message: "null", "an array", "the string \"2\"", "the number 1.5". */
export function describeSaved(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${quote(v, 40)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
