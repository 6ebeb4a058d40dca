/**
 * The saved form of a trained model's weights: plain JSON arrays, with each layer's kind and
 * shape so that loading can check them against the model description.
 */
import type { LayerShape } from '../layers/layer';
import { DEFAULT_LIMITS } from '../config/limits';
import { formatPath, quote, type JsonPath } from '../problems';

/** Largest input count a saved model may declare (the same bound as a layer's units). */
export const MAX_SAVED_INPUTS = DEFAULT_LIMITS.maxUnits;

/** One layer's weights: W[inputs×cols] row-major and b[cols], cols = units (dense) or units·pieces (maxout). */
export interface LayerWeightsJson extends LayerShape {
  w: number[];
  b: number[];
}

/** A whole model's weights, as written by `Sequential.toJSON`. */
export interface ModelWeightsJson {
  format: 'nn-lab-weights';
  version: 1;
  /** Input features per sample. */
  inputs: number;
  /** Loss the model was trained with. */
  loss: string;
  layers: LayerWeightsJson[];
}

/** Columns of a layer's weight matrix: units for dense, units·pieces for maxout. */
export function weightColumns(shape: LayerShape): number {
  return shape.type === 'maxout' ? shape.units * (shape.pieces ?? 1) : shape.units;
}

/**
 * Why `saved` does not fit a layer of shape `expected`, or undefined when it does
 * (same kind, sizes, pieces and activation, and arrays of the right lengths of finite numbers).
 */
export function layerMismatch(saved: LayerWeightsJson, expected: LayerShape): string | undefined {
  if (saved.type !== expected.type) return `is a ${saved.type} layer, the description has ${expected.type}`;
  if (saved.inputs !== expected.inputs || saved.units !== expected.units)
    return `has shape ${saved.inputs}→${saved.units}, the description has ${expected.inputs}→${expected.units}`;
  if (expected.type === 'maxout' && saved.pieces !== expected.pieces)
    return `has ${saved.pieces} pieces, the description has ${expected.pieces}`;
  if (expected.type === 'dense' && saved.activation !== expected.activation)
    return `uses activation ${quote(saved.activation ?? '')}, the description has "${expected.activation}"`;
  const cols = weightColumns(expected);
  if (!Array.isArray(saved.w) || saved.w.length !== expected.inputs * cols)
    return `needs ${expected.inputs * cols} weights, the file has ${Array.isArray(saved.w) ? saved.w.length : 'none'}`;
  if (!Array.isArray(saved.b) || saved.b.length !== cols)
    return `needs ${cols} biases, the file has ${Array.isArray(saved.b) ? saved.b.length : 'none'}`;
  if (!saved.w.every(Number.isFinite) || !saved.b.every(Number.isFinite)) return 'holds a value that is not a finite number';
  return undefined;
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
  if (get(value, 'version') !== undefined && get(value, 'version') !== 1) return `${formatPath(p('version'))}: unsupported weights version (this nn-lab reads version 1)`;
  const inputs = size(get(value, 'inputs'), p('inputs'), 1, MAX_SAVED_INPUTS);
  if (typeof inputs === 'string') return inputs;
  const loss = get(value, 'loss');
  if (typeof loss !== 'string') return `${formatPath(p('loss'))}: must be the name of the loss, got ${describe(loss)}`;
  const layers = get(value, 'layers');
  if (!Array.isArray(layers) || layers.length === 0) return `${formatPath(p('layers'))}: must be a non-empty array of layers, got ${describe(layers)}`;
  if (layers.length > DEFAULT_LIMITS.maxLayers) return `${formatPath(p('layers'))}: ${layers.length} layers is more than the limit of ${DEFAULT_LIMITS.maxLayers}`;
  const out: LayerWeightsJson[] = [];
  let fanIn = inputs;
  let total = 0;
  for (let i = 0; i < layers.length; i++) {
    const lp = p('layers', i);
    const layer: unknown = layers[i];
    if (!isRecord(layer)) return `${formatPath(lp)}: must be a layer object { "type", "inputs", "units", "w", "b", … }, got ${describe(layer)}`;
    const type = get(layer, 'type');
    if (type !== 'dense' && type !== 'maxout') return `${formatPath([...lp, 'type'])}: must be "dense" or "maxout", got ${describe(type)}`;
    const layerInputs = size(get(layer, 'inputs'), [...lp, 'inputs'], 1, MAX_SAVED_INPUTS);
    if (typeof layerInputs === 'string') return layerInputs;
    if (layerInputs !== fanIn) return `${formatPath([...lp, 'inputs'])}: is ${layerInputs}, but ${i === 0 ? `"inputs" of the weights is ${fanIn}` : `the layer before has ${fanIn} units`}`;
    const units = size(get(layer, 'units'), [...lp, 'units'], 1, DEFAULT_LIMITS.maxUnits);
    if (typeof units === 'string') return units;
    let pieces: number | undefined;
    let activation: string | undefined;
    if (type === 'maxout') {
      const pc = size(get(layer, 'pieces'), [...lp, 'pieces'], 2, DEFAULT_LIMITS.maxPieces);
      if (typeof pc === 'string') return pc;
      pieces = pc;
    } else {
      const a = get(layer, 'activation');
      if (typeof a !== 'string' || a === '') return `${formatPath([...lp, 'activation'])}: must be the activation's name, got ${describe(a)}`;
      activation = a;
    }
    const cols = units * (pieces ?? 1);
    total += (layerInputs + 1) * cols;
    if (total > DEFAULT_LIMITS.maxParams) return `${formatPath(lp)}: the saved model has more than ${DEFAULT_LIMITS.maxParams} parameters (maxParams)`;
    const w = numbers(get(layer, 'w'), [...lp, 'w'], layerInputs * cols, 'weights');
    if (typeof w === 'string') return w;
    const b = numbers(get(layer, 'b'), [...lp, 'b'], cols, 'biases');
    if (typeof b === 'string') return b;
    out.push(type === 'maxout' ? { type, inputs: layerInputs, units, pieces, w, b } : { type, inputs: layerInputs, units, activation, w, b });
    fanIn = units;
  }
  return { format: 'nn-lab-weights', version: 1, inputs, loss, layers: out };
}
