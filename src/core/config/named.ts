/**
 * Checking a registry reference: `"ReLU"` or `{ "name": "leaky-ReLU", "alpha": 0.1 }`.
 * Unknown names get a did-you-mean from the registry, aliases (such as the reference's
 * "SDG") a warning naming the right spelling, and parameters the registry's own checks.
 */
import type { JsonPath } from '../problems';
import { quote, unknownNameMessage } from '../problems';
import type { Registry } from '../registry';
import type { ResolvedNamed } from './types';
import { Checker, describeType, isObject } from './checks';

/** Any registry, whatever it builds. */
export type AnyRegistry = Pick<Registry<unknown>, 'kind' | 'names' | 'has' | 'canonical' | 'checkParams' | 'resolveParams'>;

/** The canonical registered name for `name`, recording an alias warning or an unknown-name error. */
export function checkRegistryName(c: Checker, registry: AnyRegistry, name: unknown, path: JsonPath): string | undefined {
  if (typeof name !== 'string') {
    c.error(path, `${registry.kind} name must be a string, got ${describeType(name)}`);
    return undefined;
  }
  if (registry.has(name)) return name;
  const canonical = registry.canonical(name);
  if (canonical !== undefined) {
    c.warning(path, `${quote(name)} is an old spelling of the ${registry.kind} "${canonical}"; write "${canonical}"`, 'alias', canonical);
    return canonical;
  }
  const { message, suggestion } = unknownNameMessage(registry.kind, name, registry.names());
  c.error(path, message, 'unknown-name', suggestion);
  return undefined;
}

/** A name with parameters, resolved against the registry (defaults filled in), or undefined on error. */
export function checkNamed(c: Checker, registry: AnyRegistry, value: unknown, path: JsonPath): ResolvedNamed | undefined {
  if (typeof value === 'string') {
    const name = checkRegistryName(c, registry, value, path);
    return name === undefined ? undefined : { name, params: registry.resolveParams(name, {}, path) };
  }
  if (!isObject(value)) {
    c.error(path, `${registry.kind} must be a name or an object { "name": …, parameters }, got ${describeType(value)}`);
    return undefined;
  }
  if (!Object.hasOwn(value, 'name')) {
    c.error(path, `${registry.kind} object needs a "name", e.g. { "name": "${registry.names()[0]}" }`, 'missing');
    return undefined;
  }
  const name = checkRegistryName(c, registry, value.name, [...path, 'name']);
  if (name === undefined) return undefined;
  const given: Record<string, unknown> = { ...value };
  delete given.name;
  const problems = registry.checkParams(name, given, path);
  c.problems.push(...problems);
  if (problems.length) return undefined;
  return { name, params: registry.resolveParams(name, given, path) };
}
