/**
 * The exported ONNX models checked by ONNX's own Python tools (`npm run test:onnx-python`; needs
 * onnx, onnxruntime and numpy in `.venv/`, which `npm test` sets up, or NN_LAB_PYTHON naming such an interpreter):
 * `onnx.checker.check_model(full_check=True)` accepts every model, and both ONNX Runtime (CPU, native)
 * and `onnx.reference.ReferenceEvaluator` (the operators' literal definitions) give `nn-lab predict`'s
 * outputs within 1e-5 (absolute up to |y| = 1, relative beyond). A missing package fails the test.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { ModelFile } from '../../src/core/model/model-file';
import {
  ACTIVATION_CASES,
  caseLabel,
  cli,
  deviation,
  PROBE_INPUTS,
  predictRows,
  probeMaxoutModel,
  probeModel,
  sampleRows,
  trainedActivationModel,
  trainedModel,
} from '../unit/export-onnx.helpers';
import { pythonCommand } from '../support/python';
import { useTempDir } from '../support/temp-dir';

const TOLERANCE = 1e-5;

interface Case {
  label: string;
  onnx: string;
  rows: number[][];
  expected: number[][];
}
interface Result {
  onnx: string;
  checker?: string;
  onnxruntime?: number[][];
  reference?: number[][];
  error?: string;
}

describe('ONNX export, checked by Python onnx and onnxruntime', function () {
  this.timeout(300000);
  const tmp = useTempDir('onnx-py');

  /** Writes `model`, exports it at `opset` with the CLI, and records predict's outputs on `rows`. */
  async function make(label: string, model: ModelFile, rows: number[][], opset = '17'): Promise<Case> {
    const stem = tmp.join(label.replace(/[^A-Za-z0-9.-]+/g, '_'));
    writeFileSync(`${stem}.model.json`, JSON.stringify(model));
    const r = await cli(['export', `${stem}.model.json`, '--to', 'onnx', '-o', `${stem}.onnx`, '--opset', opset]);
    assert.equal(r.code, 0, r.err.join('\n'));
    return { label, onnx: `${stem}.onnx`, rows, expected: await predictRows(`${stem}.model.json`, rows) };
  }

  it('accepts every model and reproduces predict in ONNX Runtime and the reference evaluator', async () => {
    const cases: Case[] = [];
    for (const c of ACTIVATION_CASES) {
      cases.push(
        await make(
          `probe ${caseLabel(c)}`,
          probeModel(c),
          PROBE_INPUTS.map((x) => [x]),
        ),
      );
      cases.push(await make(`trained ${caseLabel(c)}`, trainedActivationModel(c, 7), sampleRows(3, 12, 11)));
    }
    const maxoutRows = [...sampleRows(2, 16, 5), [0, 0], [1, 1], [-1, 2], [2, -1]];
    for (const opset of ['17', '18', '21', '23']) cases.push(await make(`probe maxout opset ${opset}`, probeMaxoutModel(), maxoutRows, opset));
    const layers = [
      { type: 'maxout', units: 5, pieces: 3 },
      { type: 'maxout', units: 4, pieces: 2 },
      { units: 3, activation: 'softmax' },
    ];
    cases.push(await make('trained maxout', trainedModel('trained maxout', layers, 3, 9), sampleRows(3, 16, 13)));

    const list = tmp.join('cases.json');
    writeFileSync(list, JSON.stringify(cases.map((c) => ({ onnx: c.onnx, rows: c.rows }))));
    const python = pythonCommand();
    // TMPDIR: what the Python packages keep in a temporary folder (logs, session files) lands in the test's folder, removed after it.
    const run = spawnSync(python, [join(__dirname, 'check_onnx.py'), list], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TMPDIR: tmp.path },
    });
    assert.equal(run.error, undefined, `cannot run ${python}: ${String(run.error)}`);
    assert.equal(
      run.status,
      0,
      `${python} check_onnx.py failed (npm test installs onnx, onnxruntime and numpy into .venv/):\n${run.stderr.trim().split('\n').pop()}`,
    );
    const nonFinite: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };
    const { versions, results } = JSON.parse(run.stdout, (_k, v: unknown) => (typeof v === 'string' && v in nonFinite ? nonFinite[v] : v)) as {
      versions: Record<string, string>;
      results: Result[];
    };
    const lines = [`python: ${JSON.stringify(versions)}`];
    cases.forEach((c, i) => {
      const r = results[i];
      assert.equal(r.onnx, c.onnx);
      assert.equal(r.error, undefined, `${c.label}: ${r.error}`);
      assert.equal(r.checker, 'ok');
      const ort = deviation(r.onnxruntime ?? [], c.expected);
      const ref = deviation(r.reference ?? [], c.expected);
      lines.push(
        `${c.label.padEnd(44)} onnxruntime ${ort.abs.toExponential(2)} / ${ort.scaled.toExponential(2)}  reference ${ref.abs.toExponential(2)} / ${ref.scaled.toExponential(2)}`,
      );
      assert.ok(ort.scaled <= TOLERANCE, `${c.label}: ONNX Runtime (Python) differs from predict by ${ort.abs} (scaled ${ort.scaled})`);
      assert.ok(ref.scaled <= TOLERANCE, `${c.label}: the reference evaluator differs from predict by ${ref.abs} (scaled ${ref.scaled})`);
    });
    if (process.env.NN_LAB_ONNX_REPORT) console.log(lines.join('\n'));
  });
});
