/**
 * `testData`: validated against `data` (same inputs and targets), evaluated after training (every
 * epoch when cheap), and reported by the CLI (`testLoss` / `testAccuracy`, text and --json).
 */
import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { prepareRun } from '../../src/core/config/load';
import { validateConfig } from '../../src/core/config/validate';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { train } from '../../src/core/train/trainer';
import { testEveryEpoch } from '../../src/core/train/test-cost';
import { TempDir } from '../support/temp-dir';

const model = {
  layers: [
    { units: 6, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  training: { epochs: 4, seed: 3 },
};
const xor = { generator: 'xor', samples: 60 };

async function cli(args: string[], interruptAfter = Infinity) {
  const out: string[] = [],
    err: string[] = [];
  let asked = 0;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => ++asked > interruptAfter };
  return { code: await runCli(args, io), out, err };
}

/** The configs the tests write, removed after the last test. */
const tmp = new TempDir('test-data');
function write(name: string, json: unknown): string {
  const file = tmp.join(name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('testData', () => {
  after(() => tmp.remove());
  it('is accepted with any source and loaded beside data', () => {
    const run = prepareRun({ data: xor, testData: { generator: 'xor', samples: 30 }, ...model });
    assert.deepEqual(run.problems, []);
    assert.equal(run.testData?.n, 30);
  });

  it('generated test data defaults to the next seed, not a copy of the training samples', () => {
    const run = prepareRun({ data: xor, testData: xor, ...model });
    assert.notDeepEqual(Array.from(run.testData!.x), Array.from(run.data!.x));
    const same = prepareRun({ data: xor, testData: { ...xor, seed: 3 }, ...model });
    assert.deepEqual(Array.from(same.testData!.x), Array.from(same.data!.x));
  });

  it('rejects a different number of target columns, known without loading', () => {
    const r = validateConfig({ data: xor, testData: { generator: 'spiral', classes: 3 }, ...model });
    const e = r.problems.find((p) => p.path.join('.') === 'testData');
    assert.equal(e?.message, 'testData has 3 target columns but data has 1: both must have the same targets');
    assert.equal(r.config, undefined);
  });

  it('rejects a different number of inputs once loaded', () => {
    const run = prepareRun({
      data: xor,
      testData: {
        inputs: [
          [1, 2, 3],
          [3, 4, 5],
        ],
        targets: [0, 1],
      },
      ...model,
    });
    const errors = run.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => [p.path.join('.'), p.message]),
      [['testData', 'testData has 3 inputs per sample but data has 2: both must describe the same features']],
    );
    assert.equal(run.config, undefined);
  });

  it('reports its own problems under testData', () => {
    const r = validateConfig({ data: xor, testData: { generator: 'xor', sample: 3 }, ...model });
    assert.ok(
      r.problems.some((p) => p.path[0] === 'testData' && p.severity === 'error'),
      JSON.stringify(r.problems),
    );
    const missing = prepareRun(
      { data: xor, testData: { csv: 'nope.csv' }, ...model },
      {
        readFile: () => {
          throw new Error('ENOENT');
        },
      },
    );
    assert.deepEqual(
      missing.problems.map((p) => [p.path.join('.'), p.message]),
      [['testData.csv', 'data file not found: nope.csv']],
    );
  });

  it('is evaluated every epoch when cheap, else after the last epoch only', () => {
    assert.equal(testEveryEpoch(2000, 10), true);
    assert.equal(testEveryEpoch(10000, 60000), true);
    assert.equal(testEveryEpoch(10000, 20000), false);
    const run = prepareRun({ data: xor, testData: { generator: 'xor', samples: 40 }, ...model });
    const r = train(run.config!, run.data!, { testData: run.testData });
    assert.ok(r.history.every((e) => e.testLoss !== undefined && e.testAccuracy !== undefined));
    const big = prepareRun({ data: { generator: 'xor', samples: 20 }, testData: { generator: 'xor', samples: 2100 }, ...model });
    const h = train(big.config!, big.data!, { testData: big.testData }).history;
    assert.deepEqual(
      h.map((e) => e.testLoss !== undefined),
      [false, false, false, true],
    );
  });

  it('the CLI reports testLoss and testAccuracy: --json epochs and summary, and text', async () => {
    const file = write('t.nn.json', { data: xor, testData: { generator: 'xor', samples: 40 }, ...model });
    const json = await cli(['train', file, '--json']);
    assert.equal(json.code, 0, json.err.join('\n'));
    const lines = json.out.map((l) => JSON.parse(l));
    const summary = lines[lines.length - 1];
    assert.equal(summary.type, 'summary');
    assert.ok(typeof summary.testLoss === 'number' && summary.testAccuracy >= 0 && summary.testAccuracy <= 1, JSON.stringify(summary));
    assert.ok(lines.filter((l) => l.type === 'epoch').every((l) => typeof l.testLoss === 'number'));
    const text = await cli(['train', file]);
    assert.match(text.out[text.out.length - 1], /test_loss \d\.\d+ {2}test_acc \d+\.\d%/);
    assert.match(text.out[0], /40 test samples/);
  });

  it('a CLI run stopped early still reports the test metrics of its model', async () => {
    const file = write('big.nn.json', {
      data: { generator: 'xor', samples: 20 },
      testData: { generator: 'xor', samples: 2100 },
      ...model,
      training: { epochs: 50, batchSize: 5 },
    });
    const r = await cli(['train', file, '--json'], 10);
    assert.equal(r.code, 130);
    const summary = JSON.parse(r.out[r.out.length - 1]);
    assert.equal(summary.status, 'cancelled');
    assert.equal(typeof summary.testLoss, 'number');
  });

  it('the CLI rejects mismatched shapes with the testData path', async () => {
    const file = write('bad.nn.json', { data: xor, testData: { dataset: 'iris' }, ...model });
    const r = await cli(['check', file]);
    assert.equal(r.code, 1);
    assert.ok(
      r.out.some((l) => l.includes('testData: error: testData has 4 inputs per sample but data has 2')),
      r.out.join('\n'),
    );
  });
});
