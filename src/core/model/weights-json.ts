/**
 * The saved form of a trained model's weights: plain JSON arrays, with each layer's kind and
 * shape so that loading can check them against the model description.
 */
import type { FloatArray } from '../linalg/float-array';
import type { LayerShape } from '../layers/layer';
import { DEFAULT_LIMITS } from '../config/limits';
import { findLayerKind, kindOf, layerKindNames } from '../layers/kinds/registry';
import { formatPath, quote, type JsonPath } from '../problems';

/** Largest input count a saved model may declare (the same bound as a layer's units). */
export const MAX_SAVED_INPUTS = DEFAULT_LIMITS.maxUnits;

/**
 * One layer's saved form: its kind and shape (see `LayerShape`) and its parameter arrays under
 * the names its kind gives them (dense and maxout: W[inputs×cols] row-major as `w`, b[cols] as `b`).
 */
export interface LayerWeightsJson {
  type: string;
  inputs: number;
  units: number;
  [field: string]: unknown;
}

/** A whole model's weights, as written by `Sequential.toJSON`. */
export interface ModelWeightsJson {
  format: 'nn-lab-weights';
  version: 1;
  /** Input features per sample. */
  inputs: number;
  /** `[channels, height, width]` of an image sample (product `inputs`); absent: flat samples (and files written before images). */
  inputShape?: number[];
  /** Loss the model was trained with. */
  loss: string;
  layers: LayerWeightsJson[];
}

/**
 * Why `saved` does not fit a layer of shape `expected` with parameters `params`, or undefined
 * when it does (same kind, sizes and the kind's own fields, and arrays of the right lengths of
 * finite numbers).
 */
export function layerMismatch(
  saved: LayerWeightsJson,
  expected: LayerShape,
  params: readonly FloatArray[],
  state: readonly FloatArray[] = [],
): string | undefined {
  if (saved.type !== expected.type) return `is a ${saved.type} layer, the description has ${expected.type}`;
  if (saved.inputs !== expected.inputs || saved.units !== expected.units)
    return `has shape ${saved.inputs}→${saved.units}, the description has ${expected.inputs}→${expected.units}`;
  const kind = kindOf(expected.type);
  const differs = kind.file.mismatch(saved, expected);
  if (differs) return differs;
  const names = [...kind.file.params, ...(kind.file.state ?? [])];
  const arrays = [...params, ...state];
  for (let k = 0; k < names.length; k++) {
    const a = saved[names[k]];
    const want = arrays[k].length;
    if (!Array.isArray(a) || a.length !== want) return `needs ${want} ${paramWord(names[k])}, the file has ${Array.isArray(a) ? a.length : 'none'}`;
  }
  if (!names.every((name) => (saved[name] as unknown[]).every(Number.isFinite))) return 'holds a value that is not a finite number';
  return undefined;
}

/** How a parameter array is called in messages: "weights" for w, "biases" for b, else its name's values. */
function paramWord(name: string): string {
  return name === 'w' ? 'weights' : name === 'b' ? 'biases' : `values of "${name}"`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function choiceList(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** True for a plain JSON object. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How a JSON value is named in a message: "null", "an array", "the string \"2\"", "the number 1.5". */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${quote(v, 40)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A declared size: a safe integer in [min, max], or why not ("path: must be …"). */
function size(v: unknown, path: JsonPath, min: number, max: number): number | string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) return v;
  return `${formatPath(path)}: must be a whole number from ${min} to ${max}, got ${describe(v)}`;
}

/** An array of `length` finite numbers, or why not. */
function numbers(v: unknown, path: JsonPath, length: number, what: string): number[] | string {
  if (!Array.isArray(v)) return `${formatPath(path)}: must be an array of ${length} ${what}, got ${describe(v)}`;
  if (v.length !== length) return `${formatPath(path)}: must hold ${length} ${what} for this layer's shape, the file has ${v.length}`;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return `${formatPath([...path, i])}: must be a finite number, got ${describe(x)}`;
  }
  return v as number[];
}

/**
 * `value` checked as a `ModelWeightsJson` (format, version, every layer's kind, sizes and arrays),
 * or one line saying what is wrong at which JSON path under `path`. Sizes are bounded by the
 * default limits (units, pieces, layers, parameters) before any array is allocated.
 */
export function checkWeightsJson(value: unknown, path: JsonPath = []): ModelWeightsJson | string {
  const p = (...rest: JsonPath): JsonPath => [...path, ...rest];
  if (!isRecord(value)) return `${formatPath(path)}: the trained weights must be an object with "format": "nn-lab-weights", got ${describe(value)}`;
  const get = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
  if (get(value, 'format') !== 'nn-lab-weights') return `${formatPath(p('format'))}: must be "nn-lab-weights", got ${describe(get(value, 'format'))}`;
  if (get(value, 'version') !== undefined && get(value, 'version') !== 1)
    return `${formatPath(p('version'))}: unsupported weights version (this nn-lab reads version 1)`;
  const inputs = size(get(value, 'inputs'), p('inputs'), 1, MAX_SAVED_INPUTS);
  if (typeof inputs === 'string') return inputs;
  const inputShape = get(value, 'inputShape');
  if (inputShape !== undefined) {
    const dims = Array.isArray(inputShape) && inputShape.length === 3 ? inputShape.map((d, k) => size(d, p('inputShape', k), 1, MAX_SAVED_INPUTS)) : undefined;
    if (!dims) return `${formatPath(p('inputShape'))}: must be [channels, height, width], got ${describe(inputShape)}`;
    const bad = dims.find((d) => typeof d === 'string');
    if (bad !== undefined) return bad as string;
    const product = (dims as number[]).reduce((a, b) => a * b, 1);
    if (product !== inputs) return `${formatPath(p('inputShape'))}: holds ${product} values per sample, "inputs" is ${inputs}`;
  }
  const loss = get(value, 'loss');
  if (typeof loss !== 'string') return `${formatPath(p('loss'))}: must be the name of the loss, got ${describe(loss)}`;
  const layers = get(value, 'layers');
  if (!Array.isArray(layers) || layers.length === 0) return `${formatPath(p('layers'))}: must be a non-empty array of layers, got ${describe(layers)}`;
  if (layers.length > DEFAULT_LIMITS.maxLayers)
    return `${formatPath(p('layers'))}: ${layers.length} layers is more than the limit of ${DEFAULT_LIMITS.maxLayers}`;
  const out: LayerWeightsJson[] = [];
  let fanIn = inputs;
  let total = 0;
  for (let i = 0; i < layers.length; i++) {
    const lp = p('layers', i);
    const layer: unknown = layers[i];
    if (!isRecord(layer)) return `${formatPath(lp)}: must be a layer object { "type", "inputs", "units", "w", "b", … }, got ${describe(layer)}`;
    const type = get(layer, 'type');
    const kind = typeof type === 'string' ? findLayerKind(type) : undefined;
    if (!kind) return `${formatPath([...lp, 'type'])}: must be ${choiceList(layerKindNames())}, got ${describe(type)}`;
    const layerInputs = size(get(layer, 'inputs'), [...lp, 'inputs'], 1, MAX_SAVED_INPUTS);
    if (typeof layerInputs === 'string') return layerInputs;
    if (layerInputs !== fanIn)
      return `${formatPath([...lp, 'inputs'])}: is ${layerInputs}, but ${i === 0 ? `"inputs" of the weights is ${fanIn}` : `the layer before has ${fanIn} units`}`;
    const units = size(get(layer, 'units'), [...lp, 'units'], 1, DEFAULT_LIMITS.maxUnits);
    if (typeof units === 'string') return units;
    const own = kind.file.checkFields(layer, lp);
    if (typeof own === 'string') return own;
    const fields = { ...own, units };
    const lengths = kind.file.paramLengths(layerInputs, fields);
    total += lengths.reduce((a, b) => a + b, 0);
    if (total > DEFAULT_LIMITS.maxParams) return `${formatPath(lp)}: the saved model has more than ${DEFAULT_LIMITS.maxParams} parameters (maxParams)`;
    const arrays: Record<string, number[]> = {};
    const allLengths = [...lengths, ...(kind.file.stateLengths?.(layerInputs, fields) ?? [])];
    const allNames = [...kind.file.params, ...(kind.file.state ?? [])];
    for (let k = 0; k < allLengths.length; k++) {
      const name = allNames[k];
      const a = numbers(get(layer, name), [...lp, name], allLengths[k], paramWord(name));
      if (typeof a === 'string') return a;
      arrays[name] = a;
    }
    out.push({ type: kind.name, inputs: layerInputs, units, ...own, ...arrays });
    fanIn = kind.file.outputs(layerInputs, fields);
  }
  return { format: 'nn-lab-weights', version: 1, inputs, ...(inputShape !== undefined ? { inputShape: inputShape as number[] } : {}), loss, layers: out };
}
