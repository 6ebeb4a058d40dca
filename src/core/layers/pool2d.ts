/**
 * 2-D pooling over each channel of an image sample, as torch.nn.MaxPool2d / AvgPool2d (no padding,
 * dilation 1, ceil_mode off; output size ⌊(n − k)/s⌋ + 1 along each axis):
 *   max:     y[i, c, oy, ox] = max_{ky, kx} x[i, c, oy·sh + ky, ox·sw + kx],
 *   average: y[i, c, oy, ox] = (1/(kh·kw)) · Σ_{ky, kx} x[i, c, oy·sh + ky, ox·sw + kx].
 * Backward: max pooling sends dy to the first maximum of its window in row-major order (as
 * PyTorch: later equal values do not take it over); average pooling spreads dy/(kh·kw) over the window.
 * Overlapping windows (stride < size) add up their contributions.
 */
import type { FloatArray } from '../linalg/float-array';
import { allocatorOf, indexAllocatorOf, type DenseKernel } from '../linalg/kernel';
import { BatchBuffer, IndexBuffer } from './batch-buffer';
import type { WindowGeometry } from './conv-geometry';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from './layer';

/** The `"type"` of max pooling layers. */
export const MAXPOOL2D = 'maxpool2d';
/** The `"type"` of average pooling layers. */
export const AVGPOOL2D = 'avgpool2d';

/** Which pooling. */
export type PoolMode = typeof MAXPOOL2D | typeof AVGPOOL2D;

/** A max or average pooling layer. */
export class Pool2dLayer implements Layer {
  /** Input values per sample, c·h·w. */
  readonly inputs: number;
  /** Output values per sample, c·oh·ow. */
  readonly outputs: number;
  propagateDown = true;
  private n = 0;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;
  /** Max pooling: for each output, the input index (within its sample) of its window's first maximum. */
  private readonly argmax: IndexBuffer;

  /** A pooling layer of `mode` over `geometry` (its padding is 0). */
  constructor(
    readonly mode: PoolMode,
    readonly geometry: WindowGeometry,
    private readonly kernel: DenseKernel,
  ) {
    const g = geometry;
    this.inputs = g.c * g.h * g.w;
    this.outputs = g.c * g.oh * g.ow;
    const alloc = allocatorOf(kernel);
    this.y = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
    this.argmax = new IndexBuffer(indexAllocatorOf(kernel));
  }

  /** The pooled batch y[n × c × oh × ow] (a reused buffer). */
  forward(x: FloatArray, n: number): FloatArray {
    const g = this.geometry;
    this.n = n;
    const y = this.y.fit(n * this.outputs);
    const max = this.mode === MAXPOOL2D;
    const arg = max ? this.argmax.fit(n * this.outputs) : undefined;
    if (arg ? this.kernel.maxPoolForward?.(g, x, y, arg, n) : this.kernel.avgPoolForward?.(g, x, y, n)) return y;
    const scale = 1 / (g.kh * g.kw);
    let o = 0;
    for (let i = 0; i < n; i++) {
      const base = i * this.inputs;
      for (let c = 0; c < g.c; c++) {
        const plane = base + c * g.h * g.w;
        for (let oy = 0; oy < g.oh; oy++)
          for (let ox = 0; ox < g.ow; ox++, o++) {
            const top = plane + oy * g.sh * g.w + ox * g.sw;
            if (arg) {
              let best = top;
              let value = x[top];
              for (let ky = 0; ky < g.kh; ky++)
                for (let kx = 0; kx < g.kw; kx++) {
                  const at = top + ky * g.w + kx;
                  // Strictly greater: the first maximum in row-major order keeps the gradient; NaN propagates as in PyTorch.
                  if (x[at] > value || Number.isNaN(x[at])) {
                    value = x[at];
                    best = at;
                  }
                }
              y[o] = value;
              arg[o] = best - base;
            } else {
              let s = 0;
              for (let ky = 0; ky < g.kh; ky++) for (let kx = 0; kx < g.kw; kx++) s += x[top + ky * g.w + kx];
              y[o] = s * scale;
            }
          }
      }
    }
    return y;
  }

  /** dx: dy routed to each window's maximum (max) or spread evenly over it (average). */
  backward(dy: FloatArray): FloatArray {
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const g = this.geometry;
    const { n, inputs, outputs } = this;
    const dx = this.dx.fit(n * inputs);
    if (this.mode === MAXPOOL2D) {
      const arg = this.argmax.fit(n * outputs);
      if (this.kernel.maxPoolBackward?.(arg, dy, dx, n, inputs, outputs)) return dx;
      dx.fill(0);
      for (let i = 0; i < n; i++) for (let o = 0; o < outputs; o++) dx[i * inputs + arg[i * outputs + o]] += dy[i * outputs + o];
      return dx;
    }
    if (this.kernel.avgPoolBackward?.(g, dy, dx, n)) return dx;
    dx.fill(0);
    const scale = 1 / (g.kh * g.kw);
    let o = 0;
    for (let i = 0; i < n; i++)
      for (let c = 0; c < g.c; c++) {
        const plane = i * inputs + c * g.h * g.w;
        for (let oy = 0; oy < g.oh; oy++)
          for (let ox = 0; ox < g.ow; ox++, o++) {
            const d = dy[o] * scale;
            const top = plane + oy * g.sh * g.w + ox * g.sw;
            for (let ky = 0; ky < g.kh; ky++) for (let kx = 0; kx < g.kw; kx++) dx[top + ky * g.w + kx] += d;
          }
      }
    return dx;
  }

  params(): FloatArray[] {
    return [];
  }

  grads(): FloatArray[] {
    return [];
  }

  /** Kind and shape: the input image, the window and the stride. */
  shape(): LayerShape {
    const g = this.geometry;
    return {
      type: this.mode,
      inputs: this.inputs,
      units: this.outputs,
      channels: g.c,
      height: g.h,
      width: g.w,
      sizeHeight: g.kh,
      sizeWidth: g.kw,
      strideHeight: g.sh,
      strideWidth: g.sw,
    };
  }

  /** The same in training and evaluation. */
  setTraining(): void {}
}
