/**
 * The maxout layer (Goodfellow et al. 2013): z = x·W + b with W[inputs×(units·pieces)],
 * column j·pieces + k holding piece k of unit j, and y_j = max_k z_{j,k}.
 * Backward routes dy_j to the arg-max piece only (the first one on ties): dz_{j,k*} = dy_j,
 * every other dz = 0; then dW = xᵀ·dz, db = Σ_rows dz, dx = dz·Wᵀ through the kernel.
 * (The reference's maxout could not be built, handled one vector and had no usable backward.)
 */
import type { FloatArray } from '../linalg/float-array';
import { allocatorOf, DenseKernel } from '../linalg/kernel';
import { jsKernel } from '../linalg/js-kernel';
import { sumRowsInto } from '../linalg/reduce';
import { BatchBuffer, IndexBuffer } from './batch-buffer';
import { Layer, LayerShape, NO_INPUT_GRADIENT } from './layer';

/** The `"type"` of maxout layers. */
export const MAXOUT = 'maxout';

/** A maxout layer with its own weights, gradients and reusable batch buffers. */
export class MaxoutLayer implements Layer {
  /** Weights W[inputs×(units·pieces)], row-major. */
  readonly w: FloatArray;
  /** Biases b[units·pieces]. */
  readonly b: FloatArray;
  readonly dw: FloatArray;
  readonly db: FloatArray;
  propagateDown = true;

  private x: FloatArray = NO_INPUT_GRADIENT;
  private n = 0;
  private readonly z: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dz: BatchBuffer;
  private readonly dx: BatchBuffer;
  /** For each (sample, unit): the column j·pieces + k of the winning piece. */
  private readonly argmax = new IndexBuffer();

  /** Zero-initialised weights; see `initialize` in init.ts to draw them. */
  constructor(
    readonly inputs: number,
    readonly units: number,
    readonly pieces: number,
    private readonly kernel: DenseKernel = jsKernel,
  ) {
    if (!(pieces >= 1 && Number.isInteger(pieces))) throw new Error(`maxout pieces must be a whole number ≥ 1, got ${pieces}`);
    const cols = units * pieces;
    const alloc = allocatorOf(kernel);
    this.w = alloc(inputs * cols);
    this.b = alloc(cols);
    this.dw = alloc(inputs * cols);
    this.db = alloc(cols);
    this.z = new BatchBuffer(alloc);
    this.y = new BatchBuffer(alloc);
    this.dz = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Output features per sample (= units). */
  get outputs(): number {
    return this.units;
  }

  /** z = x·W + b, y_j = max_k z_{j,k} for n samples; returns y (a reused buffer). */
  forward(x: FloatArray, n: number): FloatArray {
    if (x.length < n * this.inputs) throw new Error(`Maxout layer expects ${n}×${this.inputs} inputs, got ${x.length} values`);
    const { units, pieces } = this;
    const cols = units * pieces;
    this.x = x;
    this.n = n;
    const z = this.z.fit(n * cols);
    const y = this.y.fit(n * units);
    const arg = this.argmax.fit(n * units);
    this.kernel.matmul(x, this.w, z, n, this.inputs, cols, this.b);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < units; j++) {
        const first = i * cols + j * pieces;
        let best = z[first];
        let at = 0;
        for (let k = 1; k < pieces; k++) {
          // Strict ">" keeps the first maximum on ties.
          if (z[first + k] > best) {
            best = z[first + k];
            at = k;
          }
        }
        y[i * units + j] = best;
        arg[i * units + j] = j * pieces + at;
      }
    }
    return y;
  }

  /** dz = dy routed to the arg-max pieces; then dW, db, dx. Returns dx (a reused buffer). */
  backward(dy: FloatArray): FloatArray {
    const { n, inputs, units, pieces } = this;
    const cols = units * pieces;
    const dz = this.dz.fit(n * cols);
    const arg = this.argmax.fit(n * units);
    dz.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < units; j++) dz[i * cols + arg[i * units + j]] = dy[i * units + j];
    }
    this.kernel.matmulTransA(this.x, dz, this.dw, n, inputs, cols);
    sumRowsInto(dz, this.db, n, cols);
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dx = this.dx.fit(n * inputs);
    this.kernel.matmulTransB(dz, this.w, dx, n, cols, inputs);
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
    return { type: MAXOUT, inputs: this.inputs, units: this.units, pieces: this.pieces };
  }

  /** Computes the same in training and evaluation. */
  setTraining(): void {}
}
