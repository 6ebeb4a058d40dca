// Parses ONNX's onnx.proto with protobufjs and renders its JSON descriptor (no comments, field names as in the .proto), the text
// of src/core/export/onnx-schema/onnx-proto.json; shared by scripts/gen-onnx-proto.ts and the staleness test.
import * as protobuf from 'protobufjs';

/** The descriptor JSON of the .proto file at `protoPath`, two-space indented, ending with a newline. */
export function renderOnnxDescriptor(protoPath: string): string {
  const root = new protobuf.Root().loadSync(protoPath, { keepCase: true });
  return JSON.stringify(root.toJSON({ keepComments: false }), null, 2) + '\n';
}
