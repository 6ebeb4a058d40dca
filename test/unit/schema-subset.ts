/**
 * Test helper: a small JSON Schema (draft-07) evaluator for the keywords our schema uses, so
 * tests can check that schema and validator accept and reject the same documents.
 * Editor-only keywords (markdownDescription, defaultSnippets, deprecationMessage, …) are ignored.
 */
type Schema = boolean | { [k: string]: unknown };
type Path = (string | number)[];

/** Every violation as [path, keyword]; empty when `value` conforms to `schema`. */
export function schemaErrors(schema: Schema, value: unknown, path: Path = []): [Path, string][] {
  if (schema === true) return [];
  if (schema === false) return [[path, 'false']];
  const s = schema;
  const out: [Path, string][] = [];
  const fail = (kw: string, p: Path = path): void => void out.push([p, kw]);
  if (s.type !== undefined && !hasType(value, s.type as string)) return [[path, 'type']];
  if (s.enum && !(s.enum as unknown[]).some((e) => deepEqual(e, value))) fail('enum');
  if ('const' in s && !deepEqual(s.const, value)) fail('const');
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fail('minimum');
    if (typeof s.maximum === 'number' && value > s.maximum) fail('maximum');
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) fail('exclusiveMinimum');
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) fail('exclusiveMaximum');
  }
  if (typeof value === 'string' && typeof s.minLength === 'number' && value.length < s.minLength) fail('minLength');
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) fail('minItems');
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail('maxItems');
    if (s.items !== undefined) value.forEach((v, i) => out.push(...schemaErrors(s.items as Schema, v, [...path, i])));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) fail('required');
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) out.push(...schemaErrors(props[k], v, [...path, k]));
      else if (s.additionalProperties !== undefined) out.push(...schemaErrors(s.additionalProperties as Schema, v, [...path, k]));
      if (s.propertyNames !== undefined && schemaErrors(s.propertyNames as Schema, k).length) fail('propertyNames', [...path, k]);
    }
  }
  if (s.allOf) for (const sub of s.allOf as Schema[]) out.push(...schemaErrors(sub, value, path));
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => schemaErrors(sub, value, path).length === 0)) fail('anyOf');
  if (s.oneOf && (s.oneOf as Schema[]).filter((sub) => schemaErrors(sub, value, path).length === 0).length !== 1) fail('oneOf');
  if (s.if !== undefined) {
    const branch = schemaErrors(s.if as Schema, value, path).length === 0 ? s.then : s.else;
    if (branch !== undefined) out.push(...schemaErrors(branch as Schema, value, path));
  }
  return out;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return typeof v === t;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
