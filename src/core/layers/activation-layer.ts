/**
 * A layer that only applies an activation, y = f(x) (element-wise; the softmax family row-wise),
 * so that e.g. batch normalisation can sit between a linear dense layer and its activation. It
 * exposes its input as logits (a `LogitLayer`), so a loss fuses with it as with a dense layer's
 * activation. Backward: dx = the activation's vector–Jacobian product of dy.
 */
import type { FloatArray } from '../linalg/float-array';
import type { Activation } from '../activations/activation';
import { allocatorOf, type DenseKernel } from '../linalg/kernel';
import { BatchBuffer } from './batch-buffer';
import { NO_INPUT_GRADIENT, type LayerShape, type LogitLayer } from './layer';

/** The `"type"` of activation layers. */
export const ACTIVATION_LAYER = 'activation';

/** y = f(x) for each sample. */
export class ActivationLayer implements LogitLayer {
  propagateDown = true;
  private x: FloatArray = NO_INPUT_GRADIENT;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;

  /** A layer applying `activation` to `inputs` features. */
  constructor(
    readonly inputs: number,
    readonly activation: Activation,
    private readonly kernel: DenseKernel,
  ) {
    const alloc = allocatorOf(kernel);
    this.y = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Output features (= inputs). */
  get outputs(): number {
    return this.inputs;
  }

  /** Name of the activation applied. */
  get activationName(): string {
    return this.activation.name;
  }

  /** The input of the last forward batch (what the activation is applied to). */
  get preActivation(): FloatArray {
    return this.x;
  }

  /** y = f(x) (a reused buffer). */
  forward(x: FloatArray, n: number): FloatArray {
    this.x = x.length === n * this.inputs ? x : x.subarray(0, n * this.inputs);
    const y = this.y.fit(n * this.inputs);
    if (!this.kernel.activationInto?.(this.activation.name, this.x, y)) this.activation.forwardInto(this.x, y, this.inputs);
    return y;
  }

  /** dx = VJP_f(x, y, dy). */
  backward(dy: FloatArray): FloatArray {
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dx = this.dx.fit(this.x.length);
    if (!this.kernel.activationBackwardInto?.(this.activation.name, this.x, dy, dx)) this.activation.backwardInto(this.x, this.y.view, dy, dx, this.inputs);
    return dx;
  }

  /** dx = dz: the loss gave the gradient below the activation. */
  backwardFromPreActivation(dz: FloatArray): FloatArray {
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dx = this.dx.fit(dz.length);
    dx.set(dz);
    return dx;
  }

  params(): FloatArray[] {
    return [];
  }

  grads(): FloatArray[] {
    return [];
  }

  shape(): LayerShape {
    return { type: ACTIVATION_LAYER, inputs: this.inputs, units: this.inputs, activation: this.activation.name };
  }

  /** The same in training and evaluation. */
  setTraining(): void {}
}
