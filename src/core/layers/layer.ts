/**
 * The layer interface of the sequential model. A layer maps a batch x[n×inputs] to
 * y[n×outputs] and, after a forward pass, back-propagates dL/dy to dL/dx while filling
 * the gradients of its parameters. Buffers are owned by the layer and reused between
 * batches (reallocated only when a batch needs more room), so returned arrays stay valid
 * only until the layer's next call.
 */

/** Shape and kind of a layer, as stored with its weights. */
export interface LayerShape {
  type: 'dense' | 'maxout';
  inputs: number;
  units: number;
  /** Linear pieces per unit (maxout only). */
  pieces?: number;
  /** Activation name (dense only). */
  activation?: string;
}

/** One trainable layer. */
export interface Layer {
  /** Input features per sample. */
  readonly inputs: number;
  /** Output features per sample. */
  readonly outputs: number;
  /**
   * Whether `backward` computes dL/dx (default true). The model turns it off for the first
   * layer, whose input gradient nobody needs; `backward` then returns an empty array.
   */
  propagateDown: boolean;
  /** y = layer(x) for n samples; x must stay unchanged until `backward` has run. */
  forward(x: Float64Array, n: number): Float64Array;
  /** Given dy = dL/dy of the last forward batch, fills `grads()` and returns dx = dL/dx. */
  backward(dy: Float64Array): Float64Array;
  /** Trainable tensors in a stable order: [W, b]. Updated in place by optimizers. */
  params(): Float64Array[];
  /** Gradients matching `params()` one to one, filled by `backward`. */
  grads(): Float64Array[];
  /** Kind and shape, for serialisation. */
  shape(): LayerShape;
}

/** The empty array `backward` returns when `propagateDown` is false. */
export const NO_INPUT_GRADIENT = new Float64Array(0);
