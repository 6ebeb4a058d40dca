/**
 * ONNX helpers of the image layer kinds. Between layers an exported graph carries flat rows
 * [N, features] (as NN Lab's layers do); an image kind reshapes its input to [N, c, h, w], applies
 * its operator, and flattens the result again (channel, row, column order, as `Flatten` with axis 1).
 */
import type { OnnxGraphBuilder } from '../../export/onnx-graph';

/** `x` reshaped to [N, c, h, w] (N free). */
export function emitImage(g: OnnxGraphBuilder, x: string, shape: readonly number[]): string {
  return g.op('Reshape', [x, g.int64Vector('image_shape', [-1, ...shape])]);
}

/** `x` flattened to [N, features] by ONNX `Flatten` (axis 1). */
export function emitFlatten(g: OnnxGraphBuilder, x: string): string {
  return g.op('Flatten', [x], { axis: 1 }, ['axis']);
}
