/**
 * The saved form of a trained model's weights: plain JSON arrays, with each layer's kind and
 * shape so that loading can check them against the model description.
 */
import type { LayerShape } from '../layers/layer';

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
    return `uses activation ${saved.activation}, the description has ${expected.activation}`;
  const cols = weightColumns(expected);
  if (!Array.isArray(saved.w) || saved.w.length !== expected.inputs * cols)
    return `needs ${expected.inputs * cols} weights, the file has ${Array.isArray(saved.w) ? saved.w.length : 'none'}`;
  if (!Array.isArray(saved.b) || saved.b.length !== cols)
    return `needs ${cols} biases, the file has ${Array.isArray(saved.b) ? saved.b.length : 'none'}`;
  if (!saved.w.every(Number.isFinite) || !saved.b.every(Number.isFinite)) return 'holds a value that is not a finite number';
  return undefined;
}
