/**
 * Small checking helpers shared by the validator's sections. Each helper records problems
 * in a `Checker` and returns the checked value or undefined; none of them throws.
 */
import { didYouMean, JsonPath, Problem, quote } from '../problems';
import type { Limits } from './limits';

/** Collects problems while a description is validated. */
export class Checker {
  readonly problems: Problem[] = [];
  constructor(readonly limits: Limits) {}

  /** Records an error. */
  error(path: JsonPath, message: string, code = 'type', suggestion?: string): void {
    this.problems.push(suggestion === undefined ? { path, message, severity: 'error', code } : { path, message, severity: 'error', code, suggestion });
  }

  /** Records a warning. */
  warning(path: JsonPath, message: string, code: string, suggestion?: string): void {
    this.problems.push(suggestion === undefined ? { path, message, severity: 'warning', code } : { path, message, severity: 'warning', code, suggestion });
  }

  /** True when any error has been recorded since the list had `since` entries. */
  hasErrors(since = 0): boolean {
    return this.problems.slice(since).some((p) => p.severity === 'error');
  }
}

/** How a JSON value is called in messages: "a string", "an array", "null", … */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (typeof value === 'string') return `the string ${quote(value, 40)}`;
  return `${typeof value === 'boolean' ? 'the boolean' : 'a'} ${typeof value === 'boolean' ? String(value) : typeof value}`;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reports every key of `obj` not in `allowed` (with a did-you-mean among `allowed`).
 * `elsewhere` maps keys that belong in another block to a hint naming that block.
 */
export function checkKeys(
  c: Checker,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  path: JsonPath,
  where: string,
  elsewhere: Record<string, string> = {},
): void {
  let reported = 0;
  let unlisted = 0;
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    if (reported >= MAX_UNKNOWN_KEYS) {
      unlisted++;
      continue;
    }
    reported++;
    // Own properties only: "constructor" or "toString" are unknown keys, not Object.prototype's.
    const hint = Object.hasOwn(elsewhere, key) ? elsewhere[key] : undefined;
    const suggestion = hint ? undefined : didYouMean(key, allowed);
    const message = hint
      ? `${quote(key)} does not belong in ${where}: ${hint}`
      : `unknown key ${quote(key)} in ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Allowed: ${allowed.join(', ')}`;
    c.error([...path, key], message, 'unknown-key', suggestion);
  }
  if (unlisted)
    c.error(path, `${unlisted} more unknown key${unlisted === 1 ? '' : 's'} in ${where} (not listed). Allowed: ${allowed.join(', ')}`, 'unknown-key');
}

/** Unknown keys of one object reported one by one; the rest are counted in one more problem. */
export const MAX_UNKNOWN_KEYS = 20;

/** An integer in [min, max]; `limitName` names the limit in the message when max is exceeded. */
export function checkInteger(c: Checker, value: unknown, path: JsonPath, what: string, min: number, max: number, limitName?: string): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    c.error(path, `${what} must be a whole number, got ${describeType(value)}`);
    return undefined;
  }
  if (!Number.isInteger(value)) {
    c.error(path, `${what} must be a whole number, got ${value}`, 'range', String(Math.max(min, Math.round(value))));
    return undefined;
  }
  if (value < min) {
    c.error(path, `${what} must be ${min === 1 ? 'positive (at least 1)' : `at least ${min}`}, got ${value}`, 'range');
    return undefined;
  }
  if (value > max) {
    const limit = limitName ? ` (the ${limitName} limit)` : '';
    c.error(path, `${what} must be at most ${max}${limit}, got ${value}`, limitName ? 'limit' : 'range');
    return undefined;
  }
  return value;
}

/** A finite number in [min, max] (or [min, max) when `maxExclusive`). */
export function checkNumberIn(c: Checker, value: unknown, path: JsonPath, what: string, min: number, max: number, maxExclusive = false): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    c.error(path, `${what} must be a number, got ${describeType(value)}`);
    return undefined;
  }
  const tooHigh = maxExclusive ? value >= max : value > max;
  if (value < min || tooHigh) {
    c.error(path, `${what} must be in [${min}, ${max}${maxExclusive ? ')' : ']'}, got ${value}`, 'range');
    return undefined;
  }
  return value;
}

/** A boolean. */
export function checkBoolean(c: Checker, value: unknown, path: JsonPath, what: string): boolean | undefined {
  if (typeof value === 'boolean') return value;
  c.error(path, `${what} must be true or false, got ${describeType(value)}`);
  return undefined;
}

/** A string (non-empty unless `allowEmpty`). */
export function checkString(c: Checker, value: unknown, path: JsonPath, what: string, allowEmpty = false): string | undefined {
  if (typeof value !== 'string') {
    c.error(path, `${what} must be a string, got ${describeType(value)}`);
    return undefined;
  }
  if (!allowEmpty && value.trim() === '') {
    c.error(path, `${what} must not be empty`, 'range');
    return undefined;
  }
  return value;
}

/** One of `choices`, with a did-you-mean for near misses. */
export function checkChoice<T extends string>(c: Checker, value: unknown, path: JsonPath, what: string, choices: readonly T[]): T | undefined {
  if (typeof value !== 'string') {
    c.error(path, `${what} must be one of ${choices.map((x) => `"${x}"`).join(', ')}, got ${describeType(value)}`);
    return undefined;
  }
  if ((choices as readonly string[]).includes(value)) return value as T;
  const suggestion = didYouMean(value, choices);
  c.error(
    path,
    `unknown ${what} ${quote(value)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Choose one of: ${choices.join(', ')}`,
    'unknown-name',
    suggestion,
  );
  return undefined;
}
