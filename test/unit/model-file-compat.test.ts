/**
 * Model files written by an earlier NN Lab (test/fixtures/*-model-v1.json, saved with
 * `nn-lab train examples/xor.nn.json --save …` before the layer-kind registry) still load, and
 * give the same outputs as when they were written (recorded in model-predictions-v1.json).
 * Re-record only on purpose: `NN_LAB_RECORD_PREDICTIONS=1 npx mocha test/unit/model-file-compat.test.ts`.
 */
import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { loadTrainedModel, readModelFile } from '../../src/cli/model-input';

const fixtures = join(__dirname, '..', 'fixtures');
const predictionsFile = join(fixtures, 'model-predictions-v1.json');
/** A few 2-feature inputs, inside and outside the training range. */
const INPUTS = [0.5, 0.5, -0.5, 0.5, 0.9, -0.2, -3, 2, 0, 0, 0.25, -0.75];
const MODELS = ['xor-model-v1.json', 'maxout-model-v1.json'];

function predict(name: string): number[] {
  const file = readModelFile(readFileSync(join(fixtures, name), 'utf8'));
  assert.ok(typeof file !== 'string', String(file));
  const loaded = loadTrainedModel(file);
  assert.ok(typeof loaded !== 'string', String(loaded));
  return Array.from(loaded.model.predict(Float64Array.from(INPUTS), INPUTS.length / 2));
}

describe('model files of the previous version', () => {
  if (process.env.NN_LAB_RECORD_PREDICTIONS === '1') {
    it('records the predictions', () => {
      writeFileSync(predictionsFile, JSON.stringify(Object.fromEntries(MODELS.map((m) => [m, predict(m)])), null, 1) + '\n');
    });
    return;
  }
  const recorded = JSON.parse(readFileSync(predictionsFile, 'utf8')) as Record<string, number[]>;
  for (const m of MODELS) {
    it(`${m} loads and predicts exactly what it did`, () => {
      assert.deepEqual(predict(m), recorded[m]);
    });
  }
});
