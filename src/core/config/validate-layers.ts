/**
 * The `layers` list: dense and maxout layers, units, activations with their parameters,
 * initialisers. Sizes are checked against the limits before anything is allocated.
 */
import type { JsonPath } from '../problems';
import type { InitName, ResolvedLayer, ResolvedNamed } from './types';
import { Checker, checkChoice, checkInteger, checkKeys, checkNumberIn, describeType, isObject } from './checks';
import { DEFAULT_ACTIVATION, DEFAULT_INIT_SCALE, DEFAULT_PIECES, DENSE_KEYS, INIT_NAMES, LAYER_TYPES, MAXOUT_KEYS } from './keys';
import { ACTIVATIONS } from '../activations';
import { AnyRegistry, checkNamed } from './named';

/** Largest `initScale` accepted. */
export const MAX_INIT_SCALE = 10;

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
  const type = value.type === undefined ? 'dense' : checkChoice(c, value.type, [...path, 'type'], 'layer type', LAYER_TYPES);
  if (type === undefined) return undefined;
  const maxout = type === 'maxout';
  checkKeys(c, value, maxout ? MAXOUT_KEYS : DENSE_KEYS, path, `a ${type} layer`, maxout
    ? { activation: 'a maxout layer has no activation: the maximum over its pieces is its non-linearity' }
    : { pieces: 'only maxout layers have pieces: add "type": "maxout"' });
  const units =
    value.units === undefined
      ? (c.error(path, 'the layer needs "units" (a positive whole number)', 'missing'), undefined)
      : checkInteger(c, value.units, [...path, 'units'], 'units', 1, c.limits.maxUnits, 'maxUnits');
  const initName = value.init === undefined ? 'auto' : checkChoice<InitName>(c, value.init, [...path, 'init'], 'init', INIT_NAMES);
  const initScale = value.initScale === undefined ? DEFAULT_INIT_SCALE : checkNumberIn(c, value.initScale, [...path, 'initScale'], 'initScale', 0, MAX_INIT_SCALE);
  if (value.initScale !== undefined && initName !== undefined && initName !== 'normal')
    c.warning([...path, 'initScale'], `initScale only applies to "init": "normal" (this layer uses "${initName}")`, 'ignored');
  if (initScale === 0) c.error([...path, 'initScale'], 'initScale must be greater than 0: all-zero weights never break symmetry', 'range');
  if (maxout) {
    const pieces = value.pieces === undefined ? DEFAULT_PIECES : checkInteger(c, value.pieces, [...path, 'pieces'], 'pieces', 2, c.limits.maxPieces, 'maxPieces');
    if (units === undefined || initName === undefined || initScale === undefined || initScale === 0 || pieces === undefined) return undefined;
    return { type: 'maxout', units, pieces, init: resolveInit(initName, undefined), initScale };
  }
  let activation: ResolvedNamed | undefined = { name: DEFAULT_ACTIVATION, params: {} };
  if (value.activation !== undefined) activation = checkNamed(c, activations, value.activation, [...path, 'activation']);
  else if (activations.has(DEFAULT_ACTIVATION)) activation = { name: DEFAULT_ACTIVATION, params: activations.resolveParams(DEFAULT_ACTIVATION, {}) };
  if (units === undefined || initName === undefined || initScale === undefined || initScale === 0 || activation === undefined) return undefined;
  return { type: 'dense', units, activation, init: resolveInit(initName, activation.name), initScale };
}

/**
 * `auto` → the activation's registry default (`ActivationEntry.init`: He for the ReLU family,
 * Xavier otherwise), He for maxout (no activation); `glorot` → `xavier`.
 */
export function resolveInit(init: InitName, activation: string | undefined): 'normal' | 'xavier' | 'he' {
  if (init === 'glorot') return 'xavier';
  if (init !== 'auto') return init;
  if (activation === undefined) return 'he';
  return ACTIVATIONS.find((e) => e.name === activation)?.init ?? 'xavier';
}

/** Trainable parameters: dense (in + 1)·units, maxout (in + 1)·units·pieces. */
export function countParams(inputs: number, layers: readonly ResolvedLayer[]): number {
  let total = 0;
  let fanIn = inputs;
  for (const l of layers) {
    total += (fanIn + 1) * l.units * (l.type === 'maxout' ? l.pieces : 1);
    fanIn = l.units;
  }
  return total;
}
