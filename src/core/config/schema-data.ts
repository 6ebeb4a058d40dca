/**
 * The JSON Schema of the `data` block, generated from the data-source registry: every source's
 * keys are offered for completion; an if/then per source (selected by its key) allows only that
 * source's keys, with its own bounds where sources share a key name.
 */
import { dataSourceRegistry } from '../data/sources/registry';
import { keySchema } from './key-spec';
import type { Limits } from './limits';
import { onlyKeys, SchemaNode } from './schema-parts';

/** One schema for a key several sources declare: the widest bounds, every source's doc. */
function mergedKey(key: string, limits: Limits): { schema: SchemaNode; shared: boolean } {
  const owners = dataSourceRegistry.all.filter((s) => Object.hasOwn(s.keys, key));
  const schemas = owners.map((s) => keySchema(s.keys[key], limits));
  if (schemas.length === 1) return { schema: schemas[0], shared: false };
  const merged: SchemaNode = { ...schemas[0] };
  const numbers = (name: string): number[] => schemas.map((s) => s[name]).filter((v): v is number => typeof v === 'number');
  if (merged.minimum !== undefined) merged.minimum = Math.min(...numbers('minimum'));
  if (merged.maximum !== undefined) merged.maximum = Math.max(...numbers('maximum'));
  if (!schemas.every((s) => s.default === schemas[0].default)) delete merged.default;
  merged.markdownDescription = owners.map((s, i) => `\`${s.selector}\` data: ${String(schemas[i].markdownDescription)}`).join('\n\n');
  return { schema: merged, shared: true };
}

/** Schema of the `data` block. */
export function dataSchema(limits: Limits): SchemaNode {
  const sources = dataSourceRegistry.all;
  const names = [...new Set(sources.flatMap((s) => Object.keys(s.keys)))];
  const merged = Object.fromEntries(names.map((k) => [k, mergedKey(k, limits)]));
  const selected = (selector: string, keys: string[], required: readonly string[], sharedProps: Record<string, SchemaNode>): SchemaNode => {
    const only = onlyKeys(keys);
    return { if: { required: [selector] }, then: { required: [...required], ...only, properties: { ...(only.properties as SchemaNode), ...sharedProps } } };
  };
  const allOf: SchemaNode[] = [];
  for (const s of sources) {
    const keys = Object.keys(s.keys);
    // Where the key is shared, the selected source's own bounds and doc.
    const own = Object.fromEntries(keys.filter((k) => merged[k].shared).map((k) => [k, keySchema(s.keys[k], limits)]));
    for (const selector of [s.selector, ...(s.alsoSelectedBy ?? [])]) allOf.push(selected(selector, keys, s.schemaRequired ?? [s.selector], own));
  }
  return {
    type: 'object',
    markdownDescription: `Where the samples come from: one of ${sources.map((s) => `\`${s.selector}\``).join(', ')}.`,
    properties: Object.fromEntries(names.map((k) => [k, merged[k].schema])),
    anyOf: sources.flatMap((s) => [s.selector, ...(s.alsoSelectedBy ?? [])].map((k) => ({ required: [k] }))),
    allOf,
    defaultSnippets: sources.flatMap((s) => s.snippets),
  };
}
