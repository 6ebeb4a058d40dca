/**
 * The `data` block (and `testData`, same shape): exactly one source of the data-source registry
 * (a generator, a built-in data set, a CSV file, inline arrays or IDX image files), its options
 * checked and defaulted by the source. Loading happens later (`loadData`).
 */
import type { ResolvedDataConfig } from './resolved';
import { Checker, checkKeys, describeType, isObject } from './checks';
import { dataSourceRegistry } from '../data/sources/registry';
import type { DataSource } from '../data/sources/source';

/** Every key that selects `source`. */
function selectors(source: DataSource): string[] {
  return [source.selector, ...(source.alsoSelectedBy ?? [])];
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Checks the block at `key` ("data" or "testData"); `seed` is the training seed (the default seed
 * of generated data).
 */
export function checkData(c: Checker, value: unknown, seed: number, key: 'data' | 'testData' | 'validationData' = 'data'): ResolvedDataConfig | undefined {
  const path = [key];
  if (value === undefined) {
    c.error([], 'missing "data": say where the samples come from, e.g. "data": { "generator": "xor" }', 'missing');
    return undefined;
  }
  if (!isObject(value)) {
    c.error(path, `${key} must be an object such as { "generator": "xor" } or { "csv": "file.csv" }, got ${describeType(value)}`);
    return undefined;
  }
  const sources = dataSourceRegistry.all;
  const chosen = sources.filter((s) => selectors(s).some((k) => Object.hasOwn(value, k)));
  if (chosen.length === 0) {
    const all = [...new Set(sources.flatMap((s) => Object.keys(s.keys)))];
    checkKeys(c, value, all, path, key);
    c.error(path, `${key} needs one source: ${orList(sources.map((s) => s.hint))}`, 'missing');
    return undefined;
  }
  if (chosen.length > 1) {
    c.error(path, `${key} has several sources (${chosen.map((s) => `"${s.selector}"`).join(', ')}): keep exactly one`);
    return undefined;
  }
  const source = chosen[0];
  const own = Object.keys(source.keys);
  // For each key of other sources: which sources take it, e.g. only "generator" or "idx" data takes "classes".
  const takers: Record<string, string[]> = {};
  for (const other of sources) for (const k of Object.keys(other.keys)) if (!own.includes(k)) (takers[k] ??= []).push(`"${other.selector}"`);
  const elsewhere: Record<string, string> = {};
  for (const [k, names] of Object.entries(takers)) elsewhere[k] = `only ${names.join(' or ')} data takes "${k}"`;
  checkKeys(c, value, own, path, `${source.selector} data`, elsewhere);
  return source.check(c, value, path, seed);
}
