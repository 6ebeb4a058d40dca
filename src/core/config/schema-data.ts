/**
 * The JSON Schema of the `data` block: every key is offered for completion; an if/then per
 * kind (selected by its first key) allows only that kind's keys.
 */
import { GENERATOR_DEFAULTS, GENERATOR_DOCS, GENERATOR_NAMES } from '../data/generators';
import { BUILTIN_DATASETS } from '../data/iris';
import { DATA_KEYS, MAX_NOISE } from './keys';
import type { Limits } from './limits';
import { onlyKeys, SchemaNode } from './schema-parts';
import { MAX_SEED } from './validate-training';

const ROW = { type: 'array', items: { type: 'number' }, minItems: 1 };

/** Schema of the `data` block. */
export function dataSchema(limits: Limits): SchemaNode {
  const properties: Record<string, SchemaNode> = {
    generator: {
      type: 'string',
      enum: [...GENERATOR_NAMES],
      markdownEnumDescriptions: GENERATOR_NAMES.map((g) => GENERATOR_DOCS[g]),
      markdownDescription: 'A synthetic data set: `xor`, `circle`, `spiral`, `gauss` (2-D classification) or `sine` (1-D regression).',
    },
    samples: {
      type: 'integer', minimum: 2, maximum: limits.maxSamples, default: GENERATOR_DEFAULTS.samples('xor'),
      markdownDescription: `Number of generated samples (default ${GENERATOR_DEFAULTS.samples('xor')}; sine ${GENERATOR_DEFAULTS.samples('sine')}).`,
    },
    noise: {
      type: 'number', minimum: 0, maximum: MAX_NOISE, default: GENERATOR_DEFAULTS.noise('xor'),
      markdownDescription: `Standard deviation of the Gaussian jitter added to each coordinate (sine: to y). Default ${GENERATOR_DEFAULTS.noise('xor')}; sine ${GENERATOR_DEFAULTS.noise('sine')}.`,
    },
    classes: {
      type: 'integer', minimum: 2, maximum: limits.maxClasses, default: GENERATOR_DEFAULTS.classes,
      markdownDescription: 'Spiral arms or Gaussian clusters (spiral and gauss only). Two classes give one 0/1 target column, more give one-hot columns.',
    },
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, markdownDescription: 'Seed of the generated samples (default: the training seed).' },
    dataset: { type: 'string', enum: [...BUILTIN_DATASETS], markdownEnumDescriptions: ["Fisher's Iris flowers: 150 samples, 4 measurements, 3 species (one-hot)."], markdownDescription: 'A data set that ships with NN Lab.' },
    normalize: { type: 'boolean', markdownDescription: 'Standardise every feature to zero mean and unit variance (default: true for `dataset`, false otherwise).' },
    csv: { type: 'string', minLength: 1, markdownDescription: 'A CSV file, relative to this file. The first row is a header unless it is all numbers.' },
    target: {
      markdownDescription: 'Target column(s) of the CSV file by header name or 0-based index (default: the last column). Text targets become classes.',
      anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }, { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] } }],
    },
    header: { type: 'boolean', markdownDescription: 'Whether the first CSV row is a header (default: detected).' },
    inputs: { type: 'array', minItems: 1, maxItems: limits.maxSamples, items: ROW, markdownDescription: 'Inline samples: one array of numbers per sample.' },
    targets: { type: 'array', minItems: 1, maxItems: limits.maxSamples, items: { anyOf: [{ type: 'number' }, ROW] }, markdownDescription: 'Inline targets: one number or one array of numbers per sample.' },
  };
  const kind = (selector: string, keys: readonly string[], required: string[] = [selector]): SchemaNode => ({
    if: { required: [selector] },
    then: { required, ...onlyKeys(keys) },
  });
  return {
    type: 'object',
    markdownDescription: 'Where the samples come from: one of `generator`, `dataset`, `csv`, or `inputs` with `targets`.',
    properties,
    anyOf: [{ required: ['generator'] }, { required: ['dataset'] }, { required: ['csv'] }, { required: ['inputs'] }, { required: ['targets'] }],
    allOf: [
      kind('generator', DATA_KEYS.generator),
      kind('dataset', DATA_KEYS.builtin),
      kind('csv', DATA_KEYS.csv),
      kind('inputs', DATA_KEYS.inline, ['inputs', 'targets']),
      kind('targets', DATA_KEYS.inline, ['inputs', 'targets']),
    ],
    defaultSnippets: [
      { label: 'generated data', body: { generator: '${1|xor,circle,spiral,gauss,sine|}', samples: 200, noise: 0.1 } },
      { label: 'Iris data set', body: { dataset: 'iris' } },
      { label: 'CSV file', body: { csv: '${1:data.csv}', target: '${2:label}' } },
      { label: 'inline arrays', body: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0] } },
    ],
  };
}
