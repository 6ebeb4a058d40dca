/**
 * The JSON Schema of the `data` block: every key is offered for completion; an if/then per
 * kind (selected by its first key) allows only that kind's keys.
 */
import { GENERATOR_DEFAULTS, GENERATOR_DOCS, GENERATOR_NAMES } from '../data/generators';
import { BUILTIN_DATASETS, BUILTIN_DOCS } from '../data/builtin';
import { DATA_KEYS, DEFAULT_IDX_CLASSES, IDX_FILE_KEYS, MAX_IDX_CLASSES, MAX_NOISE } from './keys';
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
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, markdownDescription: 'Seed of the generated samples (default: the training seed).' },
    dataset: { type: 'string', enum: [...BUILTIN_DATASETS], markdownEnumDescriptions: BUILTIN_DATASETS.map((d) => BUILTIN_DOCS[d]), markdownDescription: 'A data set that ships with NN Lab: `iris` or `digits`.' },
    normalize: { type: 'boolean', markdownDescription: 'Standardise every feature to zero mean and unit variance (default: true for `"dataset": "iris"`, false otherwise).' },
    idx: {
      type: 'object',
      markdownDescription: 'Image files in the IDX format of MNIST and Fashion-MNIST (raw or `.gz`), relative to this file. Pixels become inputs (rows × columns), labels one-hot classes.',
      properties: {
        images: { type: 'string', minLength: 1, markdownDescription: 'The images file, e.g. `train-images-idx3-ubyte.gz` (magic 0x00000803).' },
        labels: { type: 'string', minLength: 1, markdownDescription: 'The labels file, e.g. `train-labels-idx1-ubyte.gz` (magic 0x00000801).' },
      },
      required: [...IDX_FILE_KEYS],
      additionalProperties: false,
    },
    scale: { type: 'boolean', default: true, markdownDescription: 'IDX data: divide pixel values by 255, into [0, 1] (default true).' },
    classes: {
      type: 'integer', minimum: 2, maximum: Math.max(limits.maxClasses, MAX_IDX_CLASSES), default: GENERATOR_DEFAULTS.classes,
      markdownDescription: `Spiral arms or Gaussian clusters (spiral and gauss only, at most ${limits.maxClasses}), or the classes of IDX labels (default ${DEFAULT_IDX_CLASSES}). Two classes give one 0/1 target column, more give one-hot columns.`,
    },
    classNames: { type: 'array', minItems: 2, maxItems: MAX_IDX_CLASSES, items: { type: 'string', minLength: 1 }, markdownDescription: 'IDX data: the names of the classes in label order, e.g. `["T-shirt/top", "Trouser", …]`.' },
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
    markdownDescription: 'Where the samples come from: one of `generator`, `dataset`, `csv`, `idx`, or `inputs` with `targets`.',
    properties,
    anyOf: [{ required: ['generator'] }, { required: ['dataset'] }, { required: ['csv'] }, { required: ['idx'] }, { required: ['inputs'] }, { required: ['targets'] }],
    allOf: [
      kind('generator', DATA_KEYS.generator),
      kind('dataset', DATA_KEYS.builtin),
      kind('csv', DATA_KEYS.csv),
      kind('idx', DATA_KEYS.idx),
      kind('inputs', DATA_KEYS.inline, ['inputs', 'targets']),
      kind('targets', DATA_KEYS.inline, ['inputs', 'targets']),
    ],
    defaultSnippets: [
      { label: 'generated data', body: { generator: '${1|xor,circle,spiral,gauss,sine|}', samples: 200, noise: 0.1 } },
      { label: 'Iris data set', body: { dataset: 'iris' } },
      { label: 'handwritten digits', body: { dataset: 'digits' } },
      { label: 'IDX image files (MNIST, Fashion-MNIST)', body: { idx: { images: '${1:train-images-idx3-ubyte.gz}', labels: '${2:train-labels-idx1-ubyte.gz}' } } },
      { label: 'CSV file', body: { csv: '${1:data.csv}', target: '${2:label}' } },
      { label: 'inline arrays', body: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0] } },
    ],
  };
}
