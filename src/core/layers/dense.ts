/**
 * The fully connected layer: z = x·W + b with W[inputs×units], y = act(z).
 * Backward: dz = act's vector–Jacobian product of dy, dW = xᵀ·dz, db = Σ_rows dz, dx = dz·Wᵀ;
 * the three products go through the `DenseKernel`.
 */
import type { FloatArray } from '../linalg/float-array';
import type { Activation } from '../activations/activation';
import { allocatorOf, DenseKernel } from '../linalg/kernel';
import { jsKernel } from '../linalg/js-kernel';
import { sumRowsInto } from '../linalg/reduce';
import { BatchBuffer } from './batch-buffer';
import { LayerShape, LogitLayer, NO_INPUT_GRADIENT } from './layer';

/** The `"type"` of dense layers. */
export const DENSE = 'dense';

/** A dense layer with its own weights, gradients and reusable batch buffers. */
export class DenseLayer implements LogitLayer {
  /** Weights W[inputs×units], row-major. */
  readonly w: FloatArray;
  /** Biases b[units]. */
  readonly b: FloatArray;
  /** dL/dW, filled by `backward`. */
  readonly dw: FloatArray;
  /** dL/db, filled by `backward`. */
  readonly db: FloatArray;
  propagateDown = true;

  private x: FloatArray = NO_INPUT_GRADIENT;
  private n = 0;
  private readonly z: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dz: BatchBuffer;
  private readonly dx: BatchBuffer;

  /** Zero-initialised weights; see `initialize` in init.ts to draw them. Arrays come from the kernel's allocator. */
  constructor(
    readonly inputs: number,
    readonly units: number,
    readonly activation: Activation,
    private readonly kernel: DenseKernel = jsKernel,
  ) {
    const alloc = allocatorOf(kernel);
    this.w = alloc(inputs * units);
    this.b = alloc(units);
    this.dw = alloc(inputs * units);
    this.db = alloc(units);
    this.z = new BatchBuffer(alloc);
    this.y = new BatchBuffer(alloc);
    this.dz = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Output features per sample (= units). */
  get outputs(): number {
    return this.units;
  }

  /** Name of the activation applied to z. */
  get activationName(): string {
    return this.activation.name;
  }

  /** Pre-activation z[n×units] of the last forward batch (the logits of an output layer). */
  get preActivation(): FloatArray {
    return this.z.view;
  }

  /** z = x·W + b, y = act(z) for n samples; returns y (a reused buffer). */
  forward(x: FloatArray, n: number): FloatArray {
    if (x.length < n * this.inputs) throw new Error(`Dense layer expects ${n}×${this.inputs} inputs, got ${x.length} values`);
    this.x = x;
    this.n = n;
    const z = this.z.fit(n * this.units);
    const y = this.y.fit(n * this.units);
    this.kernel.matmul(x, this.w, z, n, this.inputs, this.units, this.b);
    if (!this.kernel.activationInto?.(this.activation.name, z, y)) this.activation.forwardInto(z, y, this.units);
    return y;
  }

  /** dz = VJP_act(z, y, dy); then dW, db and dx from dz. Returns dx (a reused buffer). */
  backward(dy: FloatArray): FloatArray {
    const dz = this.dz.fit(this.n * this.units);
    if (!this.kernel.activationBackwardInto?.(this.activation.name, this.z.view, dy, dz))
      this.activation.backwardInto(this.z.view, this.y.view, dy, dz, this.units);
    return this.backwardFromPreActivation(dz);
  }

  /**
   * Backward from a given dz = dL/dz, skipping the activation (used when the loss is fused
   * with the output activation and supplies the logit gradient directly).
   * dW = xᵀ·dz, db = Σ_rows dz, dx = dz·Wᵀ.
   */
  backwardFromPreActivation(dz: FloatArray): FloatArray {
    const { n, inputs, units } = this;
    this.kernel.matmulTransA(this.x, dz, this.dw, n, inputs, units);
    sumRowsInto(dz, this.db, n, units);
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dx = this.dx.fit(n * inputs);
    this.kernel.matmulTransB(dz, this.w, dx, n, units, inputs);
    return dx;
  }

  params(): FloatArray[] {
    return [this.w, this.b];
  }

  grads(): FloatArray[] {
    return [this.dw, this.db];
  }

  /** Kind and shape; the kind's name is given by its registry entry. */
  shape(): LayerShape {
    return { type: DENSE, inputs: this.inputs, units: this.units, activation: this.activation.name };
  }

  /** Computes the same in training and evaluation. */
  setTraining(): void {}
}
