/**
 * The layer-kind registry: every registered kind has every facet, and a kind defined in the test
 * folder (`scale`, test/unit/layer-kinds/scale-kind.ts), registered at run time, is validated, in
 * the schema, trained, saved and reloaded, and exported to PyTorch (the script's float64 loss
 * history equals `train --json` within 1e-9, run by python3 + PyTorch) and to ONNX (equal to
 * `predict` within 1e-5 in ONNX Runtime), with no change to any file outside the tests.
 */
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadTrainedModel } from '../../src/cli/model-input';
import { prepareRun } from '../../src/core/config/load';
import { formatMarkers, withFormatTables } from '../../src/core/config/format-doc';
import { buildSchema } from '../../src/core/config/schema';
import { validateConfig } from '../../src/core/config/validate';
import type { LayerKind } from '../../src/core/layers/kinds/kind';
import { layerKinds, registerLayerKind } from '../../src/core/layers/kinds/registry';
import { Sequential } from '../../src/core/model/sequential';
import { checkWeightsJson } from '../../src/core/model/weights-json';
import { train } from '../../src/core/train/trainer';
import { makeModelFile } from '../../src/core/model/model-file';
import { cli, deviation, onnxRuntimeRows, predictRows, sampleRows } from './export-onnx.helpers';
import { SCALE, ScaleLayer, scaleKind } from './layer-kinds/scale-kind';
import { pythonCommand } from '../support/python';
import { runProcess } from '../support/run-process';

/** The facets every kind must have, by how they are checked. */
const FUNCTIONS = ['resolve', 'activation', 'outputShape', 'paramCount', 'summary', 'label', 'create', 'initialize'] as const;
const FILE_FUNCTIONS = ['checkFields', 'outputs', 'paramLengths', 'mismatch'] as const;

/** The facets `kind` lacks (empty when complete). */
function missingFacets(kind: LayerKind): string[] {
  const missing: string[] = [];
  const has = (o: object | undefined, key: string, type: string): boolean => o !== undefined && typeof (o as Record<string, unknown>)[key] === type;
  if (!has(kind, 'name', 'string') || kind.name === '') missing.push('name');
  if (!has(kind, 'doc', 'string') || kind.doc === '') missing.push('doc');
  if (!has(kind, 'keys', 'object')) missing.push('keys');
  if (!has(kind, 'snippet', 'object')) missing.push('snippet');
  if (!has(kind, 'trainingDiffers', 'boolean')) missing.push('trainingDiffers');
  for (const f of FUNCTIONS) if (!has(kind, f, 'function')) missing.push(f);
  for (const f of FILE_FUNCTIONS) if (!has(kind.file, f, 'function')) missing.push(`file.${f}`);
  if (!Array.isArray(kind.file?.params)) missing.push('file.params');
  if (!has(kind.onnx, 'emit', 'function')) missing.push('onnx.emit');
  if (!has(kind.onnx, 'label', 'function')) missing.push('onnx.label');
  if (!has(kind.pytorch, 'modules', 'function')) missing.push('pytorch.modules');
  for (const [key, spec] of Object.entries(kind.keys ?? {})) if (typeof spec.doc !== 'string' || spec.doc === '') missing.push(`keys.${key}.doc`);
  return missing;
}

/** A small classifier with a scale layer between two dense layers; 48 samples, 12 held out, batches of 10. */
const CONFIG = {
  name: 'scaled xor',
  data: { generator: 'xor', samples: 48, noise: 0.1, seed: 3 },
  layers: [{ units: 6, activation: 'tanh' }, { type: SCALE }, { units: 1, activation: 'sigmoid' }],
  optimizer: { name: 'Adam', alpha: 0.02 },
  training: { epochs: 25, batchSize: 10, validationSplit: 0.25, seed: 11 },
};

describe('layer kinds', function () {
  this.timeout(300000);

  it('every registered kind has every facet', () => {
    for (const kind of layerKinds()) assert.deepEqual(missingFacets(kind), [], kind.name);
  });

  it('docs/format.md holds the generated layer and training tables (npm run docs)', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'format.md'), 'utf8');
    assert.ok(text.includes(formatMarkers('layer-kinds').begin) && text.includes(formatMarkers('training-keys').begin), 'markers');
    assert.equal(text, withFormatTables(text), 'docs/format.md is stale: run npm run docs');
    for (const kind of layerKinds()) assert.ok(text.includes(`**\`${kind.name}\`**`), kind.name);
  });

  it('the facet check catches a kind without one', () => {
    const { pytorch: _pytorch, ...rest } = scaleKind;
    void _pytorch;
    assert.deepEqual(missingFacets(rest as unknown as LayerKind), ['pytorch.modules']);
    const { summary: _summary, ...noSummary } = scaleKind;
    void _summary;
    assert.deepEqual(missingFacets(noSummary as unknown as LayerKind), ['summary']);
  });

  describe('a kind registered by a test (scale)', () => {
    let unregister: (() => void) | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'nn-lab-scale-'));
    before(() => {
      unregister = registerLayerKind(scaleKind);
    });
    after(() => {
      unregister?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is unknown before it is registered and known after', () => {
      unregister?.();
      const before = validateConfig(CONFIG);
      assert.ok(
        before.problems.some((p) => /unknown layer type "scale"/.test(p.message)),
        JSON.stringify(before.problems),
      );
      unregister = registerLayerKind(scaleKind);
      const after = validateConfig(CONFIG);
      assert.deepEqual(after.problems, []);
      assert.deepEqual(after.config?.layers[1], { type: SCALE });
      const layerItems = (buildSchema().properties as Record<string, { items: { properties: { type: { enum: string[] } } } }>).layers.items;
      assert.ok(layerItems.properties.type.enum.includes(SCALE));
      const unknownKey = validateConfig({ ...CONFIG, layers: [{ units: 6 }, { type: SCALE, units: 3 }, { units: 1 }] });
      assert.ok(
        unknownKey.problems.some((p) => p.code === 'unknown-key' && p.path.join('.') === 'layers.1.units'),
        JSON.stringify(unknownKey.problems),
      );
    });

    it('trains (its factors move off 1), and is saved and reloaded with the same outputs', () => {
      const prepared = prepareRun(CONFIG);
      assert.ok(prepared.config && prepared.data, JSON.stringify(prepared.problems));
      const result = train(prepared.config, prepared.data);
      assert.equal(result.status, 'completed');
      const h = result.history;
      assert.ok(h[h.length - 1].loss < h[0].loss, `loss ${h[0].loss} → ${h[h.length - 1].loss}`);
      const scale = result.model.layers[1];
      assert.ok(scale instanceof ScaleLayer);
      assert.ok(
        scale.s.some((v) => v !== 1),
        'the factors were trained',
      );
      assert.equal(result.model.paramCount, 2 * 6 + 6 + 6 + 6 + 1);

      const json = JSON.parse(JSON.stringify(result.model.toJSON())) as unknown;
      const checked = checkWeightsJson(json);
      assert.ok(typeof checked !== 'string', String(checked));
      assert.deepEqual(checked.layers[1], { type: SCALE, inputs: 6, units: 6, s: Array.from(scale.s) });
      const reloaded = Sequential.fromJSON(prepared.config, checked);
      const x = Float64Array.from(sampleRows(2, 6, 5).flat());
      // The run trained on the default (WebAssembly) kernel, the reloaded model computes in JavaScript: the last bits may differ.
      const trainedY = result.model.predict(x, 8);
      reloaded.predict(x, 8).forEach((y, i) => assert.ok(Math.abs(y - trainedY[i]) < 1e-12, `output ${i}: ${y} vs ${trainedY[i]}`));
      assert.deepEqual(reloaded.toJSON(), checked);

      const file = makeModelFile(CONFIG, checked, { status: 'completed', epochs: 25, digest: '', exportedAt: '' });
      const loaded = loadTrainedModel(file);
      assert.ok(typeof loaded !== 'string', String(loaded));
      assert.deepEqual(loaded.model.predict(x, 8), reloaded.predict(x, 8));
      const tampered = JSON.parse(JSON.stringify(json)) as { layers: { s: number[] }[] };
      tampered.layers[1].s.pop();
      assert.match(String(checkWeightsJson(tampered)), /layers\[1\]\.s: must hold 6 values of "s"/);
    });

    it('exports to PyTorch: the float64 loss history equals train --json (python3 + PyTorch)', async () => {
      const file = join(dir, 'scaled.nn.json');
      writeFileSync(file, JSON.stringify(CONFIG));
      const trained = await cli(['train', file, '--json']);
      assert.equal(trained.code, 0, trained.err.join('\n'));
      const nnlab = trained.out
        .map((l) => JSON.parse(l) as { type: string; loss: number; valLoss?: number; accuracy?: number })
        .filter((e) => e.type === 'epoch');
      const script = join(dir, 'scaled.py');
      const exported = await cli(['export', file, '--to', 'pytorch', '-o', script]);
      assert.equal(exported.code, 0, exported.err.join('\n'));
      const r = await runProcess(pythonCommand(), [script, '--json', '--dtype', 'float64'], dir);
      assert.equal(r.code, 0, `python3 with PyTorch is required: ${r.err.slice(-2000)}`);
      const torch = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; loss: number; valLoss?: number; accuracy?: number })
        .filter((e) => e.type === 'epoch');
      assert.equal(torch.length, nnlab.length);
      nnlab.forEach((a, i) => {
        for (const key of ['loss', 'valLoss'] as const) {
          const x = a[key] as number,
            y = torch[i][key] as number;
          assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)), `epoch ${i + 1} ${key}: ${x} vs ${y}`);
        }
        assert.equal(torch[i].accuracy, a.accuracy, `epoch ${i + 1} accuracy`);
      });
    });

    it('exports to ONNX: ONNX Runtime reproduces predict', async () => {
      const file = join(dir, 'scaled.nn.json');
      writeFileSync(file, JSON.stringify(CONFIG));
      const model = join(dir, 'scaled.model.json');
      assert.equal((await cli(['train', file, '--quiet', '--save', model])).code, 0);
      const onnx = join(dir, 'scaled.onnx');
      const exported = await cli(['export', model, '--to', 'onnx', '-o', onnx]);
      assert.equal(exported.code, 0, exported.err.join('\n'));
      const rows = sampleRows(2, 12, 7);
      const d = deviation(await onnxRuntimeRows(onnx, rows), await predictRows(model, rows));
      assert.ok(d.scaled <= 1e-5, `deviation ${d.scaled}`);
    });
  });
});
