/**
 * The 2-D convolution layer, exactly torch.nn.Conv2d (cross-correlation, dilation 1, groups 1):
 *   z[i, f, oy, ox] = b[f] + Σ_{c, ky, kx} W[f, c, ky, kx] · x_pad[i, c, oy·sh + ky, ox·sw + kx],
 *   y = act(z),
 * with x_pad the input padded with zeros (see conv-geometry.ts), W[filters, channels, kh, kw] and
 * b[filters]; samples are flat rows in channel, row, column order, as PyTorch's NCHW flattened.
 *
 * It runs on the kernel's matrix products through im2col: per batch, the window under every
 * output position becomes one row of X_col[n·P × K] (P = oh·ow positions, K = c·kh·kw), so
 *   Z_col = X_col · Wᵀ  [n·P × filters]   (then transposed to z[n × filters × P], plus b),
 * and backward, from dz (the activation's vector–Jacobian product of dy), dZ_col its transpose:
 *   dW = dZ_colᵀ · X_col,  db[f] = Σ_{i, p} dz[i, f, p],  dX_col = dZ_col · W,
 * and dx gathers dX_col back (col2im: each entry added to the input element it was read from).
 */
import type { FloatArray } from '../linalg/float-array';
import type { Activation } from '../activations/activation';
import { allocatorOf, indexAllocatorOf, type DenseKernel } from '../linalg/kernel';
import { jsKernel } from '../linalg/js-kernel';
import { BatchBuffer } from './batch-buffer';
import { im2colTable, type WindowGeometry } from './conv-geometry';
import { NO_INPUT_GRADIENT, type LayerShape, type LogitLayer } from './layer';

/** Samples convolved at once in evaluation (bounds X_col: e.g. 64·784·9 values for a 3×3 kernel on 28×28). */
export const EVAL_BLOCK = 64;

/** The `"type"` of convolution layers. */
export const CONV2D = 'conv2d';

/** A convolution layer with its own weights, gradients and reusable batch buffers. */
export class Conv2dLayer implements LogitLayer {
  /** Weights W[filters × channels × kh × kw], row-major. */
  readonly w: FloatArray;
  /** Biases b[filters]. */
  readonly b: FloatArray;
  /** dL/dW. */
  readonly dw: FloatArray;
  /** dL/db. */
  readonly db: FloatArray;
  /** Input values per sample, c·h·w. */
  readonly inputs: number;
  /** Output values per sample, filters·oh·ow. */
  readonly outputs: number;
  propagateDown = true;

  /** Window elements per output position, K = c·kh·kw. */
  private readonly k: number;
  /** Output positions per filter, P = oh·ow. */
  private readonly p: number;
  private readonly table: Int32Array;
  private n = 0;
  private training = true;
  private readonly cols: BatchBuffer;
  private readonly z: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dz: BatchBuffer;
  private readonly dzCol: BatchBuffer;
  private readonly dCols: BatchBuffer;
  private readonly dx: BatchBuffer;

  /** Zero weights for `filters` filters over `geometry`; the arrays come from the kernel's allocator. */
  constructor(
    readonly geometry: WindowGeometry,
    readonly filters: number,
    readonly activation: Activation,
    private readonly kernel: DenseKernel = jsKernel,
  ) {
    const g = geometry;
    this.k = g.c * g.kh * g.kw;
    this.p = g.oh * g.ow;
    this.inputs = g.c * g.h * g.w;
    this.outputs = filters * this.p;
    // The table lives where the kernel works (its memory, for the WebAssembly im2col/col2im).
    const table = im2colTable(g);
    this.table = indexAllocatorOf(kernel)(table.length);
    this.table.set(table);
    const alloc = allocatorOf(kernel);
    this.w = alloc(filters * this.k);
    this.b = alloc(filters);
    this.dw = alloc(filters * this.k);
    this.db = alloc(filters);
    this.cols = new BatchBuffer(alloc);
    this.z = new BatchBuffer(alloc);
    this.y = new BatchBuffer(alloc);
    this.dz = new BatchBuffer(alloc);
    this.dzCol = new BatchBuffer(alloc);
    this.dCols = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Name of the activation applied to z. */
  get activationName(): string {
    return this.activation.name;
  }

  /** z[n × filters × oh × ow] of the last forward batch. */
  get preActivation(): FloatArray {
    return this.z.view;
  }

  /** X_col[i·P + p, r] = x_pad[first + i, window r of position p] (0 in the padding) for `count` samples from `first`. */
  private im2col(x: FloatArray, first: number, count: number): FloatArray {
    const { table, inputs } = this;
    const per = table.length;
    const cols = this.cols.fit(count * per);
    if (this.kernel.im2col?.(table, x, first, count, inputs, cols)) return cols;
    for (let i = 0; i < count; i++) {
      const src = (first + i) * inputs;
      const dst = i * per;
      for (let t = 0; t < per; t++) {
        const at = table[t];
        cols[dst + t] = at >= 0 ? x[src + at] : 0;
      }
    }
    return cols;
  }

  /**
   * z = conv(x) + b, y = act(z) for n samples; returns y (a reused buffer). In training the whole
   * batch goes through one product (X_col is kept for dW); in evaluation, blocks of EVAL_BLOCK
   * samples at a time, so a large evaluation chunk needs no X_col of its whole size.
   */
  forward(x: FloatArray, n: number): FloatArray {
    if (x.length < n * this.inputs) throw new Error(`conv2d layer expects ${n}×${this.inputs} inputs, got ${x.length} values`);
    this.n = n;
    const { k, p, filters: f } = this;
    const z = this.z.fit(n * f * p);
    const block = this.training ? n : Math.min(n, EVAL_BLOCK);
    for (let first = 0; first < n; first += block) {
      const count = Math.min(block, n - first);
      const cols = this.im2col(x, first, count);
      // Z_col[count·P × F] = X_col[count·P × K] · W[F × K]ᵀ (in the buffer backward uses for dZ_col)
      const zCol = this.dzCol.fit(count * p * f);
      this.kernel.matmulTransB(cols, this.w, zCol, count * p, k, f);
      const b = this.b;
      // z[i, f, q] = Z_col[i·P + q, f] + b[f]
      if (this.kernel.convOutput?.(zCol, b, z, first, count, f, p)) continue;
      for (let i = 0; i < count; i++)
        for (let j = 0; j < f; j++) {
          const bj = b[j];
          const dst = ((first + i) * f + j) * p;
          const src = i * p * f + j;
          for (let q = 0; q < p; q++) z[dst + q] = zCol[src + q * f] + bj;
        }
    }
    const y = this.y.fit(n * f * p);
    if (!this.kernel.activationInto?.(this.activation.name, z, y)) this.activation.forwardInto(z, y, this.outputs);
    return y;
  }

  /** dz = VJP_act(z, y, dy); then dW, db and dx from dz. Returns dx (a reused buffer). */
  backward(dy: FloatArray): FloatArray {
    const dz = this.dz.fit(this.n * this.outputs);
    if (!this.kernel.activationBackwardInto?.(this.activation.name, this.z.view, dy, dz))
      this.activation.backwardInto(this.z.view, this.y.view, dy, dz, this.outputs);
    return this.backwardFromPreActivation(dz);
  }

  /** dW = dZ_colᵀ · X_col, db = Σ dz per filter, dX_col = dZ_col · W, dx = col2im(dX_col). */
  backwardFromPreActivation(dz: FloatArray): FloatArray {
    const { n, k, p, filters: f, db } = this;
    const dzCol = this.dzCol.fit(n * p * f);
    if (!this.kernel.convOutputGrad?.(dz, dzCol, db, n, f, p)) {
      db.fill(0);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < f; j++) {
          const src = (i * f + j) * p;
          const dst = i * p * f + j;
          let s = 0;
          for (let q = 0; q < p; q++) {
            const v = dz[src + q];
            dzCol[dst + q * f] = v;
            s += v;
          }
          db[j] += s;
        }
    }
    // dW[F × K] = dZ_col[n·P × F]ᵀ · X_col[n·P × K]
    this.kernel.matmulTransA(dzCol, this.cols.view, this.dw, n * p, f, k);
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dCols = this.dCols.fit(n * p * k);
    // dX_col[n·P × K] = dZ_col[n·P × F] · W[F × K]
    this.kernel.matmul(dzCol, this.w, dCols, n * p, f, k);
    const { table, inputs } = this;
    const per = table.length;
    const dx = this.dx.fit(n * inputs);
    if (this.kernel.col2im?.(table, dCols, n, inputs, dx)) return dx;
    dx.fill(0);
    for (let i = 0; i < n; i++) {
      const dst = i * inputs;
      const src = i * per;
      for (let t = 0; t < per; t++) {
        const at = table[t];
        if (at >= 0) dx[dst + at] += dCols[src + t];
      }
    }
    return dx;
  }

  params(): FloatArray[] {
    return [this.w, this.b];
  }

  grads(): FloatArray[] {
    return [this.dw, this.db];
  }

  /** Kind and shape: the input image, the filters, the window, the stride, the padding and the activation. */
  shape(): LayerShape {
    const g = this.geometry;
    return {
      type: CONV2D,
      inputs: this.inputs,
      units: this.outputs,
      channels: g.c,
      height: g.h,
      width: g.w,
      filters: this.filters,
      kernelHeight: g.kh,
      kernelWidth: g.kw,
      strideHeight: g.sh,
      strideWidth: g.sw,
      padTop: g.pt,
      padBottom: g.pb,
      padLeft: g.pl,
      padRight: g.pr,
      activation: this.activation.name,
    };
  }

  /** Training keeps the batch's X_col for dW; evaluation convolves in blocks of samples (the same numbers). */
  setTraining(training: boolean): void {
    this.training = training;
  }
}
