/**
 * Keys and helpers shared by the image layer kinds (conv2d, maxpool2d, avgpool2d): a size given as
 * one whole number or as [height, width], conv2d's `padding`, and the saved-file checks of their
 * whole-number shape fields.
 */
import { checkInteger, describeType, type Checker } from '../../config/checks';
import type { CustomKeySpec } from '../../config/key-spec';
import { formatPath, type JsonPath } from '../../problems';
import type { Padding } from '../conv-geometry';
import { describeSaved } from './weighted-keys';

/** Largest kernel, pooling window or stride along one axis. */
export const MAX_WINDOW = 64;
/** Largest number of padding rows or columns on one side. */
export const MAX_PADDING = 64;

/** A number or [height, width] of whole numbers from 1 to MAX_WINDOW, as [height, width]. */
function checkPair(c: Checker, value: unknown, path: JsonPath, what: string): [number, number] | undefined {
  if (typeof value === 'number') {
    const v = checkInteger(c, value, path, what, 1, MAX_WINDOW);
    return v === undefined ? undefined : [v, v];
  }
  if (Array.isArray(value) && value.length === 2) {
    const h = checkInteger(c, value[0], [...path, 0], `${what}'s height`, 1, MAX_WINDOW);
    const w = checkInteger(c, value[1], [...path, 1], `${what}'s width`, 1, MAX_WINDOW);
    return h === undefined || w === undefined ? undefined : [h, w];
  }
  c.error(path, `${what} must be a whole number or [height, width], got ${describeType(value)}`);
  return undefined;
}

/** A key that is one whole number or [height, width] (resolved to [height, width]). */
export function pairKey(what: string, doc: string, options: { required?: boolean; docDefault?: string } = {}): CustomKeySpec {
  const one = { type: 'integer', minimum: 1, maximum: MAX_WINDOW };
  return {
    type: 'custom',
    docType: 'number or [h, w]',
    doc: `${doc} Each size from 1 to ${MAX_WINDOW}.`,
    ...options,
    check: (c, value, path) => checkPair(c, value, path, what),
    schema: () => ({ anyOf: [one, { type: 'array', minItems: 2, maxItems: 2, items: one }] }),
  };
}

/** conv2d's `padding`: "valid", "same" or a whole number of zero rows and columns on every side. */
export const PADDING_KEY: CustomKeySpec = {
  type: 'custom',
  docType: '"valid", "same" or number',
  docDefault: '`"valid"`',
  default: 'valid',
  doc:
    'Zeros around the input: `"valid"` none; `"same"` so that the output has the input\'s height and width (stride 1 only, as ' +
    "PyTorch's `padding='same'`: k − 1 in total, ⌊(k − 1)/2⌋ before and the rest after, so an even kernel pads one more " +
    `on the bottom and right); a number p from 0 to ${MAX_PADDING}: p on every side. Output size along each axis: ⌊(n + 2p − k)/s⌋ + 1.`,
  check(c, value, path): Padding | undefined {
    if (value === 'valid' || value === 'same') return value;
    if (typeof value === 'number') return checkInteger(c, value, path, 'padding', 0, MAX_PADDING);
    c.error(path, `padding must be "valid", "same" or a whole number, got ${describeType(value)}`, undefined, '"same"');
    return undefined;
  },
  schema: () => ({ anyOf: [{ enum: ['valid', 'same'] }, { type: 'integer', minimum: 0, maximum: MAX_PADDING }] }),
};

/** `"3"` or `"3×2"` for summaries. */
export function pairText(pair: readonly [number, number]): string {
  return pair[0] === pair[1] ? String(pair[0]) : `${pair[0]}×${pair[1]}`;
}

/** The Python text of a pair: `3` or `(3, 2)`. */
export function pyPair(pair: readonly [number, number]): string {
  return pair[0] === pair[1] ? String(pair[0]) : `(${pair[0]}, ${pair[1]})`;
}

/**
 * The saved whole-number fields `names` of a layer (each from `min` to `max`), or one line "path: why".
 */
export function savedInts(
  saved: Readonly<Record<string, unknown>>,
  names: readonly string[],
  path: JsonPath,
  min: number,
  max: number,
): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const name of names) {
    const v = Object.hasOwn(saved, name) ? saved[name] : undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      return `${formatPath([...path, name])}: must be a whole number from ${min} to ${max}, got ${describeSaved(v)}`;
    out[name] = v;
  }
  return out;
}

/** The first of `names` whose saved value differs from the layer's, as "has <name> a, the description has b", or undefined. */
export function savedDiffers(
  saved: Readonly<Record<string, unknown>>,
  expected: Readonly<Record<string, unknown>>,
  names: readonly string[],
): string | undefined {
  const name = names.find((n) => saved[n] !== expected[n]);
  return name === undefined ? undefined : `has ${name} ${String(saved[name])}, the description has ${String(expected[name])}`;
}
