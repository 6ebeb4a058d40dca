/**
 * IDX image files (MNIST, Fashion-MNIST): `{ "idx": { "images": "…-images-idx3-ubyte.gz", "labels":
 * "…-labels-idx1-ubyte.gz" } }`, read as bytes through the caller's `readBinaryFile`; while typing,
 * the first bytes of each file give the shape.
 */
import type { Checker } from '../../config/checks';
import { checkKeys, describeType, isObject } from '../../config/checks';
import { checkKeyValue, type KeySpecs } from '../../config/key-spec';
import { DEFAULT_IDX_CLASSES, IDX_FILE_KEYS, MAX_IDX_CLASSES } from '../../config/keys';
import type { JsonPath, Problem } from '../../problems';
import { IdxError, readIdxHeader } from '../idx';
import { idxDataShape, idxToDataset } from '../idx-dataset';
import { shownText } from '../shown-text';
import { noAccessProblem, readProblem } from './read-problem';
import { baseName, type DataFileRef, type DataSource } from './source';

/** An IDX block with its defaults filled in. */
export interface IdxSpec {
  kind: 'idx';
  images: string;
  labels: string;
  scale: boolean;
  classes: number;
  classNames?: string[];
}

type Which = (typeof IDX_FILE_KEYS)[number];

const FILE_DOCS: Record<Which, string> = {
  images: 'The images file, e.g. `train-images-idx3-ubyte.gz` (magic 0x00000803).',
  labels: 'The labels file, e.g. `train-labels-idx1-ubyte.gz` (magic 0x00000801).',
};

/** Checks `idx` itself: an object naming the two files. */
function checkFiles(c: Checker, files: unknown, at: JsonPath): { images?: string; labels?: string } {
  if (!isObject(files)) {
    c.error(at, `idx must name two files, { "images": "train-images-idx3-ubyte.gz", "labels": "train-labels-idx1-ubyte.gz" }, got ${describeType(files)}`);
    return {};
  }
  checkKeys(c, files, IDX_FILE_KEYS, at, 'idx');
  const out: { images?: string; labels?: string } = {};
  for (const which of IDX_FILE_KEYS) {
    const example = which === 'images' ? 'train-images-idx3-ubyte.gz' : 'train-labels-idx1-ubyte.gz';
    if (files[which] === undefined) c.error(at, `idx needs "${which}": the IDX file of the ${which} (e.g. "${example}")`, 'missing');
    else
      out[which] = checkKeyValue(c, { type: 'string', doc: FILE_DOCS[which] }, files[which], [...at, which], `${which} (a file path relative to this file)`) as
        string | undefined;
  }
  return out;
}

function checkClassNames(c: Checker, names: unknown, path: JsonPath, classes: number | undefined): string[] | undefined {
  if (!Array.isArray(names) || names.length < 2 || names.some((n) => typeof n !== 'string' || n === ''))
    c.error(path, `classNames must list at least two non-empty names, one per class in label order, got ${describeType(names)}`);
  else if (classes !== undefined && names.length !== classes)
    c.error(path, `classNames lists ${names.length} names but "classes" is ${classes}: give one name per class`);
  else if (names.length > MAX_IDX_CLASSES) c.error(path, `classNames lists ${names.length} names, more than ${MAX_IDX_CLASSES}`, 'limit');
  else return names as string[];
  return undefined;
}

const keys: KeySpecs = {
  idx: {
    type: 'custom',
    required: true,
    docType: 'object',
    doc: 'Image files in the IDX format of MNIST and Fashion-MNIST (raw or `.gz`), relative to this file: `{ "images": …, "labels": … }`. Pixels become inputs (rows × columns), labels one-hot classes.',
    check: (c, value, path) => checkFiles(c, value, path),
    schema: () => ({
      type: 'object',
      properties: Object.fromEntries(IDX_FILE_KEYS.map((w) => [w, { type: 'string', minLength: 1, markdownDescription: FILE_DOCS[w] }])),
      required: [...IDX_FILE_KEYS],
      additionalProperties: false,
    }),
  },
  scale: { type: 'boolean', default: true, doc: 'Divide pixel values by 255, into [0, 1] (`false`: the bytes 0..255 as they are).' },
  classes: { type: 'integer', min: 2, max: MAX_IDX_CLASSES, default: DEFAULT_IDX_CLASSES, doc: 'Number of classes; every label must lie in 0 … classes − 1.' },
  classNames: {
    type: 'custom',
    docType: 'string[]',
    docDefault: '`"0"`, `"1"`, …',
    doc: 'The names of the classes in label order, e.g. `["T-shirt/top", "Trouser", …]` (their number sets `classes`).',
    check: (c, value, path) => checkClassNames(c, value, path, undefined),
    schema: () => ({ type: 'array', minItems: 2, maxItems: MAX_IDX_CLASSES, items: { type: 'string', minLength: 1 } }),
  },
};

/** The two files, labels first (small, so a bad labels file is reported before the images are read). */
function idxFiles(spec: IdxSpec): DataFileRef[] {
  return [
    { file: spec.labels, at: ['idx', 'labels'], binary: true },
    { file: spec.images, at: ['idx', 'images'], binary: true },
  ];
}

/** IDX data. */
export const idxSource: DataSource<IdxSpec> = {
  kind: 'idx',
  selector: 'idx',
  hint: '"idx" (image files)',
  title: 'IDX image files (MNIST, Fashion-MNIST)',
  keys,
  snippets: [
    {
      label: 'IDX image files (MNIST, Fashion-MNIST)',
      body: { idx: { images: '${1:train-images-idx3-ubyte.gz}', labels: '${2:train-labels-idx1-ubyte.gz}' } },
    },
  ],

  check(c, value, path) {
    const { images, labels } = checkFiles(c, value.idx, [...path, 'idx']);
    const scale = value.scale === undefined ? true : (checkKeyValue(c, keys.scale, value.scale, [...path, 'scale'], 'scale') as boolean | undefined);
    const classes =
      value.classes === undefined ? undefined : (checkKeyValue(c, keys.classes, value.classes, [...path, 'classes'], 'classes') as number | undefined);
    const classNames = value.classNames === undefined ? undefined : checkClassNames(c, value.classNames, [...path, 'classNames'], classes);
    if (
      images === undefined ||
      labels === undefined ||
      scale === undefined ||
      (value.classes !== undefined && classes === undefined) ||
      (value.classNames !== undefined && !classNames)
    )
      return undefined;
    const resolved: IdxSpec = { kind: 'idx', images, labels, scale, classes: classes ?? classNames?.length ?? DEFAULT_IDX_CLASSES };
    if (classNames) resolved.classNames = classNames;
    return resolved;
  },

  staticShape: () => undefined,

  files: idxFiles,

  headerShape(spec, prefixes, path) {
    const problems: Problem[] = [];
    const names = { images: baseName(spec.images), labels: baseName(spec.labels) };
    const dims: Partial<Record<Which, number[]>> = {};
    idxFiles(spec).forEach((ref, i) => {
      const which = ref.at[1] as Which;
      try {
        dims[which] = readIdxHeader(prefixes[i], which, names[which]);
      } catch (e) {
        problems.push({ path: [...path, ...ref.at], severity: 'error', code: 'data', message: shownText(e instanceof Error ? e.message : String(e), 300) });
      }
    });
    if (!dims.images || !dims.labels) return { problems };
    try {
      const shape = idxDataShape(dims.images, dims.labels, spec.classes, names);
      return { shape: { ...shape, features: [1, dims.images[1], dims.images[2]] }, problems };
    } catch (e) {
      return { problems: [{ path: [...path, 'idx', 'labels'], severity: 'error', code: 'data', message: e instanceof Error ? e.message : String(e) }] };
    }
  },

  load(spec, access, path) {
    const at = (which: Which): JsonPath => [...path, 'idx', which];
    const read = access.readBinaryFile;
    if (!read) return { problems: [noAccessProblem(at('images'), spec.images)] };
    const bytes: Partial<Record<Which, Uint8Array>> = {};
    for (const ref of idxFiles(spec)) {
      const which = ref.at[1] as Which;
      try {
        bytes[which] = read(ref.file);
      } catch (e) {
        return { problems: [readProblem(at(which), ref.file, e)] };
      }
    }
    const names = { images: baseName(spec.images), labels: baseName(spec.labels) };
    try {
      const data = idxToDataset(
        bytes.images as Uint8Array,
        bytes.labels as Uint8Array,
        { scale: spec.scale, classes: spec.classes, classNames: spec.classNames },
        names,
        access.maxSamples,
      );
      return { data, problems: [] };
    } catch (e) {
      if (!(e instanceof IdxError)) throw e;
      const which = e.file === names.labels && names.labels !== names.images ? 'labels' : 'images';
      return { problems: [{ path: at(which), severity: 'error', code: 'data', message: e.message }] };
    }
  },
};
