/**
 * The `layers` list: each layer's `"type"` names a registered layer kind (dense when absent),
 * whose key specs check its keys and whose `resolve` fills its defaults. Sizes are checked
 * against the limits before anything is allocated.
 */
import type { JsonPath } from '../problems';
import type { ResolvedLayer } from './resolved';
import { Checker, checkChoice, describeType, isObject } from './checks';
import { checkBlock } from './key-spec';
import { DEFAULT_LAYER_KIND, kindOf, layerKindNames } from '../layers/kinds/registry';
import type { AnyRegistry } from './named';

export { countParams } from '../layers/kinds/registry';
export { MAX_INIT_SCALE, resolveInit } from '../layers/kinds/weighted-keys';

/** Checks every layer; returns the resolved list, or undefined when any layer has an error. */
export function checkLayers(c: Checker, value: unknown, activations: AnyRegistry): ResolvedLayer[] | undefined {
  const path = ['layers'];
  if (value === undefined) {
    c.error([], 'missing "layers": list the layers, e.g. "layers": [{ "units": 8, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }]', 'missing');
    return undefined;
  }
  if (!Array.isArray(value)) {
    c.error(path, `layers must be an array of layer objects, got ${describeType(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    c.error(path, 'layers is empty: give at least the output layer, e.g. [{ "units": 1, "activation": "sigmoid" }]', 'range');
    return undefined;
  }
  if (value.length > c.limits.maxLayers) {
    c.error(path, `${value.length} layers is more than the limit of ${c.limits.maxLayers} (maxLayers)`, 'limit');
    return undefined;
  }
  const out = value.map((layer, i) => checkLayer(c, layer, [...path, i], activations));
  return out.every((l): l is ResolvedLayer => l !== undefined) ? out : undefined;
}

function checkLayer(c: Checker, value: unknown, path: JsonPath, activations: AnyRegistry): ResolvedLayer | undefined {
  if (!isObject(value)) {
    c.error(path, `a layer must be an object such as { "units": 8, "activation": "tanh" }, got ${describeType(value)}`);
    return undefined;
  }
  const type = value.type === undefined ? DEFAULT_LAYER_KIND : checkChoice(c, value.type, [...path, 'type'], 'layer type', layerKindNames());
  if (type === undefined) return undefined;
  const kind = kindOf(type);
  const { values, ok } = checkBlock(c, value, kind.keys, path, { where: `a ${type} layer`, extraKeys: ['type'], elsewhere: { ...kind.elsewhere } });
  const resolved = kind.resolve(c, values, value, path, { activations });
  return ok ? resolved : undefined;
}
