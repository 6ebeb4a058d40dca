/**
 * ONNX export of a trained model (`nn-lab export --to onnx`). Placeholder: the implementation
 * lands from the ONNX export work and replaces this file.
 */
import { NnError } from '../problems';
import type { ModelFile } from '../../shared/model-file';

/** The model file's network as an ONNX model (protobuf bytes). */
export function exportOnnx(model: ModelFile): Uint8Array {
  void model;
  throw new NnError('ONNX export is not available yet');
}
