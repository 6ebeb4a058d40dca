/**
 * ONNX's protobuf messages, encoded by protobufjs from the descriptor of ONNX's own `onnx.proto`
 * (vendored beside this file; `onnx-proto.json` is generated from it by `npm run onnx-proto`).
 * The interfaces below type the subset of `ModelProto` that NN Lab writes; field names are the
 * .proto's own (snake_case), and 64-bit integers are plain numbers (every value here is small).
 */
import { Root } from 'protobufjs/light';
import descriptor from './onnx-schema/onnx-proto.json';

/** `TensorProto.DataType` values used here. */
export const ONNX_FLOAT = 1;
/** `TensorProto.DataType.INT64`. */
export const ONNX_INT64 = 7;

/** `AttributeProto.AttributeType` values used here. */
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, INTS: 7 } as const;

/** A node attribute: `f` for FLOAT, `i` for INT, `ints` for INTS. */
export interface OnnxAttribute {
  name: string;
  type: (typeof ATTRIBUTE_TYPE)[keyof typeof ATTRIBUTE_TYPE];
  f?: number;
  i?: number;
  ints?: number[];
}

/** One operator application (`NodeProto`). */
export interface OnnxNode {
  name: string;
  op_type: string;
  input: string[];
  output: string[];
  attribute?: OnnxAttribute[];
  domain?: string;
}

/** A constant tensor (`TensorProto`): float32 values in `float_data` or int64 values in `int64_data`. */
export interface OnnxTensor {
  name: string;
  dims: number[];
  data_type: number;
  float_data?: number[];
  int64_data?: number[];
}

/** A graph input or output (`ValueInfoProto`) of element type `elem_type` and a shape of fixed or named dimensions. */
export interface OnnxValueInfo {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: ({ dim_value: number } | { dim_param: string })[] } } };
  doc_string?: string;
}

/** `GraphProto`. */
export interface OnnxGraph {
  name: string;
  node: OnnxNode[];
  initializer: OnnxTensor[];
  input: OnnxValueInfo[];
  output: OnnxValueInfo[];
  doc_string?: string;
}

/** `ModelProto`. */
export interface OnnxModel {
  ir_version: number;
  opset_import: { domain: string; version: number }[];
  producer_name: string;
  producer_version?: string;
  model_version?: number;
  doc_string?: string;
  graph: OnnxGraph;
  metadata_props?: { key: string; value: string }[];
}

const modelType = Root.fromJSON(descriptor).lookupType('onnx.ModelProto');

/** The protobuf bytes of `model` (an ONNX `.onnx` file). Throws when a field does not fit the message. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const problem = modelType.verify(model);
  if (problem) throw new Error(`internal error: invalid ONNX model message: ${problem}`);
  return modelType.encode(modelType.fromObject(model)).finish();
}
