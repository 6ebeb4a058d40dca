/**
 * The `data` block: exactly one source (a generator, a built-in data set, a CSV file or
 * inline arrays), its options checked and defaulted. Loading happens later (`loadData`).
 */
import type { GeneratorName, ResolvedDataConfig } from './types';
import { Checker, checkBoolean, checkChoice, checkInteger, checkKeys, checkNumberIn, checkString, describeType, isObject } from './checks';
import { DATA_KEYS, MAX_NOISE } from './keys';
import { GENERATOR_DEFAULTS, GENERATOR_NAMES, MULTICLASS_GENERATORS } from '../data/generators';
import { BUILTIN_DATASETS } from '../data/iris';
import { MAX_SEED } from './validate-training';

type DataKind = keyof typeof DATA_KEYS;
const KINDS = Object.keys(DATA_KEYS) as DataKind[];
const SELECTOR: Record<DataKind, string> = { generator: 'generator', builtin: 'dataset', csv: 'csv', inline: 'inputs' };

/** Checks the block; `seed` is the training seed (the default seed of generated data). */
export function checkData(c: Checker, value: unknown, seed: number): ResolvedDataConfig | undefined {
  const path = ['data'];
  if (value === undefined) {
    c.error([], 'missing "data": say where the samples come from, e.g. "data": { "generator": "xor" }', 'missing');
    return undefined;
  }
  if (!isObject(value)) {
    c.error(path, `data must be an object such as { "generator": "xor" } or { "csv": "file.csv" }, got ${describeType(value)}`);
    return undefined;
  }
  const kinds = KINDS.filter((k) => Object.hasOwn(value, SELECTOR[k]) || (k === 'inline' && Object.hasOwn(value, 'targets')));
  if (kinds.length === 0) {
    const all = [...new Set(KINDS.flatMap((k) => DATA_KEYS[k] as readonly string[]))];
    checkKeys(c, value, all, path, 'data');
    c.error(path, 'data needs one source: "generator" (xor, circle, spiral, gauss, sine), "dataset" ("iris"), "csv" (a file) or "inputs" with "targets"', 'missing');
    return undefined;
  }
  if (kinds.length > 1) {
    c.error(path, `data has several sources (${kinds.map((k) => `"${SELECTOR[k]}"`).join(', ')}): keep exactly one`);
    return undefined;
  }
  const kind = kinds[0];
  const elsewhere: Record<string, string> = {};
  for (const other of KINDS)
    for (const key of DATA_KEYS[other]) if (!(DATA_KEYS[kind] as readonly string[]).includes(key)) elsewhere[key] = `only ${other === 'builtin' ? '"dataset"' : `"${SELECTOR[other]}"`} data takes "${key}"`;
  checkKeys(c, value, DATA_KEYS[kind], path, `${SELECTOR[kind]} data`, elsewhere);
  const normalize = (fallback: boolean): boolean =>
    value.normalize === undefined ? fallback : (checkBoolean(c, value.normalize, [...path, 'normalize'], 'normalize') ?? fallback);
  switch (kind) {
    case 'generator':
      return checkGenerator(c, value, seed);
    case 'builtin': {
      const dataset = checkChoice(c, value.dataset, [...path, 'dataset'], 'dataset', BUILTIN_DATASETS);
      const norm = normalize(true);
      return dataset === undefined ? undefined : { kind, dataset, normalize: norm };
    }
    case 'csv': {
      const csv = checkString(c, value.csv, [...path, 'csv'], 'csv (a file path relative to this file)');
      const header = value.header === undefined ? undefined : checkBoolean(c, value.header, [...path, 'header'], 'header');
      const target = checkTarget(c, value.target);
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

function checkGenerator(c: Checker, value: Record<string, unknown>, seed: number): ResolvedDataConfig | undefined {
  const path = ['data'];
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

function checkTarget(c: Checker, value: unknown): string | number | (string | number)[] | undefined {
  const path = ['data', 'target'];
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
