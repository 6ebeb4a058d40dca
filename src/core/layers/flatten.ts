/**
 * The flatten layer: an image sample [channels, height, width] read as its c·h·w values in channel,
 * row, column order (as torch.nn.Flatten on NCHW). The values are already stored so, so the layer
 * passes them on unchanged: y = x, dx = dy. It only changes the shape the next layers see.
 */
import type { FloatArray } from '../linalg/float-array';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from './layer';

/** The `"type"` of flatten layers. */
export const FLATTEN = 'flatten';

/** y = x, as one flat vector per sample. */
export class FlattenLayer implements Layer {
  propagateDown = true;

  /** A layer of `inputs` values per sample. */
  constructor(readonly inputs: number) {}

  /** Output values (= inputs). */
  get outputs(): number {
    return this.inputs;
  }

  /** x itself. */
  forward(x: FloatArray): FloatArray {
    return x;
  }

  /** dy itself. */
  backward(dy: FloatArray): FloatArray {
    return this.propagateDown ? dy : NO_INPUT_GRADIENT;
  }

  params(): FloatArray[] {
    return [];
  }

  grads(): FloatArray[] {
    return [];
  }

  shape(): LayerShape {
    return { type: FLATTEN, inputs: this.inputs, units: this.inputs };
  }

  /** The same in training and evaluation. */
  setTraining(): void {}
}
