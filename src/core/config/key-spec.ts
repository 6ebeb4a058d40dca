/**
 * One declarative description per config key (type, bounds, default, doc), from which the
 * validator's checks, the JSON Schema's properties and the docs tables are all derived, so a
 * bound or a default is written exactly once.
 *
 * A bound is a number or the name of a `Limits` field (read from the checker's limits, so a
 * caller that lowers a limit lowers the bound too).
 */
import type { JsonPath } from '../problems';
import { Checker, checkBoolean, checkChoice, checkInteger, checkKeys, checkString, describeType, isObject } from './checks';
import type { Limits } from './limits';
import type { SchemaNode } from './schema-parts';

/** A numeric bound: a number, or the name of a limit. */
export type Bound = number | keyof Limits;

/** What every key declares. */
interface KeyBase {
  /** One or two sentences for hovers, the schema and docs/format.md (Markdown). */
  doc: string;
  /** True when the key must be present. */
  required?: boolean;
  /** The default as shown in docs when it is not one plain value (e.g. "the training seed"). */
  docDefault?: string;
}

/** A finite number (`integer` for whole numbers) within optional bounds. */
export interface NumberKeySpec extends KeyBase {
  type: 'number' | 'integer';
  default?: number;
  min?: Bound;
  max?: Bound;
  /** The minimum itself is not allowed. */
  exclusiveMin?: boolean;
  /** The maximum itself is not allowed. */
  exclusiveMax?: boolean;
}

/** true or false. */
export interface BooleanKeySpec extends KeyBase {
  type: 'boolean';
  default?: boolean;
}

/** One string out of a fixed list. */
export interface ChoiceKeySpec extends KeyBase {
  type: 'choice';
  choices: readonly string[];
  /** Markdown for each choice, by name (optional). */
  choiceDocs?: Readonly<Record<string, string>>;
  default?: string;
}

/** Any non-empty string (a path, a name). */
export interface StringKeySpec extends KeyBase {
  type: 'string';
  default?: string;
  /** Allow "". */
  allowEmpty?: boolean;
}

/**
 * A key checked by its own function (nested objects, registry references): the spec still
 * carries its doc and its schema, so the schema and docs stay generated from one place.
 */
export interface CustomKeySpec extends KeyBase {
  type: 'custom';
  /** Checks the value; records problems in `c` and returns the resolved value or undefined. */
  check(c: Checker, value: unknown, path: JsonPath): unknown;
  /** The key's JSON Schema (given the limits in force). */
  schema(limits: Limits): SchemaNode;
  /** How the type reads in docs tables, e.g. "activation" or "object". */
  docType: string;
  /** The value used when the key is absent (already resolved), if any. */
  default?: unknown;
}

/** The description of one key. */
export type KeySpec = NumberKeySpec | BooleanKeySpec | ChoiceKeySpec | StringKeySpec | CustomKeySpec;

/** The keys of one block, in the order they are documented. */
export type KeySpecs = Readonly<Record<string, KeySpec>>;

/** The number a bound stands for under `limits`. */
export function boundValue(bound: Bound, limits: Limits): number {
  return typeof bound === 'number' ? bound : limits[bound];
}

/** Checks one present value against its spec; returns the value or undefined (problem recorded). */
export function checkKeyValue(c: Checker, spec: KeySpec, value: unknown, path: JsonPath, what: string): unknown {
  switch (spec.type) {
    case 'boolean':
      return checkBoolean(c, value, path, what);
    case 'choice':
      return checkChoice(c, value, path, what, spec.choices);
    case 'string':
      return checkString(c, value, path, what, spec.allowEmpty);
    case 'custom':
      return spec.check(c, value, path);
    default:
      return checkNumberKey(c, spec, value, path, what);
  }
}

function checkNumberKey(c: Checker, spec: NumberKeySpec, value: unknown, path: JsonPath, what: string): number | undefined {
  const min = spec.min === undefined ? -Infinity : boundValue(spec.min, c.limits);
  const max = spec.max === undefined ? Infinity : boundValue(spec.max, c.limits);
  if (spec.type === 'integer' && !spec.exclusiveMin && !spec.exclusiveMax) {
    const limitName = typeof spec.max === 'string' ? spec.max : undefined;
    return checkInteger(c, value, path, what, min, max, limitName);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    c.error(path, `${what} must be ${spec.type === 'integer' ? 'a whole number' : 'a number'}, got ${describeType(value)}`);
    return undefined;
  }
  if (spec.type === 'integer' && !Number.isInteger(value)) {
    c.error(path, `${what} must be a whole number, got ${value}`, 'range');
    return undefined;
  }
  const low = spec.exclusiveMin ? value <= min : value < min;
  const high = spec.exclusiveMax ? value >= max : value > max;
  if (low || high) {
    c.error(path, `${what} must be in ${rangeText(spec, c.limits)}, got ${value}`, typeof spec.max === 'string' && high ? 'limit' : 'range');
    return undefined;
  }
  return value;
}

/** The range of a numeric key as an interval, e.g. "[0, 1)" or "(0, ∞)"; "" when unbounded. */
export function rangeText(spec: NumberKeySpec, limits: Limits): string {
  if (spec.min === undefined && spec.max === undefined) return '';
  const min = spec.min === undefined ? '−∞' : String(boundValue(spec.min, limits));
  const max = spec.max === undefined ? '∞' : String(boundValue(spec.max, limits));
  return `${spec.exclusiveMin || spec.min === undefined ? '(' : '['}${min}, ${max}${spec.exclusiveMax || spec.max === undefined ? ')' : ']'}`;
}

/** Options of `checkBlock`. */
export interface CheckBlockOptions {
  /** How the block is called in unknown-key messages, e.g. "training" or "a dense layer". */
  where: string;
  /** Keys that belong elsewhere, with the hint shown for each. */
  elsewhere?: Record<string, string>;
  /** Keys allowed besides the specs' (checked by the caller, e.g. "type"). */
  extraKeys?: readonly string[];
}

/**
 * Checks every key of `obj` against `specs`: unknown keys, missing required keys, each
 * present value; absent keys take their defaults. Returns the resolved values (a key whose
 * value was wrong is left out, so the caller can fall back or give up) and whether any error
 * was recorded.
 */
export function checkBlock(
  c: Checker,
  obj: Record<string, unknown>,
  specs: KeySpecs,
  path: JsonPath,
  options: CheckBlockOptions,
): { values: Record<string, unknown>; ok: boolean } {
  const since = c.problems.length;
  checkKeys(c, obj, [...(options.extraKeys ?? []), ...Object.keys(specs)], path, options.where, options.elsewhere);
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
    if (value === undefined) {
      if (spec.required) c.error(path, `${options.where} needs "${key}": ${firstSentence(spec.doc)}`, 'missing');
      else if (spec.default !== undefined) values[key] = spec.default;
      continue;
    }
    const checked = checkKeyValue(c, spec, value, [...path, key], key);
    if (checked !== undefined) values[key] = checked;
  }
  return { values, ok: !c.hasErrors(since) };
}

/** True when `value` is a JSON object; records a type error naming `example` otherwise. */
export function expectObject(c: Checker, value: unknown, path: JsonPath, what: string, example: string): value is Record<string, unknown> {
  if (isObject(value)) return true;
  c.error(path, `${what} must be an object such as ${example}, got ${describeType(value)}`);
  return false;
}

/** The JSON Schema of one key. */
export function keySchema(spec: KeySpec, limits: Limits): SchemaNode {
  const doc = { markdownDescription: spec.doc };
  switch (spec.type) {
    case 'boolean':
      return { type: 'boolean', ...withDefault(spec.default), ...doc };
    case 'choice':
      return {
        type: 'string',
        enum: [...spec.choices],
        ...(spec.choiceDocs ? { markdownEnumDescriptions: spec.choices.map((n) => spec.choiceDocs?.[n] ?? '') } : {}),
        ...withDefault(spec.default),
        ...doc,
      };
    case 'string':
      return { type: 'string', ...(spec.allowEmpty ? {} : { minLength: 1 }), ...withDefault(spec.default), ...doc };
    case 'custom':
      return { ...spec.schema(limits), ...doc };
    default: {
      const s: SchemaNode = { type: spec.type, ...withDefault(spec.default), ...doc };
      if (spec.min !== undefined) s[spec.exclusiveMin ? 'exclusiveMinimum' : 'minimum'] = boundValue(spec.min, limits);
      if (spec.max !== undefined) s[spec.exclusiveMax ? 'exclusiveMaximum' : 'maximum'] = boundValue(spec.max, limits);
      return s;
    }
  }
}

/** The schema `properties` of a block. */
export function blockSchemaProperties(specs: KeySpecs, limits: Limits): Record<string, SchemaNode> {
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, keySchema(s, limits)]));
}

/** The keys a block requires. */
export function requiredKeys(specs: KeySpecs): string[] {
  return Object.entries(specs)
    .filter(([, s]) => s.required)
    .map(([k]) => k);
}

/** A Markdown table of a block's keys (key, type, default, range, meaning) for docs/format.md. */
export function keyDocTable(specs: KeySpecs, limits: Limits): string[] {
  const rows = ['| key | type | default | range | meaning |', '|---|---|---|---|---|'];
  for (const [key, spec] of Object.entries(specs)) {
    rows.push(`| \`${key}\` | ${docType(spec)} | ${docDefault(spec)} | ${docRange(spec, limits)} | ${spec.doc.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  }
  return rows;
}

function docType(spec: KeySpec): string {
  if (spec.type === 'custom') return spec.docType;
  if (spec.type === 'choice') return 'string';
  return spec.type;
}

function docDefault(spec: KeySpec): string {
  if (spec.required) return 'required';
  if (spec.docDefault !== undefined) return spec.docDefault;
  if (spec.type === 'custom') return '—';
  return spec.default === undefined ? '—' : `\`${JSON.stringify(spec.default)}\``;
}

function docRange(spec: KeySpec, limits: Limits): string {
  if (spec.type === 'choice') return spec.choices.map((c) => `\`"${c}"\``).join(', ');
  if (spec.type === 'number' || spec.type === 'integer') return rangeText(spec, limits);
  return '';
}

function withDefault(value: unknown): SchemaNode {
  return value === undefined ? {} : { default: value };
}

function firstSentence(doc: string): string {
  const end = doc.search(/\.(\s|$)/);
  return (end < 0 ? doc : doc.slice(0, end)).replace(/`/g, '"');
}
