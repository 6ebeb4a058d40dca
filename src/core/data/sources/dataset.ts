/**
 * The data sets that ship with NN Lab: `{ "dataset": "iris" }` or `{ "dataset": "digits" }`.
 */
import { checkKeyValue, type BooleanKeySpec, type KeySpecs } from '../../config/key-spec';
import { BUILTIN_DATASETS, BUILTIN_DOCS, BUILTIN_NORMALIZE, BUILTIN_SHAPES, loadBuiltin, type BuiltinName } from '../builtin';
import type { DataSource } from './source';

/** A built-in data set block with its defaults filled in. */
export interface BuiltinSpec {
  kind: 'builtin';
  dataset: BuiltinName;
  normalize: boolean;
}

/** `normalize`, shared by the sources whose features may be standardised (each gives its own default). */
export function normalizeKey(doc: string, docDefault: string, fallback?: boolean): BooleanKeySpec {
  return { type: 'boolean', doc, docDefault, ...(fallback === undefined ? {} : { default: fallback }) };
}

const keys: KeySpecs = {
  dataset: {
    type: 'choice',
    choices: BUILTIN_DATASETS,
    choiceDocs: BUILTIN_DOCS,
    required: true,
    doc: 'A data set that ships with NN Lab: `iris` or `digits`.',
  },
  normalize: normalizeKey(
    'Standardise every feature to zero mean and unit variance (default: true for `"dataset": "iris"`, false for the digits, whose pixels are scaled to [0, 1]).',
    '`true` for `iris`, `false` for `digits`',
  ),
};

/** The built-in data sets. */
export const datasetSource: DataSource<BuiltinSpec> = {
  kind: 'builtin',
  selector: 'dataset',
  hint: '"dataset" ("iris", "digits")',
  title: 'Built-in data sets',
  keys,
  snippets: [
    { label: 'Iris data set', body: { dataset: 'iris' } },
    { label: 'handwritten digits', body: { dataset: 'digits' } },
  ],

  check(c, value, path) {
    const dataset = checkKeyValue(c, keys.dataset, value.dataset, [...path, 'dataset'], 'dataset') as BuiltinName | undefined;
    const fallback = dataset === undefined ? true : BUILTIN_NORMALIZE[dataset];
    const normalize =
      value.normalize === undefined
        ? fallback
        : ((checkKeyValue(c, keys.normalize, value.normalize, [...path, 'normalize'], 'normalize') as boolean | undefined) ?? fallback);
    return dataset === undefined ? undefined : { kind: 'builtin', dataset, normalize };
  },

  staticShape: (spec) => {
    const shape = BUILTIN_SHAPES[spec.dataset];
    return { ...shape, task: 'classification', features: shape.features ?? [shape.inputs] };
  },

  files: () => [],

  load: (spec) => ({ data: loadBuiltin(spec.dataset, spec.normalize), problems: [] }),
};
