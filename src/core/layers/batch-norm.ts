/**
 * Batch normalisation over the features of a flat input (as torch.nn.BatchNorm1d).
 *
 * Training, on a batch of n samples, per feature j:
 *   μ_j = (1/n)·Σ_i x_ij,  σ²_j = (1/n)·Σ_i (x_ij − μ_j)²  (biased),
 *   x̂_ij = (x_ij − μ_j)/√(σ²_j + ε),  y_ij = γ_j·x̂_ij + β_j,
 *   running mean r_μ ← (1 − momentum)·r_μ + momentum·μ_j,
 *   running variance r_σ² ← (1 − momentum)·r_σ² + momentum·σ²_j·n/(n − 1)  (unbiased).
 * Evaluation: y_ij = γ_j·(x_ij − r_μj)/√(r_σ²j + ε) + β_j.
 * Backward (training, through μ and σ²): dβ_j = Σ_i dy_ij, dγ_j = Σ_i dy_ij·x̂_ij,
 *   dx_ij = γ_j/(n·√(σ²_j + ε))·(n·dy_ij − dβ_j − x̂_ij·dγ_j);
 * in evaluation the statistics are constants: dx_ij = dy_ij·γ_j/√(r_σ²j + ε).
 * A kernel may run both passes (`DenseKernel.batchNormForward`/`batchNormBackward`, e.g. in
 * WebAssembly on large batches) with the same operations in the same order, so the same numbers bit for bit.
 */
import { allocatorOf, type BatchNormArrays, type DenseKernel } from '../linalg/kernel';
import { NnError } from '../problems';
import { BatchBuffer } from './batch-buffer';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from './layer';

/** The `"type"` of batch normalisation layers. */
export const BATCHNORM = 'batchnorm';

/** A batch normalisation layer with trainable γ, β and running statistics. */
export class BatchNormLayer implements Layer {
  /** Scales γ[features] (1 at the start). */
  readonly gamma: Float64Array;
  /** Shifts β[features] (0 at the start). */
  readonly beta: Float64Array;
  /** dL/dγ. */
  readonly dGamma: Float64Array;
  /** dL/dβ. */
  readonly dBeta: Float64Array;
  /** Running mean (0 at the start), used in evaluation. */
  readonly runningMean: Float64Array;
  /** Running (unbiased) variance (1 at the start), used in evaluation. */
  readonly runningVar: Float64Array;
  propagateDown = true;

  private training = true;
  private n = 0;
  /** 1/√(σ² + ε) per feature of the last forward batch (of the running variance in evaluation). */
  private readonly invStd: Float64Array;
  private readonly mean: Float64Array;
  private readonly xHat: BatchBuffer;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;
  /** The settings and per-feature arrays as the kernel takes them. */
  private readonly arrays: BatchNormArrays;

  /** A layer of `inputs` features (γ = β = 0 and zero statistics until initialised). */
  constructor(
    readonly inputs: number,
    readonly momentum: number,
    readonly epsilon: number,
    private readonly kernel: DenseKernel,
  ) {
    const alloc = allocatorOf(kernel);
    this.gamma = alloc(inputs);
    this.beta = alloc(inputs);
    this.dGamma = alloc(inputs);
    this.dBeta = alloc(inputs);
    this.runningMean = alloc(inputs);
    this.runningVar = alloc(inputs);
    this.invStd = alloc(inputs);
    this.mean = alloc(inputs);
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
  forward(x: Float64Array, n: number): Float64Array {
    const f = this.inputs;
    this.n = n;
    const xh = this.xHat.fit(n * f);
    const y = this.y.fit(n * f);
    const { mean, invStd } = this;
    if (this.training && n < 2) throw new NnError(`batch normalisation needs at least 2 samples per training batch, got ${n}: change training.batchSize`);
    if (this.kernel.batchNormForward?.(this.arrays, this.training, x, xh, y, n)) return y;
    if (this.training) {
      mean.fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) mean[j] += x[i * f + j];
      for (let j = 0; j < f; j++) mean[j] /= n;
      invStd.fill(0); // holds Σ(x − μ)² first
      for (let i = 0; i < n; i++)
        for (let j = 0; j < f; j++) {
          const d = x[i * f + j] - mean[j];
          invStd[j] += d * d;
        }
      const m = this.momentum;
      for (let j = 0; j < f; j++) {
        const variance = invStd[j] / n;
        this.runningMean[j] = (1 - m) * this.runningMean[j] + m * mean[j];
        this.runningVar[j] = (1 - m) * this.runningVar[j] + m * (invStd[j] / (n - 1));
        invStd[j] = 1 / Math.sqrt(variance + this.epsilon);
      }
    } else {
      for (let j = 0; j < f; j++) {
        mean[j] = this.runningMean[j];
        invStd[j] = 1 / Math.sqrt(this.runningVar[j] + this.epsilon);
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++) {
        const k = i * f + j;
        xh[k] = (x[k] - mean[j]) * invStd[j];
        y[k] = this.gamma[j] * xh[k] + this.beta[j];
      }
    return y;
  }

  /** dβ, dγ, and dx through the batch statistics (training) or with them held constant (evaluation). */
  backward(dy: Float64Array): Float64Array {
    const { n, inputs: f, invStd, dGamma, dBeta, gamma } = this;
    const xh = this.xHat.view;
    const dx = this.propagateDown ? this.dx.fit(n * f) : undefined;
    if (this.kernel.batchNormBackward?.(this.arrays, this.training, dy, xh, dx, n)) return dx ?? NO_INPUT_GRADIENT;
    dGamma.fill(0);
    dBeta.fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++) {
        const k = i * f + j;
        dBeta[j] += dy[k];
        dGamma[j] += dy[k] * xh[k];
      }
    if (dx === undefined) return NO_INPUT_GRADIENT;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++) {
        const k = i * f + j;
        dx[k] = this.training ? ((gamma[j] * invStd[j]) / n) * (n * dy[k] - dBeta[j] - xh[k] * dGamma[j]) : dy[k] * gamma[j] * invStd[j];
      }
    return dx;
  }

  params(): Float64Array[] {
    return [this.gamma, this.beta];
  }

  grads(): Float64Array[] {
    return [this.dGamma, this.dBeta];
  }

  /** The running mean and variance. */
  state(): Float64Array[] {
    return [this.runningMean, this.runningVar];
  }

  shape(): LayerShape {
    return { type: BATCHNORM, inputs: this.inputs, units: this.inputs, momentum: this.momentum, epsilon: this.epsilon };
  }

  /** Batch statistics in training, running statistics in evaluation. */
  setTraining(training: boolean): void {
    this.training = training;
  }
}
