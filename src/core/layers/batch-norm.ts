/**
 * Batch normalisation over the features of a flat input (as torch.nn.BatchNorm1d), or over the
 * channels of an image input [channels, height, width] (as torch.nn.BatchNorm2d: one γ, β and
 * pair of statistics per channel, over the batch and every pixel of that channel).
 *
 * Training, on a batch of n samples, per feature (channel) j, with its m values x_ij (m = n for flat
 * inputs, m = n·h·w per channel of images; i runs over them):
 *   μ_j = (1/m)·Σ_i x_ij,  σ²_j = (1/m)·Σ_i (x_ij − μ_j)²  (biased),
 *   x̂_ij = (x_ij − μ_j)/√(σ²_j + ε),  y_ij = γ_j·x̂_ij + β_j,
 *   running mean r_μ ← (1 − momentum)·r_μ + momentum·μ_j,
 *   running variance r_σ² ← (1 − momentum)·r_σ² + momentum·σ²_j·m/(m − 1)  (unbiased).
 * Evaluation: y_ij = γ_j·(x_ij − r_μj)/√(r_σ²j + ε) + β_j.
 * Backward (training, through μ and σ²): dβ_j = Σ_i dy_ij, dγ_j = Σ_i dy_ij·x̂_ij,
 *   dx_ij = γ_j/(m·√(σ²_j + ε))·(m·dy_ij − dβ_j − x̂_ij·dγ_j);
 * in evaluation the statistics are constants: dx_ij = dy_ij·γ_j/√(r_σ²j + ε).
 * A kernel may run both passes (`DenseKernel.batchNormForward`/`batchNormBackward`, e.g. in
 * WebAssembly on large batches) with the same operations in the same order, so the same numbers bit for bit.
 */
import type { FloatArray } from '../linalg/float-array';
import { allocatorOf, type BatchNormArrays, type DenseKernel } from '../linalg/kernel';
import { NnError } from '../problems';
import { BatchBuffer } from './batch-buffer';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from './layer';

/** The `"type"` of batch normalisation layers. */
export const BATCHNORM = 'batchnorm';

/** A batch normalisation layer with trainable γ, β and running statistics. */
export class BatchNormLayer implements Layer {
  /** Scales γ[features] (1 at the start). */
  readonly gamma: FloatArray;
  /** Shifts β[features] (0 at the start). */
  readonly beta: FloatArray;
  /** dL/dγ. */
  readonly dGamma: FloatArray;
  /** dL/dβ. */
  readonly dBeta: FloatArray;
  /** Running mean (0 at the start), used in evaluation. */
  readonly runningMean: FloatArray;
  /** Running (unbiased) variance (1 at the start), used in evaluation. */
  readonly runningVar: FloatArray;
  propagateDown = true;

  private training = true;
  private n = 0;
  /** 1/√(σ² + ε) per feature of the last forward batch (of the running variance in evaluation). */
  private readonly invStd: FloatArray;
  private readonly mean: FloatArray;
  private readonly xHat: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;
  /** The settings and per-feature arrays as the kernel takes them. */
  private readonly arrays: BatchNormArrays;

  /** Normalised groups: the features (flat input) or the channels (image input). */
  readonly channels: number;

  /**
   * A layer of `inputs` values per sample, normalised in groups of `spatial` consecutive values
   * (1: every feature on its own; h·w: per channel of an image) (γ = β = 0 and zero statistics until initialised).
   */
  constructor(
    readonly inputs: number,
    readonly momentum: number,
    readonly epsilon: number,
    private readonly kernel: DenseKernel,
    readonly spatial = 1,
  ) {
    const c = inputs / spatial;
    this.channels = c;
    const alloc = allocatorOf(kernel);
    this.gamma = alloc(c);
    this.beta = alloc(c);
    this.dGamma = alloc(c);
    this.dBeta = alloc(c);
    this.runningMean = alloc(c);
    this.runningVar = alloc(c);
    this.invStd = alloc(c);
    this.mean = alloc(c);
    this.xHat = new BatchBuffer(alloc);
    this.y = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
    this.arrays = {
      features: inputs,
      momentum,
      epsilon,
      gamma: this.gamma,
      beta: this.beta,
      dGamma: this.dGamma,
      dBeta: this.dBeta,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      mean: this.mean,
      invStd: this.invStd,
    };
  }

  /** Output features (= inputs). */
  get outputs(): number {
    return this.inputs;
  }

  /** γ = 1, β = 0, running mean 0, running variance 1. */
  reset(): void {
    this.gamma.fill(1);
    this.beta.fill(0);
    this.runningMean.fill(0);
    this.runningVar.fill(1);
  }

  /** Normalises with the batch's statistics (training, updating the running ones) or the running ones (evaluation). */
  forward(x: FloatArray, n: number): FloatArray {
    const { channels: f, spatial: s } = this;
    this.n = n;
    const len = n * this.inputs;
    const xh = this.xHat.fit(len);
    const y = this.y.fit(len);
    const { mean, invStd } = this;
    if (this.training && n < 2) throw new NnError(`batch normalisation needs at least 2 samples per training batch, got ${n}: change training.batchSize`);
    // The kernel's passes normalise per feature: images (per channel) stay in TypeScript.
    if (s === 1 && this.kernel.batchNormForward?.(this.arrays, this.training, x, xh, y, n)) return y;
    if (this.training) {
      // m values per group; the sums run sample by sample, group by group, pixel by pixel.
      const m = n * s;
      mean.fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) for (let q = 0, k = (i * f + j) * s; q < s; q++, k++) mean[j] += x[k];
      for (let j = 0; j < f; j++) mean[j] /= m;
      invStd.fill(0); // holds Σ(x − μ)² first
      for (let i = 0; i < n; i++)
        for (let j = 0; j < f; j++)
          for (let q = 0, k = (i * f + j) * s; q < s; q++, k++) {
            const d = x[k] - mean[j];
            invStd[j] += d * d;
          }
      const mo = this.momentum;
      for (let j = 0; j < f; j++) {
        const variance = invStd[j] / m;
        this.runningMean[j] = (1 - mo) * this.runningMean[j] + mo * mean[j];
        this.runningVar[j] = (1 - mo) * this.runningVar[j] + mo * (invStd[j] / (m - 1));
        invStd[j] = 1 / Math.sqrt(variance + this.epsilon);
      }
    } else {
      for (let j = 0; j < f; j++) {
        mean[j] = this.runningMean[j];
        invStd[j] = 1 / Math.sqrt(this.runningVar[j] + this.epsilon);
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++)
        for (let q = 0, k = (i * f + j) * s; q < s; q++, k++) {
          xh[k] = (x[k] - mean[j]) * invStd[j];
          y[k] = this.gamma[j] * xh[k] + this.beta[j];
        }
    return y;
  }

  /** dβ, dγ, and dx through the batch statistics (training) or with them held constant (evaluation). */
  backward(dy: FloatArray): FloatArray {
    const { n, channels: f, spatial: s, invStd, dGamma, dBeta, gamma } = this;
    const m = n * s;
    const xh = this.xHat.view;
    const dx = this.propagateDown ? this.dx.fit(n * this.inputs) : undefined;
    if (s === 1 && this.kernel.batchNormBackward?.(this.arrays, this.training, dy, xh, dx, n)) return dx ?? NO_INPUT_GRADIENT;
    dGamma.fill(0);
    dBeta.fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++)
        for (let q = 0, k = (i * f + j) * s; q < s; q++, k++) {
          dBeta[j] += dy[k];
          dGamma[j] += dy[k] * xh[k];
        }
    if (dx === undefined) return NO_INPUT_GRADIENT;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++)
        for (let q = 0, k = (i * f + j) * s; q < s; q++, k++)
          dx[k] = this.training ? ((gamma[j] * invStd[j]) / m) * (m * dy[k] - dBeta[j] - xh[k] * dGamma[j]) : dy[k] * gamma[j] * invStd[j];
    return dx;
  }

  params(): FloatArray[] {
    return [this.gamma, this.beta];
  }

  grads(): FloatArray[] {
    return [this.dGamma, this.dBeta];
  }

  /** The running mean and variance. */
  state(): FloatArray[] {
    return [this.runningMean, this.runningVar];
  }

  shape(): LayerShape {
    const shape: LayerShape = { type: BATCHNORM, inputs: this.inputs, units: this.inputs, momentum: this.momentum, epsilon: this.epsilon };
    // Per channel of an image: the number of channels (absent for flat inputs, as in files written before images).
    if (this.spatial > 1) shape.channels = this.channels;
    return shape;
  }

  /** Batch statistics in training, running statistics in evaluation. */
  setTraining(training: boolean): void {
    this.training = training;
  }
}
