/**
 * Inline arrays: `{ "inputs": [[0, 0], [0, 1]], "targets": [0, 1] }`, the samples written in the
 * description itself.
 */
import { checkKeyValue, type KeySpecs } from '../../config/key-spec';
import type { Limits } from '../../config/limits';
import { inlineToDataset } from '../inline';
import { normalizeKey } from './dataset';
import { checkImageShape, IMAGE_SHAPE_KEY, withImageShape } from './shape-key';
import type { DataSource } from './source';

/** An inline block (its rows are checked when loaded). */
export interface InlineSpec {
  kind: 'inline';
  inputs: unknown;
  targets: unknown;
  normalize: boolean;
  /** `[channels, height, width]` when the rows are images. */
  shape?: [number, number, number];
}

const ROW = { type: 'array', items: { type: 'number' }, minItems: 1 };

const keys: KeySpecs = {
  inputs: {
    type: 'custom',
    required: true,
    docType: 'number[][]',
    doc: 'Inline samples: one array of numbers per sample.',
    check: (_c, value) => value,
    schema: (limits: Limits) => ({ type: 'array', minItems: 1, maxItems: limits.maxSamples, items: ROW }),
  },
  targets: {
    type: 'custom',
    required: true,
    docType: 'number[] or number[][]',
    doc: 'Inline targets: one number or one array of numbers per sample.',
    check: (_c, value) => value,
    schema: (limits: Limits) => ({ type: 'array', minItems: 1, maxItems: limits.maxSamples, items: { anyOf: [{ type: 'number' }, ROW] } }),
  },
  normalize: normalizeKey('Standardise the inputs to zero mean and unit variance (default false).', '`false`', false),
  shape: IMAGE_SHAPE_KEY,
};

/** Inline data. */
export const inlineSource: DataSource<InlineSpec> = {
  kind: 'inline',
  selector: 'inputs',
  alsoSelectedBy: ['targets'],
  schemaRequired: ['inputs', 'targets'],
  hint: '"inputs" with "targets"',
  title: 'Inline arrays',
  keys,
  snippets: [
    {
      label: 'inline arrays',
      body: {
        inputs: [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        targets: [0, 1, 1, 0],
      },
    },
  ],

  check(c, value, path) {
    if (!Object.hasOwn(value, 'inputs')) c.error(path, 'inline data needs "inputs" (one row of numbers per sample) besides "targets"', 'missing');
    if (!Object.hasOwn(value, 'targets')) c.error(path, 'inline data needs "targets" (one row or number per sample) besides "inputs"', 'missing');
    const normalize =
      value.normalize === undefined
        ? false
        : ((checkKeyValue(c, keys.normalize, value.normalize, [...path, 'normalize'], 'normalize') as boolean | undefined) ?? false);
    const shape = value.shape === undefined ? undefined : checkImageShape(c, value.shape, [...path, 'shape']);
    if (value.shape !== undefined && !shape) return undefined;
    return Object.hasOwn(value, 'inputs') && Object.hasOwn(value, 'targets')
      ? { kind: 'inline', inputs: value.inputs, targets: value.targets, normalize, ...(shape ? { shape } : {}) }
      : undefined;
  },

  // The rows are checked when they are loaded (cheap: they are in the text already).
  staticShape: () => undefined,

  files: () => [],

  load: (spec, access, path) =>
    withImageShape(inlineToDataset(spec.inputs, spec.targets, spec.normalize, path, access.maxSamples), spec.shape, [...path, 'shape']),
};
