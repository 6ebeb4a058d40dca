/**
 * The layer interface of the sequential model. A layer maps a batch x[n×inputs] to
 * y[n×outputs] and, after a forward pass, back-propagates dL/dy to dL/dx while filling
 * the gradients of its parameters. Buffers are owned by the layer and reused between
 * batches (reallocated only when a batch needs more room), so returned arrays stay valid
 * only until the layer's next call.
 */
import type { FloatArray } from '../linalg/float-array';

/**
 * Kind and shape of a layer, as stored with its weights: the kind's name, its input and output
 * features per sample, and the kind's own fields (e.g. a dense layer's activation name).
 */
export interface LayerShape {
  type: string;
  inputs: number;
  /** Output features per sample. */
  units: number;
  [field: string]: string | number;
}

/** One layer of the model. */
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
  forward(x: FloatArray, n: number): FloatArray;
  /** Given dy = dL/dy of the last forward batch, fills `grads()` and returns dx = dL/dx. */
  backward(dy: FloatArray): FloatArray;
  /** Trainable tensors in a stable order (e.g. [W, b]). Updated in place by optimizers. */
  params(): FloatArray[];
  /** Gradients matching `params()` one to one, filled by `backward`. */
  grads(): FloatArray[];
  /**
   * Arrays the layer updates itself in training that are not trained by the optimizer (batch
   * normalisation's running statistics): saved and restored with the parameters. Absent: none. Snapshots of the weights
   * (early stopping's best epoch) copy `params()` and `state()`.
   */
  state?(): FloatArray[];
  /** Kind and shape, for serialisation. */
  shape(): LayerShape;
  /** Switches between training (true) and evaluation (false); a no-op for layers that compute the same in both. */
  setTraining(training: boolean): void;
}

/**
 * A layer whose output is an activation of a pre-activation z (its logits), which a loss can
 * fuse with: the loss is then computed from z and its gradient dL/dz fed below the activation.
 */
export interface LogitLayer extends Layer {
  /** Name of the activation applied to z. */
  readonly activationName: string;
  /** z[n×outputs] of the last forward batch. */
  readonly preActivation: FloatArray;
  /** Backward from dz = dL/dz, skipping the activation; returns dx. */
  backwardFromPreActivation(dz: FloatArray): FloatArray;
}

/** True when `layer` exposes its logits (see `LogitLayer`). */
export function isLogitLayer(layer: Layer): layer is LogitLayer {
  const l = layer as Partial<LogitLayer>;
  return typeof l.activationName === 'string' && typeof l.backwardFromPreActivation === 'function';
}

/** The empty array `backward` returns when `propagateDown` is false. */
export const NO_INPUT_GRADIENT = new Float64Array(0);
