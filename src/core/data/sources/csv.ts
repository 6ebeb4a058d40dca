/**
 * A CSV file: `{ "csv": "data/fruit.csv", "target": "fruit" }`, features and targets by column,
 * read through the caller's `readFile`; the exported PyTorch script reads the same file.
 */
import type { Checker } from '../../config/checks';
import { describeType } from '../../config/checks';
import { checkKeyValue, type KeySpecs } from '../../config/key-spec';
import { csvScriptSource } from '../../export/pytorch/csv-source';
import type { JsonPath } from '../../problems';
import { csvToDataset } from '../csv';
import { normalizeKey } from './dataset';
import { noAccessProblem, readProblem } from './read-problem';
import { checkImageShape, IMAGE_SHAPE_KEY, withImageShape } from './shape-key';
import { baseName, type DataSource } from './source';

/** A CSV block with its defaults filled in (`header` undefined: detected from the first row). */
export interface CsvSpec {
  kind: 'csv';
  csv: string;
  target?: Target;
  header?: boolean;
  normalize: boolean;
  /** `[channels, height, width]` when the rows are images. */
  shape?: [number, number, number];
}

type Target = string | number | (string | number)[];

function checkTarget(c: Checker, value: unknown, path: JsonPath): Target | undefined {
  const one = (v: unknown, p: JsonPath): string | number | undefined => {
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    c.error(p, `target must be a column name or a 0-based column index, got ${describeType(v)}`);
    return undefined;
  };
  if (!Array.isArray(value)) return one(value, path);
  if (value.length === 0) {
    c.error(path, 'target lists no column: name at least one', 'range');
    return undefined;
  }
  const list = value.map((v, i) => one(v, [...path, i]));
  return list.every((v) => v !== undefined) ? (list as (string | number)[]) : undefined;
}

const COLUMN = [
  { type: 'string', minLength: 1 },
  { type: 'integer', minimum: 0 },
];

const keys: KeySpecs = {
  csv: {
    type: 'string',
    required: true,
    doc: 'A CSV file, relative to this file, inside its folder. The first row is a header unless it is all numbers.',
  },
  target: {
    type: 'custom',
    docType: 'column or list',
    docDefault: 'the last column',
    doc: 'Target column(s) of the CSV file by header name or 0-based index (default: the last column). Text targets become classes.',
    check: checkTarget,
    schema: () => ({ anyOf: [...COLUMN, { type: 'array', minItems: 1, items: { anyOf: COLUMN } }] }),
  },
  header: { type: 'boolean', docDefault: 'detected', doc: 'Whether the first CSV row is a header (default: detected, a header when it is not all numbers).' },
  normalize: normalizeKey('Standardise the feature columns to zero mean and unit variance (default false).', '`false`'),
  shape: IMAGE_SHAPE_KEY,
};

/** CSV data. */
export const csvSource: DataSource<CsvSpec> = {
  kind: 'csv',
  selector: 'csv',
  hint: '"csv" (a file)',
  title: 'CSV files',
  keys,
  snippets: [{ label: 'CSV file', body: { csv: '${1:data.csv}', target: '${2:label}' } }],

  check(c, value, path) {
    const csv = checkKeyValue(c, keys.csv, value.csv, [...path, 'csv'], 'csv (a file path relative to this file)') as string | undefined;
    const header = value.header === undefined ? undefined : (checkKeyValue(c, keys.header, value.header, [...path, 'header'], 'header') as boolean | undefined);
    const target = value.target === undefined ? undefined : checkTarget(c, value.target, [...path, 'target']);
    const normalize =
      value.normalize === undefined
        ? false
        : ((checkKeyValue(c, keys.normalize, value.normalize, [...path, 'normalize'], 'normalize') as boolean | undefined) ?? false);
    const shape = value.shape === undefined ? undefined : checkImageShape(c, value.shape, [...path, 'shape']);
    if (csv === undefined || (value.header !== undefined && header === undefined) || (value.target !== undefined && target === undefined)) return undefined;
    if (value.shape !== undefined && !shape) return undefined;
    return { kind: 'csv', csv, target, header, normalize, ...(shape ? { shape } : {}) };
  },

  staticShape: () => undefined,

  files: (spec) => [{ file: spec.csv, at: ['csv'], binary: false }],

  load(spec, access, path) {
    const at = [...path, 'csv'];
    if (!access.readFile) return { problems: [noAccessProblem(at, spec.csv)] };
    let text: string;
    try {
      text = access.readFile(spec.csv);
    } catch (e) {
      return { problems: [readProblem(at, spec.csv, e)] };
    }
    const loaded = csvToDataset(text, spec, { file: baseName(spec.csv), path: at, targetPath: [...path, 'target'], maxSamples: access.maxSamples });
    return withImageShape(loaded, spec.shape, [...path, 'shape']);
  },

  scriptData: (spec, ctx) => csvScriptSource(ctx.readFile(spec.csv), spec, ctx.data, ctx.pathFromScript(spec.csv)),
};
