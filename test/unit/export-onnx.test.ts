/**
 * ONNX export (`nn-lab export <model.json> --to onnx`): ONNX Runtime (onnxruntime-web) runs each
 * exported model and its outputs equal `nn-lab predict`'s within 1e-5 (absolute up to |y| = 1,
 * relative beyond, as float32 allows) for every activation, with non-default parameters too, and for
 * maxout, on inputs that reach every branch; the file is a standard ModelProto (opset, IR version,
 * named input/output with a symbolic batch size, float32 initializers); bad requests fail in one line.
 * `NN_LAB_ONNX_REPORT=1` prints the deviation per case.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Root } from 'protobufjs/light';
import { ACTIVATIONS } from '../../src/core/activations';
import { exportOnnx } from '../../src/core/export/onnx';
import descriptor from '../../src/core/export/onnx-schema/onnx-proto.json';
import { renderOnnxDescriptor } from '../../scripts/onnx-descriptor';
import type { ModelFile } from '../../src/core/model/model-file';
import {
  ACTIVATION_CASES,
  caseLabel,
  cli,
  deviation,
  onnxRuntimeRows,
  PROBE_INPUTS,
  predictRows,
  probeMaxoutModel,
  probeModel,
  sampleRows,
  trainedActivationModel,
  trainedModel,
} from './export-onnx.helpers';
import { TempDir } from '../support/temp-dir';

const TOLERANCE = 1e-5;
/** The models and ONNX files the tests write, removed after the last test. */
const tmp = new TempDir('onnx');
const report: string[] = [];

/** Writes `model`, exports it with the CLI and returns ORT's and predict's outputs' deviation on `rows`. */
async function compare(label: string, model: ModelFile, rows: number[][], extra: string[] = []): Promise<{ abs: number; scaled: number }> {
  const stem = tmp.join(label.replace(/[^A-Za-z0-9.-]+/g, '_'));
  writeFileSync(`${stem}.model.json`, JSON.stringify(model));
  const r = await cli(['export', `${stem}.model.json`, '--to', 'onnx', '-o', `${stem}.onnx`, ...extra]);
  assert.equal(r.code, 0, r.err.join('\n'));
  const expected = await predictRows(`${stem}.model.json`, rows);
  const actual = await onnxRuntimeRows(`${stem}.onnx`, rows);
  const d = deviation(actual, expected);
  report.push(`${label.padEnd(44)} abs ${d.abs.toExponential(2)}  scaled ${d.scaled.toExponential(2)}`);
  assert.ok(d.scaled <= TOLERANCE, `${label}: ONNX Runtime differs from predict by ${d.abs} (scaled ${d.scaled})`);
  return d;
}

const modelType = Root.fromJSON(descriptor).lookupType('onnx.ModelProto');

/** The decoded ModelProto as plain JSON (int64 as numbers, enums as names). */
function decode(bytes: Uint8Array): Record<string, unknown> {
  return modelType.toObject(modelType.decode(bytes), { longs: Number, enums: String, defaults: false }) as Record<string, unknown>;
}

describe('ONNX export', function () {
  after(() => {
    tmp.remove();
    if (process.env.NN_LAB_ONNX_REPORT) console.log(report.join('\n'));
  });

  it('has an ONNX form for every activation of the registry, and the cases give each parameter a non-default value', () => {
    for (const entry of ACTIVATIONS) assert.equal(typeof entry.export.onnx, 'function', `${entry.name} has an ONNX form`);
    for (const entry of ACTIVATIONS) {
      for (const p of entry.params) {
        const varied = ACTIVATION_CASES.some((c) => c.name === entry.name && c.params[p.name] !== undefined && c.params[p.name] !== p.default);
        assert.ok(varied, `${entry.name}.${p.name} is tested with a non-default value`);
      }
    }
  });

  for (const c of ACTIVATION_CASES) {
    it(`${caseLabel(c)}: ONNX Runtime equals predict on every branch and in a trained network`, async () => {
      await compare(
        `probe ${caseLabel(c)}`,
        probeModel(c),
        PROBE_INPUTS.map((x) => [x]),
      );
      await compare(`trained ${caseLabel(c)}`, trainedActivationModel(c, 7), sampleRows(3, 12, 11));
    });
  }

  it('every activation at opset 21 (newer operator versions, ReduceMax axes as an input) equals predict too', async () => {
    for (const c of ACTIVATION_CASES)
      await compare(
        `probe ${caseLabel(c)} opset 21`,
        probeModel(c),
        PROBE_INPUTS.map((x) => [x]),
        ['--opset', '21'],
      );
  });

  it('maxout (pieces laid out unit by unit, ties) equals predict at opsets 17, 18 (ReduceMax axes as an input), 21 and 23', async () => {
    const rows = [...sampleRows(2, 16, 5), [0, 0], [1, 1], [-1, 2], [2, -1], [0.5, -0.5]];
    for (const opset of ['17', '18', '21', '23']) await compare(`probe maxout opset ${opset}`, probeMaxoutModel(), rows, ['--opset', opset]);
    const layers = [
      { type: 'maxout', units: 5, pieces: 3 },
      { type: 'maxout', units: 4, pieces: 2 },
      { units: 3, activation: 'softmax' },
    ];
    await compare('trained maxout → maxout → softmax', trainedModel('trained maxout', layers, 3, 9), sampleRows(3, 16, 13));
  });

  it('writes a standard ModelProto: opset 17, IR 8, "input" [N, inputs] → "output" [N, outputs], float32 initializers', () => {
    const m = decode(exportOnnx(trainedActivationModel({ name: 'tanh', params: {} }, 1), { name: 'my graph' }));
    assert.equal(m.ir_version, 8);
    assert.deepEqual(m.opset_import, [{ domain: '', version: 17 }]);
    const g = m.graph as {
      name: string;
      input: unknown[];
      output: unknown[];
      initializer: { data_type: number; dims: number[] }[];
      node: { op_type: string; domain?: string }[];
    };
    assert.equal(g.name, 'my graph');
    const io = (name: string, width: number) => ({
      name,
      doc_string: name === 'input' ? 'One sample per row.' : "The last layer's outputs, after its activation.",
      type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: 'N' }, { dim_value: width }] } } },
    });
    assert.deepEqual(g.input, [io('input', 3)]);
    assert.deepEqual(g.output, [io('output', 2)]);
    assert.deepEqual(
      g.initializer.filter((t) => t.dims.length === 2).map((t) => t.dims),
      [
        [3, 6],
        [6, 2],
      ],
    );
    assert.ok(
      g.initializer.every((t) => t.data_type === 1),
      'float32 initializers only',
    );
    assert.ok(
      g.node.every((n) => n.domain === undefined),
      'default-domain operators only',
    );
    assert.deepEqual([...new Set(g.node.map((n) => n.op_type))], ['Gemm', 'Tanh', 'Identity']);
    const later = decode(exportOnnx(probeMaxoutModel(), { opset: 21 }));
    assert.equal(later.ir_version, 10);
    assert.deepEqual(later.opset_import, [{ domain: '', version: 21 }]);
  });

  it('refuses an unsupported opset, a broken model file and bad arguments in one line each', async () => {
    assert.throws(() => exportOnnx(probeMaxoutModel(), { opset: 12 }), /^NnError: ONNX opset 12 is not supported \(use 17 to 23\)$/m);
    const file = tmp.join('ok.model.json');
    writeFileSync(file, JSON.stringify(probeMaxoutModel()));
    const broken = JSON.parse(JSON.stringify(probeMaxoutModel())) as ModelFile;
    (broken.weights.layers[0].b as number[]).pop();
    writeFileSync(tmp.join('broken.model.json'), JSON.stringify(broken));
    const cases: [string[], number, RegExp][] = [
      [['export', tmp.join('broken.model.json'), '--to', 'onnx'], 1, /weights\.layers\[0\]\.b: must hold 9 biases/],
      [['export', file, '--to', 'onnx', '--opset', '16'], 1, /opset 16 is not supported/],
      [['export', file, '--to', 'tflite'], 2, /--to must be one of pytorch, onnx, json, got "tflite"/],
      [['export', file], 2, /export needs --to/],
      [['export', tmp.join('missing.model.json'), '--to', 'onnx'], 2, /file not found/],
      [['export', file, '--to', 'onnx', '-o', tmp.join('no', 'such', 'dir.onnx')], 1, /cannot write .*its folder does not exist/],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err.join('\n')}`);
      assert.match(r.err[0], message);
      assert.ok(!r.err.join('\n').includes('    at '), 'no stack trace');
    }
    const ok = await cli(['export', file, '--to', 'onnx']);
    assert.equal(ok.code, 0, ok.err.join('\n'));
    assert.ok(existsSync(tmp.join('ok.onnx')), 'default output beside the model file');
    assert.match(ok.out[0], /opset 17/);
  });

  it('onnx-proto.json is the descriptor of the vendored onnx.proto (run "npm run onnx-proto")', () => {
    const dirOf = join(__dirname, '..', '..', 'src', 'core', 'export', 'onnx-schema');
    assert.equal(readFileSync(join(dirOf, 'onnx-proto.json'), 'utf8'), renderOnnxDescriptor(join(dirOf, 'onnx.proto')));
  });
});
