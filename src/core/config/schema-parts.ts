/**
 * Building blocks of the JSON Schema: registry references (a name, or an object whose
 * parameters are offered and checked per name through if/then) and numeric parameters.
 */
import type { ParamSpec } from '../registry';
import { EntryDoc, entryMarkdown } from './entry-docs';

/** A JSON Schema fragment (plain JSON). */
export type SchemaNode = { [key: string]: unknown };

/** The schema of one numeric parameter, with its bounds and default. */
export function paramSchema(p: ParamSpec): SchemaNode {
  const s: SchemaNode = { type: p.integer ? 'integer' : 'number', default: p.default, markdownDescription: p.doc };
  if (p.min !== undefined) s[p.exclusiveMin ? 'exclusiveMinimum' : 'minimum'] = p.min;
  if (p.max !== undefined) s[p.exclusiveMax ? 'exclusiveMaximum' : 'maximum'] = p.max;
  return s;
}

/**
 * The enum of a registry's names with a Markdown hover for each; old spellings (aliases)
 * are accepted with a deprecation message, as the validator accepts them with a warning.
 */
export function nameEnum(entries: readonly EntryDoc[], description: string): SchemaNode {
  const names: SchemaNode = {
    type: 'string',
    enum: entries.map((e) => e.name),
    markdownEnumDescriptions: entries.map(entryMarkdown),
    markdownDescription: description,
  };
  const aliases = entries.flatMap((e) =>
    (e.aliases ?? []).map((a) => ({ const: a, deprecationMessage: `"${a}" is an old spelling: write "${e.name}".`, doNotSuggest: true })),
  );
  return aliases.length ? { markdownDescription: description, anyOf: [names, ...aliases] } : names;
}

/**
 * A registry reference: `"name"` or `{ "name": …, parameters }`. For each name an
 * if/then offers exactly that entry's parameters and forbids the others.
 */
export function namedSchema(entries: readonly EntryDoc[], description: string): SchemaNode {
  const names = nameEnum(entries, description);
  const byName = entries.flatMap((e) =>
    [e.name, ...(e.aliases ?? [])].map((name) => ({
      if: { properties: { name: { const: name } }, required: ['name'] },
      then: {
        properties: { name: true, ...Object.fromEntries(e.params.map((p) => [p.name, paramSchema(p)])) },
        additionalProperties: false,
      },
    })),
  );
  return {
    markdownDescription: description,
    anyOf: [names, { type: 'object', required: ['name'], properties: { name: names }, allOf: byName }],
  };
}

/**
 * Allows exactly `keys` (each already described in an outer `properties`): editors then say
 * "Property x is not allowed" for any other key.
 */
export function onlyKeys(keys: readonly string[]): SchemaNode {
  return { properties: Object.fromEntries(keys.map((k) => [k, true])), additionalProperties: false };
}
