/**
 * The sequential model: layers applied in order, a loss on the last layer's output, and the
 * gradients of that loss with respect to every weight by back-propagation.
 *
 * When the loss fuses with the output activation (Binary after sigmoid, Cross after softmax),
 * the loss is computed from the logits z and the logit gradient dL/dz = (y − t)/n is fed straight
 * into the output layer, skipping the activation's own backward: saturated outputs give finite
 * losses and gradients.
 */
import type { FloatArray } from '../linalg/float-array';
import { inputShapeOf, type ResolvedConfig } from '../config/resolved';
import { BatchBuffer } from '../layers/batch-buffer';
import { isLogitLayer, type Layer, type LogitLayer } from '../layers/layer';
import { kindOf } from '../layers/kinds/registry';
import { allocatorOf, DenseKernel } from '../linalg/kernel';
import { jsKernel } from '../linalg/js-kernel';
import { lossRegistry } from '../losses';
import type { Loss } from '../losses/loss';
import { NnError } from '../problems';
import { Rng } from '../rng';
import { countCorrect } from './accuracy';
import { createLayers } from './build-layers';
import { layerMismatch, ModelWeightsJson } from './weights-json';

/** Loss and (for classification) accuracy of a model on some samples. */
export interface Evaluation {
  loss: number;
  /** Fraction of samples classified correctly, in [0, 1]. */
  accuracy?: number;
}

/** A feed-forward network of layers (of any registered kind) with a loss. */
export class Sequential {
  /** The output layer, when its loss is computed from its logits (fused loss); else undefined. */
  private readonly fusedOutput: LogitLayer | undefined;
  private training: boolean | undefined;
  private readonly paramList: FloatArray[];
  private readonly gradList: FloatArray[];
  private readonly lossGrad: BatchBuffer;
  private output: FloatArray = new Float64Array(0);

  private constructor(
    /** Input features per sample. */
    readonly inputs: number,
    /** The layers, first to last. Their `params()` are the live weights. */
    readonly layers: readonly Layer[],
    /** The loss the model is trained on. */
    readonly loss: Loss,
    /** The kernel of the layers' matrix products (its allocator also holds their arrays). */
    readonly kernel: DenseKernel,
    /** `[channels, height, width]` when the samples are images (saved with the weights), else undefined. */
    readonly inputShape?: readonly number[],
  ) {
    this.lossGrad = new BatchBuffer(allocatorOf(kernel));
    if (layers.length === 0) throw new NnError({ path: ['layers'], message: 'a model needs at least one layer', severity: 'error' });
    const last = layers[layers.length - 1];
    const canFuse = loss.fusesWith !== undefined && loss.forwardFromLogits !== undefined && loss.logitGradInto !== undefined;
    this.fusedOutput = canFuse && isLogitLayer(last) && last.activationName === loss.fusesWith ? last : undefined;
    this.paramList = layers.flatMap((l) => l.params());
    this.gradList = layers.flatMap((l) => l.grads());
  }

  /** Builds the model of `config` and draws its initial weights from `rng` (layer by layer, each as its kind says, e.g. W then b). */
  static build(config: ResolvedConfig, rng: Rng, kernel: DenseKernel = jsKernel): Sequential {
    const layers = createLayers(config.layers, inputShapeOf(config), rng, kernel);
    layers.forEach((layer, i) => kindOf(config.layers[i]).initialize(layer, config.layers[i], rng));
    return new Sequential(config.inputs, layers, lossRegistry.create(config.loss, {}, { path: ['loss'] }), kernel, config.inputShape);
  }

  /** Rebuilds the model of `config` with the weights saved by `toJSON`; throws NnError on any mismatch. */
  static fromJSON(config: ResolvedConfig, json: ModelWeightsJson, kernel: DenseKernel = jsKernel): Sequential {
    const model = Sequential.build(config, new Rng(0), kernel);
    const saved = json?.layers;
    if (!Array.isArray(saved) || saved.length !== model.layers.length)
      throw new NnError(`saved weights have ${Array.isArray(saved) ? saved.length : 'no'} layers, the description has ${model.layers.length}`);
    model.layers.forEach((layer, i) => {
      const problem = layerMismatch(saved[i], layer.shape(), layer.params(), layer.state?.() ?? []);
      if (problem) throw new NnError({ path: ['layers', i], message: `saved layer ${i + 1} ${problem}`, severity: 'error' });
      const { params, state = [] } = kindOf(layer.shape().type).file;
      layer.params().forEach((p, k) => p.set(saved[i][params[k]] as number[]));
      layer.state?.().forEach((s, k) => s.set(saved[i][state[k]] as number[]));
    });
    return model;
  }

  /** Outputs per sample (units of the last layer). */
  get outputs(): number {
    return this.layers[this.layers.length - 1].outputs;
  }

  /** True when the loss is computed from the output layer's logits (sigmoid+Binary, softmax+Cross). */
  get fused(): boolean {
    return this.fusedOutput !== undefined;
  }

  /** Total number of trainable numbers. */
  get paramCount(): number {
    return this.paramList.reduce((s, p) => s + p.length, 0);
  }

  /** Every trainable tensor, layer by layer [W₁, b₁, W₂, b₂, …] (live arrays, updated in place). */
  params(): FloatArray[] {
    return this.paramList;
  }

  /** Gradients matching `params()`, filled by `lossAndGradients`. */
  grads(): FloatArray[] {
    return this.gradList;
  }

  /** The output of the last forward pass (a reused buffer, valid until the next call). */
  get lastOutput(): FloatArray {
    return this.output;
  }

  /**
   * Switches every layer between training (true: `lossAndGradients`) and evaluation (false:
   * `predict`, `evaluate`, `layerOutputs`); the model does it itself before each of those.
   */
  setTraining(training: boolean): void {
    if (this.training === training) return;
    this.training = training;
    for (const layer of this.layers) layer.setTraining(training);
  }

  /** Network outputs for n samples x[n×inputs], as a new array [n×outputs]. */
  predict(x: FloatArray, n: number): FloatArray {
    this.setTraining(false);
    return Float64Array.from(this.forward(x, n));
  }

  /** Copies of every layer's output for n samples (first layer first), e.g. for histograms. */
  layerOutputs(x: FloatArray, n: number): FloatArray[] {
    this.setTraining(false);
    const outs: FloatArray[] = [];
    let a = x;
    for (const layer of this.layers) {
      a = layer.forward(a, n);
      outs.push(Float64Array.from(a));
    }
    return outs;
  }

  /** Mean loss on n samples, and fills `grads()` with its gradient by back-propagation. */
  lossAndGradients(x: FloatArray, t: FloatArray, n: number): number {
    this.setTraining(true);
    const y = this.forward(x, n);
    const loss = this.computeLoss(y, t, n);
    const g = this.lossGrad.fit(n * this.outputs);
    let i = this.layers.length - 1;
    let d: FloatArray;
    if (this.fusedOutput) {
      // dL/dz = (y − t)/n, straight into the output layer below its activation.
      this.loss.logitGradInto!(y, t, g, n, this.outputs);
      d = this.fusedOutput.backwardFromPreActivation(g);
    } else {
      this.loss.backwardInto(y, t, g, n, this.outputs);
      d = this.layers[i].backward(g);
    }
    for (i--; i >= 0; i--) d = this.layers[i].backward(d);
    return loss;
  }

  /** Loss (and, when `withAccuracy`, accuracy) on n samples, without touching the gradients. */
  evaluate(x: FloatArray, t: FloatArray, n: number, withAccuracy = this.loss.name !== 'Square'): Evaluation {
    this.setTraining(false);
    const y = this.forward(x, n);
    const loss = this.computeLoss(y, t, n);
    return withAccuracy ? { loss, accuracy: countCorrect(y, t, n, this.outputs) / n } : { loss };
  }

  /** The weights as plain JSON, with each layer's kind and shape. */
  toJSON(): ModelWeightsJson {
    return {
      format: 'nn-lab-weights',
      version: 1,
      inputs: this.inputs,
      ...(this.inputShape ? { inputShape: [...this.inputShape] } : {}),
      loss: this.loss.name,
      layers: this.layers.map((layer) => {
        const shape = layer.shape();
        const { params, state = [] } = kindOf(shape.type).file;
        const arrays = [...layer.params().map((p, k) => [params[k], Array.from(p)]), ...(layer.state?.() ?? []).map((s, k) => [state[k], Array.from(s)])];
        return { ...shape, ...Object.fromEntries(arrays) };
      }),
    };
  }

  /** Forward pass through every layer; returns the last layer's (reused) output buffer. */
  private forward(x: FloatArray, n: number): FloatArray {
    if (!(Number.isInteger(n) && n > 0)) throw new Error(`batch size must be a positive whole number, got ${n}`);
    let a = x;
    for (const layer of this.layers) a = layer.forward(a, n);
    this.output = a;
    return a;
  }

  /** Mean loss of the last forward pass: from the logits when fused, else from the outputs. */
  private computeLoss(y: FloatArray, t: FloatArray, n: number): number {
    if (this.fusedOutput) return this.loss.forwardFromLogits!(this.fusedOutput.preActivation, t, n, this.outputs);
    return this.loss.forward(y, t, n, this.outputs);
  }
}
