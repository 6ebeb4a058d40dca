/**
 * `nn-lab predict` and `nn-lab train` on an exported model file (as "Export Trained Model" writes it):
 * predictions equal the trained network's, training continues from the saved weights (its first
 * loss is the trained one, not a fresh start's), and malformed files or inputs are refused.
 */
import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import { parseArgs } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { prepareRun } from '../../src/core/config/load';
import { train } from '../../src/core/train/trainer';
import { makeModelFile } from '../../src/core/model/model-file';
import { useTempDir } from '../support/temp-dir';

const config = {
  name: 'xor',
  data: { generator: 'xor', samples: 200, noise: 0 },
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'Binary',
  optimizer: { name: 'Adam', alpha: 0.03 },
  training: { epochs: 150, batchSize: 20, seed: 1 },
};

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  return { code: await runCli(args, io), out, err };
}

describe('nn-lab on exported models', () => {
  const tmp = useTempDir('model');
  const prepared = prepareRun(config);
  assert.ok(prepared.config && prepared.data);
  const result = train(prepared.config, prepared.data);
  let file = '';
  before(() => {
    file = tmp.join('xor.model.json');
    writeFileSync(
      file,
      JSON.stringify(makeModelFile(config, result.model.toJSON(), { status: 'completed', epochs: 150, digest: prepared.digest ?? '', exportedAt: '' })),
    );
  });

  it('parses predict with repeated --input rows, and refuses bad rows', () => {
    assert.deepEqual(parseArgs(['predict', 'm.json', '--input', '0.5,-1', '--input=1,2', '--json']), {
      kind: 'predict',
      file: 'm.json',
      json: true,
      inputs: [
        [0.5, -1],
        [1, 2],
      ],
    });
    assert.equal(parseArgs(['predict', 'm.json']).kind, 'usage-error');
    assert.equal(parseArgs(['predict', 'm.json', '--input', '1,x']).kind, 'usage-error');
    assert.equal(parseArgs(['predict', 'm.json', '--input', '1,,2']).kind, 'usage-error');
    assert.equal(parseArgs(['train', 'm.json', '--input', '1']).kind, 'usage-error');
  });

  it("predict prints the trained network's outputs for each row", async () => {
    const rows = [
      [0.5, 0.5],
      [-0.5, 0.5],
    ];
    const r = await cli(['predict', file, ...rows.flatMap((row) => ['--input', row.join(',')]), '--json']);
    assert.equal(r.code, 0, r.err.join('\n'));
    const lines = r.out.map((l) => JSON.parse(l) as { input: number[]; output: number[] });
    const expected = result.model.predict(Float64Array.from(rows.flat()), 2);
    assert.deepEqual(
      lines.map((l) => l.input),
      rows,
    );
    assert.ok(Math.abs(lines[0].output[0] - expected[0]) < 1e-12 && Math.abs(lines[1].output[0] - expected[1]) < 1e-12);
    assert.ok(lines[0].output[0] > 0.5 && lines[1].output[0] < 0.5, 'XOR: same signs → class 1, different → class 0');
  });

  it('predict refuses a wrong number of inputs, a config file and a broken model', async () => {
    assert.equal((await cli(['predict', file, '--input', '1,2,3'])).code, 2, 'a row of the wrong length is a usage error');
    const cfg = tmp.join('plain.nn.json');
    writeFileSync(cfg, JSON.stringify(config));
    const plain = await cli(['predict', cfg, '--input', '1,2']);
    assert.equal(plain.code, 1);
    assert.match(plain.err.join('\n'), /Export Trained Model/);
    const broken = tmp.join('broken.model.json');
    const json = JSON.parse(JSON.stringify(makeModelFile(config, result.model.toJSON(), { status: 'completed', epochs: 1, digest: '', exportedAt: '' })));
    json.weights.layers[0].w.pop();
    writeFileSync(broken, JSON.stringify(json));
    const b = await cli(['predict', broken, '--input', '1,2']);
    assert.equal(b.code, 1);
    assert.match(b.err.join('\n'), /weights/);
  });

  it("train continues from the saved weights: the first epoch's loss is already low", async () => {
    const cont = await cli(['train', file, '--epochs', '3', '--json']);
    assert.equal(cont.code, 0, cont.err.join('\n'));
    const first = JSON.parse(cont.out[0]) as { loss: number };
    const fresh = await cli(['train', tmp.join('plain.nn.json'), '--epochs', '3', '--json']);
    const freshFirst = JSON.parse(fresh.out[0]) as { loss: number };
    const trainedLoss = result.history[result.history.length - 1].loss;
    assert.ok(first.loss < 0.5 * freshFirst.loss, `continued ${first.loss} vs fresh ${freshFirst.loss}`);
    assert.ok(first.loss < 2 * trainedLoss + 0.05, `continued ${first.loss} near the trained ${trainedLoss}`);
  });
});
