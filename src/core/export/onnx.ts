/**
 * Export of a trained NN Lab model to ONNX: a standard `ModelProto` (default opset 17, IR version 8)
 * whose graph maps `input` [N, inputs] (N a symbolic batch size) to `output` [N, outputs], the same
 * numbers `nn-lab predict` prints (the last layer's activation applied). Inputs are what the network
 * sees, i.e. after the data's normalisation, as for `predict`.
 *
 * Layers: dense z = x·W + b is `Gemm(x, W, b)` with W[inputs×units] as a float32 initializer, then the
 * activation (onnx-activations.ts); maxout is `Gemm` to units·pieces columns (column j·pieces + k is
 * piece k of unit j), `Reshape` to [N, units, pieces] and `ReduceMax` over the pieces.
 */
import type { ResolvedConfig } from '../config/resolved';
import { validateConfig } from '../config/validate';
import { Sequential } from '../model/sequential';
import { formatPath, NnError } from '../problems';
import type { ModelFile } from '../model/model-file';
import { kindOf } from '../layers/kinds/registry';
import { OnnxGraphBuilder } from './onnx-graph';
import { encodeOnnxModel, ONNX_FLOAT, type OnnxValueInfo } from './onnx-proto';

/** Options of `exportOnnx`. */
export interface OnnxExportOptions {
  /** ONNX opset of the default domain, 17 (default) to 23. */
  opset?: number;
  /** Graph name (default: the config's `name`). */
  name?: string;
}

/** The opset written when none is asked for. */
export const DEFAULT_ONNX_OPSET = 17;

/** The lowest IR version that carries each supported opset (ONNX's release table). */
const IR_VERSION_OF_OPSET: Readonly<Record<number, number>> = { 17: 8, 18: 8, 19: 9, 20: 9, 21: 10, 22: 10, 23: 11 };

/** Name of the graph input [N, inputs]. */
export const ONNX_INPUT = 'input';
/** Name of the graph output [N, outputs]. */
export const ONNX_OUTPUT = 'output';

/** A float tensor [N, width] with N named "N". */
function batchOf(name: string, width: number, doc: string): OnnxValueInfo {
  return { name, doc_string: doc, type: { tensor_type: { elem_type: ONNX_FLOAT, shape: { dim: [{ dim_param: 'N' }, { dim_value: width }] } } } };
}

/** The ONNX bytes of the model in an exported model file (`*.model.json`). Throws NnError (one line) when it cannot be used. */
export function exportOnnx(model: ModelFile, options: OnnxExportOptions = {}): Uint8Array {
  const checked = validateConfig(model.config);
  const error = checked.problems.find((p) => p.severity === 'error');
  if (!checked.config || error)
    throw new NnError(error ? `the saved config is invalid: ${formatPath(error.path)}: ${error.message}` : 'the saved config is invalid');
  const config: ResolvedConfig = { ...checked.config, inputs: model.weights.inputs };
  return exportOnnxModel(config, Sequential.fromJSON(config, model.weights), options);
}

/** The ONNX bytes of `network`, built from `config` (its layers and activations with their parameters). */
export function exportOnnxModel(config: ResolvedConfig, network: Sequential, options: OnnxExportOptions = {}): Uint8Array {
  const opset = options.opset ?? DEFAULT_ONNX_OPSET;
  const irVersion = IR_VERSION_OF_OPSET[opset];
  if (irVersion === undefined) throw new NnError(`ONNX opset ${opset} is not supported (use 17 to 23)`);
  const g = new OnnxGraphBuilder(opset);
  let x = ONNX_INPUT;
  network.layers.forEach((layer, i) => {
    const spec = config.layers[i];
    g.scope = `layer${i + 1}`;
    x = kindOf(spec).onnx.emit(g, spec, layer, x);
  });
  g.scope = 'graph';
  g.opInto('Identity', [x], ONNX_OUTPUT);
  const name = options.name ?? config.name;
  const summary = config.layers.map((l) => kindOf(l).onnx.label(l)).join(' → ');
  return encodeOnnxModel({
    ir_version: irVersion,
    opset_import: [{ domain: '', version: opset }],
    producer_name: 'NN Lab',
    doc_string: `NN Lab model "${config.name}": ${network.inputs} inputs → ${summary}. Inputs as the network sees them (after the data's normalisation, if any); outputs as nn-lab predict prints them.`,
    graph: {
      name,
      node: g.nodes,
      initializer: g.initializers,
      input: [batchOf(ONNX_INPUT, network.inputs, 'One sample per row.')],
      output: [batchOf(ONNX_OUTPUT, network.outputs, "The last layer's outputs, after its activation.")],
    },
    metadata_props: [{ key: 'nn-lab.loss', value: config.loss }],
  });
}
