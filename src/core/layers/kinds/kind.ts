/**
 * What a layer kind declares (one file per kind, e.g. dense.ts): its config keys, shape
 * inference, construction, initial weights, how its parameters are saved and loaded, its
 * summaries, whether it behaves differently in training, and its ONNX and PyTorch forms.
 * Everything outside a kind's own file reaches it through the layer-kind registry.
 */
import type { Checker } from '../../config/checks';
import type { KeySpecs } from '../../config/key-spec';
import type { AnyRegistry } from '../../config/named';
import type { ResolvedNamed } from '../../config/types';
import type { OnnxGraphBuilder } from '../../export/onnx-graph';
import type { DenseKernel } from '../../linalg/kernel';
import type { JsonPath } from '../../problems';
import type { Rng } from '../../rng';
import type { Layer, LayerShape } from '../layer';

/**
 * The shape of one sample as a layer sees it: `[features]` for flat data (every kind today);
 * `[channels, height, width]` for images later. A batch adds a leading sample dimension.
 */
export type FeatureShape = readonly number[];

/** Number of values in one sample of `shape` (the product of its sizes). */
export function featureCount(shape: FeatureShape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A layer of the resolved config: its kind's name and its keys with every default filled in. */
export interface ResolvedLayer {
  type: string;
  [key: string]: unknown;
}

/** What checking a layer's keys may need besides the keys themselves. */
export interface LayerCheckContext {
  /** The activation registry names are checked against. */
  activations: AnyRegistry;
}

/** What constructing a layer needs. */
export interface LayerBuildContext {
  /** The run's generator (for layers that draw at construction, e.g. randomised activations). */
  rng: Rng;
  /** The kernel of the matrix products (its allocator also holds the layer's arrays). */
  kernel: DenseKernel;
  /** Where the layer is in the config, for messages. */
  path: JsonPath;
}

/** How a kind's layers are stored in the model file (`weights.layers[i]`). */
export interface LayerFileForm {
  /** Names of the parameter arrays, in the order of `Layer.params()` (e.g. ["w", "b"]). */
  readonly params: readonly string[];
  /** Names of the state arrays, in the order of `Layer.state()` (e.g. batchnorm's running statistics); absent: none. */
  readonly state?: readonly string[];
  /** Lengths of the state arrays (matching `state`) of a saved layer. */
  stateLengths?(inputs: number, fields: Readonly<Record<string, string | number>>): number[];
  /**
   * Checks the kind's own shape fields of a saved layer (besides "type", "inputs" and the
   * parameter arrays): returns them, or one line "path: why" naming the JSON path.
   */
  checkFields(saved: Readonly<Record<string, unknown>>, path: JsonPath): Record<string, string | number> | string;
  /** Output features of a saved layer with `inputs` inputs and checked `fields`. */
  outputs(inputs: number, fields: Readonly<Record<string, string | number>>): number;
  /** Lengths of the parameter arrays (matching `params`) of a saved layer. */
  paramLengths(inputs: number, fields: Readonly<Record<string, string | number>>): number[];
  /** Why the saved fields differ from the layer's `shape()` (beyond type, inputs and units), or undefined. */
  mismatch(saved: Readonly<Record<string, unknown>>, expected: LayerShape): string | undefined;
}

/** The ONNX form of a layer. */
export interface LayerOnnxForm<S extends ResolvedLayer = ResolvedLayer> {
  /** Emits the layer's nodes and initializers on `g` (scoped to the layer); returns its output's name. */
  emit(g: OnnxGraphBuilder, spec: S, layer: Layer, x: string): string;
  /** A few words for the model's doc string, e.g. "8 tanh". */
  label(spec: S): string;
}

/** The PyTorch form of a layer, as Python text for the exported script. */
export interface LayerPytorchForm<S extends ResolvedLayer = ResolvedLayer> {
  /**
   * The layer's modules inside `nn.Sequential(...)`, one Python expression each, and the module
   * that computes the network's output from the last one's (when `fusedOutput`, the loss works
   * on the logits; an output module returned then is applied only for `y`). Each module is
   * initialised and loaded in NN Lab's order by the script: an `nn.Linear` by the script's
   * own rules; any other module with parameters must define `nnlab_init(rng, kind, scale)` and
   * `nnlab_load(saved_layer)`.
   */
  modules(spec: S, inputs: FeatureShape, last: boolean, fusedOutput: boolean): { modules: string[]; output?: string; helpers?: string[] };
  /** Python class definitions the modules need (written once per script), keyed by class name. */
  classes?: Readonly<Record<string, string>>;
}

/** One layer kind. `S` is its resolved config. */
export interface LayerKind<S extends ResolvedLayer = ResolvedLayer> {
  /** The `"type"` written in the config. */
  readonly name: string;
  /** One sentence (Markdown) for the schema, hovers and docs. */
  readonly doc: string;
  /** Its config keys besides "type", in documentation order. */
  readonly keys: KeySpecs;
  /** Keys of other kinds that do not belong here, with the hint shown. */
  readonly elsewhere?: Readonly<Record<string, string>>;
  /** The body of its completion snippet. */
  readonly snippet: Readonly<Record<string, unknown>>;
  /** The key that sets its output features, if any (offered as the fix when the output size is wrong). */
  readonly sizeKey?: string;
  /** True when the layer computes something else in training than in evaluation (dropout, batch norm). */
  readonly trainingDiffers: boolean;
  /** True when training computes statistics over the mini-batch (batch norm): a training batch of one sample is then an error. */
  readonly batchStatistics?: boolean;
  /** Why the kind makes no sense as the network's last layer (a warning when it is), if it does not. */
  readonly notLast?: string;
  /**
   * Names (from `file.params`) of the parameters the weight penalties `training.l1` / `training.l2`
   * act on, e.g. ["w"] for dense: weight matrices, not biases nor batch norm's γ and β. Absent: none.
   */
  readonly weightParams?: readonly string[];

  /** The resolved layer from its checked key values (problems recorded in `c`), or undefined. */
  resolve(c: Checker, values: Record<string, unknown>, raw: Record<string, unknown>, path: JsonPath, ctx: LayerCheckContext): S | undefined;
  /** The activation function it applies, if any (for the panel's curves and the loss checks). */
  activation(spec: S): ResolvedNamed | undefined;
  /** Its output shape for an input of `input`, or why it cannot take that input. */
  outputShape(spec: S, input: FeatureShape): FeatureShape | string;
  /** Trainable numbers of the layer on an input of `input`. */
  paramCount(spec: S, input: FeatureShape): number;
  /** One line such as "dense 2 → 8, tanh". */
  summary(spec: S, input: FeatureShape): string;
  /** The label of a built layer in the panel, e.g. "dense 8 · tanh". */
  label(shape: LayerShape): string;
  /** A zero-weighted layer object for `spec` on `input`. */
  create(spec: S, input: FeatureShape, ctx: LayerBuildContext): Layer;
  /** Draws the layer's initial parameters from `rng` (in a fixed order: the runs depend on it). */
  initialize(layer: Layer, spec: S, rng: Rng): void;
  /** Its form in the model file. */
  readonly file: LayerFileForm;
  /** Its ONNX form. */
  readonly onnx: LayerOnnxForm<S>;
  /** Its PyTorch form. */
  readonly pytorch: LayerPytorchForm<S>;
}
