/**
 * The `data` block (and `testData`, same shape): exactly one source (a generator, a built-in data
 * set, a CSV file, inline arrays or IDX image files), its options checked and defaulted.
 * Loading happens later (`loadData`).
 */
import type { GeneratorName, ResolvedDataConfig } from './types';
import { Checker, checkBoolean, checkChoice, checkInteger, checkKeys, checkNumberIn, checkString, describeType, isObject } from './checks';
import { DATA_KEYS, DEFAULT_IDX_CLASSES, IDX_FILE_KEYS, MAX_IDX_CLASSES, MAX_NOISE } from './keys';
import { GENERATOR_DEFAULTS, GENERATOR_NAMES, MULTICLASS_GENERATORS } from '../data/generators';
import { BUILTIN_DATASETS, BUILTIN_NORMALIZE } from '../data/builtin';
import { MAX_SEED } from './validate-training';

type DataKind = keyof typeof DATA_KEYS;
const KINDS = Object.keys(DATA_KEYS) as DataKind[];
const SELECTOR: Record<DataKind, string> = { generator: 'generator', builtin: 'dataset', csv: 'csv', inline: 'inputs', idx: 'idx' };

/**
 * Checks the block at `key` ("data" or "testData"); `seed` is the training seed (the default seed
 * of generated data).
 */
export function checkData(c: Checker, value: unknown, seed: number, key: 'data' | 'testData' = 'data'): ResolvedDataConfig | undefined {
  const path = [key];
  if (value === undefined) {
    c.error([], 'missing "data": say where the samples come from, e.g. "data": { "generator": "xor" }', 'missing');
    return undefined;
  }
  if (!isObject(value)) {
    c.error(path, `${key} must be an object such as { "generator": "xor" } or { "csv": "file.csv" }, got ${describeType(value)}`);
    return undefined;
  }
  const kinds = KINDS.filter((k) => Object.hasOwn(value, SELECTOR[k]) || (k === 'inline' && Object.hasOwn(value, 'targets')));
  if (kinds.length === 0) {
    const all = [...new Set(KINDS.flatMap((k) => DATA_KEYS[k] as readonly string[]))];
    checkKeys(c, value, all, path, key);
    c.error(path, `${key} needs one source: "generator" (xor, circle, spiral, gauss, sine), "dataset" ("iris", "digits"), "csv" (a file), "idx" (image files) or "inputs" with "targets"`, 'missing');
    return undefined;
  }
  if (kinds.length > 1) {
    c.error(path, `${key} has several sources (${kinds.map((k) => `"${SELECTOR[k]}"`).join(', ')}): keep exactly one`);
    return undefined;
  }
  const kind = kinds[0];
  // For each key of other kinds: which kinds take it, e.g. only "generator" or "idx" data takes "classes".
  const takers: Record<string, string[]> = {};
  for (const other of KINDS)
    for (const key of DATA_KEYS[other]) if (!(DATA_KEYS[kind] as readonly string[]).includes(key)) (takers[key] ??= []).push(`"${SELECTOR[other]}"`);
  const elsewhere: Record<string, string> = {};
  for (const [key, kinds] of Object.entries(takers)) elsewhere[key] = `only ${kinds.join(' or ')} data takes "${key}"`;
  checkKeys(c, value, DATA_KEYS[kind], path, `${SELECTOR[kind]} data`, elsewhere);
  const normalize = (fallback: boolean): boolean =>
    value.normalize === undefined ? fallback : (checkBoolean(c, value.normalize, [...path, 'normalize'], 'normalize') ?? fallback);
  switch (kind) {
    case 'generator':
      return checkGenerator(c, value, seed, path);
    case 'builtin': {
      const dataset = checkChoice(c, value.dataset, [...path, 'dataset'], 'dataset', BUILTIN_DATASETS);
      const norm = normalize(dataset === undefined ? true : BUILTIN_NORMALIZE[dataset]);
      return dataset === undefined ? undefined : { kind, dataset, normalize: norm };
    }
    case 'idx':
      return checkIdx(c, value, path);
    case 'csv': {
      const csv = checkString(c, value.csv, [...path, 'csv'], 'csv (a file path relative to this file)');
      const header = value.header === undefined ? undefined : checkBoolean(c, value.header, [...path, 'header'], 'header');
      const target = checkTarget(c, value.target, [...path, 'target']);
      const norm = normalize(false);
      if (csv === undefined || (value.header !== undefined && header === undefined) || (value.target !== undefined && target === undefined)) return undefined;
      return { kind, csv, target, header, normalize: norm };
    }
    case 'inline': {
      if (!Object.hasOwn(value, 'inputs')) c.error(path, 'inline data needs "inputs" (one row of numbers per sample) besides "targets"', 'missing');
      if (!Object.hasOwn(value, 'targets')) c.error(path, 'inline data needs "targets" (one row or number per sample) besides "inputs"', 'missing');
      const norm = normalize(false);
      return Object.hasOwn(value, 'inputs') && Object.hasOwn(value, 'targets') ? { kind, inputs: value.inputs, targets: value.targets, normalize: norm } : undefined;
    }
  }
}

function checkGenerator(c: Checker, value: Record<string, unknown>, seed: number, path: string[]): ResolvedDataConfig | undefined {
  const generator = checkChoice<GeneratorName>(c, value.generator, [...path, 'generator'], 'generator', GENERATOR_NAMES);
  const g = generator ?? 'xor';
  const samples =
    value.samples === undefined
      ? GENERATOR_DEFAULTS.samples(g)
      : checkInteger(c, value.samples, [...path, 'samples'], 'samples', 2, c.limits.maxSamples, 'maxSamples');
  const noise = value.noise === undefined ? GENERATOR_DEFAULTS.noise(g) : checkNumberIn(c, value.noise, [...path, 'noise'], 'noise', 0, MAX_NOISE);
  let classes: number | undefined = GENERATOR_DEFAULTS.classes;
  if (value.classes !== undefined) {
    if (generator !== undefined && !MULTICLASS_GENERATORS.includes(generator))
      c.warning([...path, 'classes'], `"${generator}" data always has 2 classes; "classes" only applies to spiral and gauss`, 'ignored');
    else classes = checkInteger(c, value.classes, [...path, 'classes'], 'classes', 2, c.limits.maxClasses, 'maxClasses');
  }
  const dataSeed = value.seed === undefined ? seed : checkInteger(c, value.seed, [...path, 'seed'], 'seed', 0, MAX_SEED);
  if (generator === undefined || samples === undefined || noise === undefined || classes === undefined || dataSeed === undefined) return undefined;
  return { kind: 'generator', generator, samples, noise, classes, seed: dataSeed };
}

function checkTarget(c: Checker, value: unknown, path: string[]): string | number | (string | number)[] | undefined {
  if (value === undefined) return undefined;
  const one = (v: unknown, p: (string | number)[]): string | number | undefined => {
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

/** The IDX block: `idx` names two files, `scale`, `classes` and `classNames` are optional. */
function checkIdx(c: Checker, value: Record<string, unknown>, path: string[]): ResolvedDataConfig | undefined {
  const at = [...path, 'idx'];
  const files = value.idx;
  let images: string | undefined, labels: string | undefined;
  if (!isObject(files)) c.error(at, `idx must name two files, { "images": "train-images-idx3-ubyte.gz", "labels": "train-labels-idx1-ubyte.gz" }, got ${describeType(files)}`);
  else {
    checkKeys(c, files, IDX_FILE_KEYS, at, 'idx');
    if (files.images === undefined) c.error(at, 'idx needs "images": the IDX file of the images (e.g. "train-images-idx3-ubyte.gz")', 'missing');
    else images = checkString(c, files.images, [...at, 'images'], 'images (a file path relative to this file)');
    if (files.labels === undefined) c.error(at, 'idx needs "labels": the IDX file of the labels (e.g. "train-labels-idx1-ubyte.gz")', 'missing');
    else labels = checkString(c, files.labels, [...at, 'labels'], 'labels (a file path relative to this file)');
  }
  const scale = value.scale === undefined ? true : checkBoolean(c, value.scale, [...path, 'scale'], 'scale');
  const classes = value.classes === undefined ? undefined : checkInteger(c, value.classes, [...path, 'classes'], 'classes', 2, MAX_IDX_CLASSES);
  let classNames: string[] | undefined;
  if (value.classNames !== undefined) {
    const names = value.classNames;
    if (!Array.isArray(names) || names.length < 2 || names.some((n) => typeof n !== 'string' || n === ''))
      c.error([...path, 'classNames'], `classNames must list at least two non-empty names, one per class in label order, got ${describeType(names)}`);
    else if (classes !== undefined && names.length !== classes)
      c.error([...path, 'classNames'], `classNames lists ${names.length} names but "classes" is ${classes}: give one name per class`);
    else if (names.length > MAX_IDX_CLASSES) c.error([...path, 'classNames'], `classNames lists ${names.length} names, more than ${MAX_IDX_CLASSES}`, 'limit');
    else classNames = names as string[];
  }
  if (images === undefined || labels === undefined || scale === undefined || (value.classes !== undefined && classes === undefined) || (value.classNames !== undefined && !classNames)) return undefined;
  const resolved: ResolvedDataConfig = { kind: 'idx', images, labels, scale, classes: classes ?? classNames?.length ?? DEFAULT_IDX_CLASSES };
  if (classNames) resolved.classNames = classNames;
  return resolved;
}
