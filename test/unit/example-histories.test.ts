/**
 * The loss history of every example is bit-identical to the one recorded in
 * test/fixtures/example-histories.json (written by the code before the layer-kind registry).
 * Re-record only on purpose: `NN_LAB_RECORD_HISTORIES=1 npx mocha test/unit/example-histories.test.ts`.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { prepareRun } from '../../src/core/config/load';
import { firstSamples } from '../../src/core/data/dataset';
import type { EpochReport } from '../../src/core/train/types';
import { train } from '../../src/core/train/trainer';

const dir = join(__dirname, '..', '..', 'examples');
const fixture = join(__dirname, '..', 'fixtures', 'example-histories.json');
const FASHION_SYSTEM_DIR = '/usr/share/datasets/fashion-mnist';
const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
const fashionDir = [join(dir, 'data', 'fashion-mnist'), FASHION_SYSTEM_DIR].find((d) => FASHION_FILES.every((f) => existsSync(join(d, f))));
/** Epochs recorded per example (fewer when the example trains fewer). */
const EPOCHS = 20;

/** The numbers of one epoch that must not change (timings left out). */
type Numbers = [number, number | null, number | null, number | null, number | null, number | null];

function numbers(r: EpochReport): Numbers {
  return [r.loss, r.valLoss ?? null, r.accuracy ?? null, r.valAccuracy ?? null, r.testLoss ?? null, r.testAccuracy ?? null];
}

/** True for the examples on the Fashion-MNIST files (fashion-mnist.nn.json, fashion-mnist-cnn.nn.json). */
function isFashion(file: string): boolean {
  return file.startsWith('fashion-mnist');
}

/** The first epochs of an example's run (the Fashion-MNIST ones: 2 epochs on their first 2,000 images). */
function history(file: string): Numbers[] {
  const fashion = isFashion(file);
  const readBinaryFile = (p: string): Uint8Array => readFileSync(fashion ? join(fashionDir!, basename(p)) : join(dir, p));
  const run = prepareRun(readFileSync(join(dir, file), 'utf8'), { readFile: (p) => readFileSync(join(dir, p), 'utf8'), readBinaryFile });
  assert.deepEqual(run.problems, [], file);
  assert.ok(run.config && run.data, file);
  const epochs = Math.min(run.config.training.epochs, fashion ? 2 : EPOCHS);
  const config = { ...run.config, training: { ...run.config.training, epochs } };
  const data = fashion ? firstSamples(run.data, 2000) : run.data;
  const testData = run.testData && fashion ? firstSamples(run.testData, 500) : run.testData;
  return train(config, data, testData ? { testData } : {}).history.map(numbers);
}

const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.nn.json'))
  .filter((f) => !isFashion(f) || fashionDir !== undefined)
  .sort();

describe('example loss histories (bit-identical to the recorded ones)', function () {
  this.timeout(300000);

  if (process.env.NN_LAB_RECORD_HISTORIES === '1') {
    it('records the histories', () => {
      const all: Record<string, Numbers[]> = {};
      for (const f of examples) all[f] = history(f);
      writeFileSync(fixture, JSON.stringify(all, null, 1) + '\n');
    });
    return;
  }

  const recorded = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, Numbers[]>;
  it('the fixture covers every example', () => {
    for (const f of examples) assert.ok(recorded[f], f);
  });
  for (const f of examples) {
    it(f, function () {
      if (!recorded[f]) this.skip();
      assert.deepEqual(history(f), recorded[f]);
    });
  }
});
