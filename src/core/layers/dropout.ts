/**
 * Inverted dropout. Training: y_k = x_k·m_k with m_k = 1/(1 − rate) when u_k ≥ rate and 0
 * otherwise, where u_k is one uniform draw in [0, 1) per element of the batch, drawn from the
 * run's generator at forward time in row-major order (sample by sample, feature by feature);
 * so each element is kept with probability 1 − rate and E[y] = x. Evaluation: y = x (no draws).
 * A rate of 0 is the identity in training too, and draws nothing.
 * Backward: dx = dy ⊙ m (dy itself in evaluation).
 * A kernel may run both passes (`DenseKernel.dropoutForward`/`dropoutBackward`, e.g. in
 * WebAssembly on large batches) with the same draws and numbers bit for bit.
 */
import type { FloatArray } from '../linalg/float-array';
import { allocatorOf, type DenseKernel } from '../linalg/kernel';
import type { Rng } from '../rng';
import { BatchBuffer } from './batch-buffer';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from './layer';

/** The `"type"` of dropout layers. */
export const DROPOUT = 'dropout';

/** A dropout layer drawing its masks from the run's generator. */
export class DropoutLayer implements Layer {
  propagateDown = true;
  /** The factor of a kept element, 1/(1 − rate). */
  readonly keepScale: number;
  private training = true;
  /** Whether the last forward batch was masked (training with rate > 0). */
  private masked = false;
  private readonly mask: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;

  /** A layer of `inputs` features dropping each with probability `rate`, drawing from `rng`. */
  constructor(
    readonly inputs: number,
    readonly rate: number,
    private readonly rng: Rng,
    private readonly kernel: DenseKernel,
  ) {
    const alloc = allocatorOf(kernel);
    this.keepScale = 1 / (1 - rate);
    this.mask = new BatchBuffer(alloc);
    this.y = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Output features (= inputs). */
  get outputs(): number {
    return this.inputs;
  }

  /** Training: y = x ⊙ m with a fresh mask (n·inputs uniforms, row-major); evaluation: x itself. */
  forward(x: FloatArray, n: number): FloatArray {
    this.masked = this.training && this.rate > 0;
    if (!this.masked) return x;
    const len = n * this.inputs;
    const m = this.mask.fit(len);
    const y = this.y.fit(len);
    const { rate, keepScale, rng } = this;
    if (this.kernel.dropoutForward?.(rng, rate, keepScale, x, m, y)) return y;
    for (let k = 0; k < len; k++) {
      m[k] = rng.uniform() >= rate ? keepScale : 0;
      y[k] = x[k] * m[k];
    }
    return y;
  }

  /** dx = dy ⊙ m of the last forward batch (dy when it was not masked). */
  backward(dy: FloatArray): FloatArray {
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    if (!this.masked) return dy;
    const m = this.mask.view;
    const dx = this.dx.fit(m.length);
    if (this.kernel.dropoutBackward?.(m, dy, dx)) return dx;
    for (let k = 0; k < m.length; k++) dx[k] = dy[k] * m[k];
    return dx;
  }

  params(): FloatArray[] {
    return [];
  }

  grads(): FloatArray[] {
    return [];
  }

  shape(): LayerShape {
    return { type: DROPOUT, inputs: this.inputs, units: this.inputs, rate: this.rate };
  }

  /** Masks in training, the identity in evaluation. */
  setTraining(training: boolean): void {
    this.training = training;
  }
}
