// Writes src/core/export/onnx-schema/onnx-proto.json, the protobufjs descriptor of ONNX's own onnx.proto
// (vendored next to it), so that the core can encode ONNX models without reading files at run time.
// Usage: npm run onnx-proto   (test/unit/export-onnx-proto.test.ts fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOnnxDescriptor } from './onnx-descriptor';

const dir = join(__dirname, '..', 'src', 'core', 'export', 'onnx-schema');
const out = join(dir, 'onnx-proto.json');
writeFileSync(out, renderOnnxDescriptor(join(dir, 'onnx.proto')));
console.log(`wrote ${out}`);
