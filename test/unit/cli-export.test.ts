/**
 * `nn-lab export` and `nn-lab train --save` without Python: arguments, the files written, and
 * the generator's coverage of every registry entry. (The scripts themselves are run against
 * NN Lab in export-pytorch.test.ts.)
 */
import { strict as assert } from 'assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from '../../src/cli/args';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { ACTIVATIONS } from '../../src/core/activations';
import { pythonActivation } from '../../src/core/export/pytorch/activations';
import { pythonOptimizer } from '../../src/core/export/pytorch/optimizers';
import { OPTIMIZERS } from '../../src/core/optimizers';
import { TempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** The files the tests write; each describe that writes one removes the folder after its tests. */
const tmp = new TempDir('export');
const write = (name: string, json: unknown): string => {
  const file = tmp.join(name);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
const small = {
  data: { generator: 'xor', samples: 40, noise: 0 },
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  training: { epochs: 5, validationSplit: 0.25, batchSize: 8 },
};
const epochsOf = (out: string[]) =>
  out
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'epoch')
    .map((l) => l.loss as number);

describe('nn-lab export and train --save: arguments', () => {
  it('parses export with --to and -o, and train with --save', () => {
    assert.deepEqual(parseArgs(['export', 'a.nn.json', '--to', 'pytorch', '-o', 'train.py']), {
      kind: 'export',
      file: 'a.nn.json',
      to: 'pytorch',
      output: 'train.py',
    });
    assert.deepEqual(parseArgs(['export', 'a.model.json', '--to=onnx']), { kind: 'export', file: 'a.model.json', to: 'onnx', output: undefined });
    assert.equal((parseArgs(['train', 'a.nn.json', '--save', 'm.json']) as { save?: string }).save, 'm.json');
  });

  it('rejects a missing or unknown format and options of other commands', () => {
    for (const argv of [
      ['export', 'a'],
      ['export', 'a', '--to', 'keras'],
      ['export', 'a', '--to'],
      ['export', 'a', '--to', 'json', '--epochs', '3'],
      ['check', 'a', '--save', 'x'],
      ['train', 'a', '-o', 'x'],
      ['train', 'a', '--to', 'json'],
    ]) {
      assert.equal(parseArgs(argv).kind, 'usage-error', argv.join(' '));
    }
  });
});

describe('nn-lab train --save', () => {
  after(() => tmp.remove());
  it('writes a model file that predict loads, atomically', async () => {
    const file = write('small.nn.json', small);
    const target = tmp.join('small.model.json');
    const r = await cli('train', file, '--quiet', '--save', target);
    assert.equal(r.code, 0, r.err.join('\n'));
    const model = JSON.parse(readFileSync(target, 'utf8'));
    assert.equal(model.format, 'nn-lab-model');
    assert.equal(model.training.epochs, 5);
    assert.equal(model.training.status, 'completed');
    assert.equal(model.weights.layers.length, 2);
    assert.equal((await cli('predict', target, '--input', '0.5,0.5')).code, 0);
    assert.ok(!readdirSync(tmp.path).some((f) => f.endsWith('.tmp')), 'no temporary file is left');
  });

  it('never writes over a description, and says so in one line', async () => {
    const file = write('keep.nn.json', small);
    const before = readFileSync(file, 'utf8');
    const r = await cli('train', file, '--quiet', '--save', file);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(r.err.join('\n'), /will not write over a model description/);
  });
});

describe('nn-lab export', () => {
  after(() => tmp.remove());
  it('--to json writes the initial weights NN Lab starts from: training that file repeats the run', async () => {
    const file = write('init.nn.json', small);
    const target = tmp.join('init.model.json');
    const r = await cli('export', file, '--to', 'json', '-o', target);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(JSON.parse(readFileSync(target, 'utf8')).training.status, 'untrained');
    const fromConfig = epochsOf((await cli('train', file, '--json')).out);
    const fromModel = epochsOf((await cli('train', target, '--json')).out);
    assert.deepEqual(fromModel, fromConfig);
  });

  it('--to pytorch writes the script and its data file, named after the output', async () => {
    const file = write('xor-small.nn.json', small);
    const r = await cli('export', file, '--to', 'pytorch');
    assert.equal(r.code, 0, r.err.join('\n'));
    const script = readFileSync(tmp.join('xor_small.py'), 'utf8');
    assert.match(script, /DATA_FILE = "xor_small_data\.json"/);
    assert.match(script, /nn\.Linear\(2, 4\),\n\s+nn\.Tanh\(\),\n\s+nn\.Linear\(4, 1\),/);
    assert.match(script, /self\.output = nn\.Sigmoid\(\)/, 'the sigmoid is fused with the Binary loss');
    const data = JSON.parse(readFileSync(tmp.join('xor_small_data.json'), 'utf8'));
    assert.equal(data.x.length, 40);
  });

  it('--to pytorch on CSV data reads the CSV file itself, relative to the script', async () => {
    mkdirSync(tmp.join('csvcase', 'data'), { recursive: true });
    writeFileSync(tmp.join('csvcase', 'data', 'fruit.csv'), readFileSync(join(root, 'examples', 'data', 'fruit.csv')));
    const file = tmp.join('csvcase', 'fruit.nn.json');
    writeFileSync(file, JSON.stringify({ data: { csv: 'data/fruit.csv', target: 'fruit', normalize: true }, layers: [{ units: 3, activation: 'softmax' }] }));
    mkdirSync(tmp.join('csvcase', 'out'));
    const r = await cli('export', file, '--to', 'pytorch', '-o', tmp.join('csvcase', 'out', 'fruit.py'));
    assert.equal(r.code, 0, r.err.join('\n'));
    const script = readFileSync(tmp.join('csvcase', 'out', 'fruit.py'), 'utf8');
    assert.match(script, /CSV_FILE = "\.\.\/data\/fruit\.csv"/);
    assert.match(script, /CLASS_NAMES = \["apple", "lemon", "orange"\]/);
    assert.match(script, /FEATURE_COLUMNS = \[0, 1, 2\]/);
    assert.ok(!existsSync(tmp.join('csvcase', 'out', 'fruit_data.json')));
  });

  it('reports an invalid description and never writes over one', async () => {
    const bad = write('bad.nn.json', { data: { generator: 'xor' }, layers: [{ units: 0 }] });
    const r = await cli('export', bad, '--to', 'pytorch', '-o', tmp.join('bad.py'));
    assert.equal(r.code, 1);
    assert.match(r.err[0], /^.*bad\.nn\.json: layers\[0\]\.units: error: /);
    assert.ok(!existsSync(tmp.join('bad.py')));
    const good = write('good.nn.json', small);
    assert.equal((await cli('export', good, '--to', 'json', '-o', good)).code, 1);
    assert.equal((await cli('export', good, '--to', 'json', '-o', tmp.join('other.nn.json'))).code, 1);
  });
});

describe('PyTorch script generator', () => {
  it('has a PyTorch form for every activation and optimizer (with default parameters)', () => {
    const defaults = (params: readonly { name: string; default: number }[]) => Object.fromEntries(params.map((p) => [p.name, p.default]));
    for (const a of ACTIVATIONS) assert.ok(pythonActivation(a.name, defaults(a.params)).module.length > 0, a.name);
    for (const o of OPTIMIZERS)
      assert.ok(
        pythonOptimizer(o.name, defaults(o.params)).construct.startsWith('torch.optim.') ||
          pythonOptimizer(o.name, defaults(o.params)).classes.includes(`class ${o.name}`),
        o.name,
      );
  });
});
