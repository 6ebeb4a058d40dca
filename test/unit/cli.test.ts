import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from '../../src/cli/args';
import { formatEpoch, formatProblem, summarize } from '../../src/cli/format';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { TempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');
/** Node arguments that run the CLI's TypeScript entry point directly (tsx's require hook, one process). */
const entry = ['--require', 'tsx/cjs', join(root, 'src', 'cli', 'main.ts')];

/** Runs the CLI as a child process: the real entry point, exit code and streams. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the CLI in-process with captured output. */
async function cliInProcess(args: string[], interruptAfter = Infinity) {
  const out: string[] = [];
  const err: string[] = [];
  let asked = 0;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => ++asked > interruptAfter };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** The configs the tests write; each describe that writes one removes the folder after its tests. */
const tmp = new TempDir('cli');
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
  training: { epochs: 5, validationSplit: 0.25 },
};

describe('nn-lab arguments', () => {
  it('parses commands, flags and values', () => {
    assert.deepEqual(parseArgs(['train', 'a.nn.json', '--json', '--epochs', '7', '--seed=3']), {
      kind: 'train',
      file: 'a.nn.json',
      json: true,
      quiet: false,
      epochs: 7,
      seed: 3,
      every: undefined,
    });
    assert.deepEqual(parseArgs(['check', 'a.nn.json']), { kind: 'check', file: 'a.nn.json', json: false });
    assert.equal(parseArgs([]).kind, 'help');
    assert.equal(parseArgs(['--version']).kind, 'version');
  });

  it('rejects unknown options, bad numbers, missing files and stray arguments', () => {
    for (const argv of [
      ['train', 'a', '--fast'],
      ['train', 'a', '--epochs', 'ten'],
      ['train', 'a', '--epochs', '0'],
      ['train'],
      ['fit', 'a'],
      ['train', 'a', 'b'],
      ['check', 'a', '--epochs', '3'],
    ]) {
      assert.equal(parseArgs(argv).kind, 'usage-error', argv.join(' '));
    }
  });
});

describe('nn-lab formatting', () => {
  it('prints problems as file: path: severity: message', () => {
    assert.equal(formatProblem('m.nn.json', { path: ['layers', 0, 'units'], severity: 'error', message: 'bad' }), 'm.nn.json: layers[0].units: error: bad');
  });

  it('prints epochs Keras-style and sums up throughput', () => {
    const r = { epoch: 3, epochs: 10, loss: 0.5, accuracy: 0.75, valLoss: 0.25, valAccuracy: 1, elapsed: 1, samplesPerSecond: 10 };
    assert.equal(formatEpoch(r), 'epoch  3/10  loss 0.500000  acc 75.0%  val_loss 0.250000  val_acc 100.0%');
    const s = summarize('completed', undefined, [r], 2, 50);
    assert.equal(s.samplesPerSecond, 25); // 50 samples × 1 epoch / 2 s
    assert.equal(s.finalLoss, 0.5);
  });
});

describe('nn-lab (child process)', () => {
  after(() => tmp.remove());
  it('--help and --version exit 0', () => {
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: nn-lab <command>/);
    const version = cli('--version');
    assert.equal(version.code, 0);
    assert.equal(version.out.trim(), require('../../package.json').version);
  });

  it('a usage error exits 2', () => {
    const r = cli('train');
    assert.equal(r.code, 2);
    assert.match(r.err, /needs a file/);
  });

  it('train --json prints one object per epoch and a summary, exit 0', () => {
    const r = cli('train', write('small.nn.json', small), '--json', '--epochs', '4');
    assert.equal(r.code, 0, r.err);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 5);
    assert.deepEqual(
      lines.slice(0, 4).map((l) => [l.type, l.epoch, l.epochs]),
      [1, 2, 3, 4].map((e) => ['epoch', e, 4]),
    );
    assert.ok(lines.slice(0, 4).every((l) => typeof l.valLoss === 'number' && typeof l.accuracy === 'number'));
    const s = lines[4];
    assert.equal(s.type, 'summary');
    assert.equal(s.status, 'completed');
    assert.equal(s.epochs, 4);
    assert.equal(s.finalLoss, lines[3].loss);
    assert.ok(s.seconds >= 0 && s.samplesPerSecond > 0);
  });

  it('check lists every problem as file: path: severity: message and exits 1', () => {
    const file = write('bad.nn.json', { data: { generator: 'xor' }, layers: [{ units: 1e9, activation: 'relu' }], optimizer: 'SDG' });
    const r = cli('check', file);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.includes(`${file}: layers[0].units: error: units must be at most 4096 (the maxUnits limit), got 1000000000`), r.out);
    assert.ok(
      lines.some((l) => l.startsWith(`${file}: layers[0].activation: error: Unknown activation "relu". Did you mean "ReLU"?`)),
      r.out,
    );
    assert.ok(
      lines.some((l) => l.startsWith(`${file}: optimizer: warning:`)),
      r.out,
    );
  });

  it('train on an invalid file exits 1 with the problems on stderr; a missing file exits 2', () => {
    const bad = cli('train', write('bad2.nn.json', '{ "data": '));
    assert.equal(bad.code, 1);
    assert.match(bad.err, /JSON syntax error at line 1/);
    assert.equal(cli('train', tmp.join('none.nn.json')).code, 2);
  });
});

describe('nn-lab (child process, Ctrl-C)', () => {
  after(() => tmp.remove());
  it('SIGINT stops a long run cleanly: a cancelled summary and exit 130', async () => {
    const file = write('sigint.nn.json', { ...small, training: { epochs: 100000 } });
    const child = spawn(process.execPath, [...entry, 'train', file, '--json'], { cwd: root });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('"type":"epoch"') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines[lines.length - 1];
    assert.equal(summary.type, 'summary');
    assert.equal(summary.status, 'cancelled');
    assert.ok(summary.epochs >= 1 && summary.epochs < 100000);
  });
});

describe('nn-lab (in process)', () => {
  after(() => tmp.remove());
  it('check says ok for a good file and reads CSV data next to it', async () => {
    writeFileSync(tmp.join('pts.csv'), 'a,b,c\n0,0,no\n1,1,no\n0,1,yes\n1,0,yes\n');
    const file = write('csv.nn.json', {
      data: { csv: 'pts.csv' },
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
    });
    const r = await cliInProcess(['check', file]);
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /ok: 4 samples, 2 inputs, 1 outputs, 2 layers/);
  });

  it('a diverging run exits 1 and says so', async () => {
    const file = write('diverge.nn.json', {
      data: { generator: 'sine', samples: 20 },
      layers: [{ units: 4, activation: 'identity' }, { units: 1 }],
      optimizer: { name: 'SGD', eta: 1e6 },
      training: { epochs: 50 },
    });
    const r = await cliInProcess(['train', file, '--quiet']);
    assert.equal(r.code, 1);
    assert.match(r.out.join('\n'), /diverged/);
  });

  it('Ctrl-C cancels between batches: exit 130 with a cancelled summary', async () => {
    const file = write('long.nn.json', { ...small, training: { epochs: 1000 } });
    const r = await cliInProcess(['train', file, '--json'], 3);
    assert.equal(r.code, 130);
    const summary = JSON.parse(r.out[r.out.length - 1]);
    assert.equal(summary.status, 'cancelled');
    assert.ok(summary.epochs < 1000);
  });

  it('--epochs and --seed override the file; the same seed repeats the run exactly', async () => {
    const file = write('seeded.nn.json', small);
    const a = await cliInProcess(['train', file, '--json', '--seed', '5', '--epochs', '3']);
    const b = await cliInProcess(['train', file, '--json', '--seed', '5', '--epochs', '3']);
    const c = await cliInProcess(['train', file, '--json', '--seed', '6', '--epochs', '3']);
    const losses = (r: { out: string[] }) => r.out.slice(0, -1).map((l) => JSON.parse(l).loss);
    assert.equal(losses(a).length, 3);
    assert.deepEqual(losses(a), losses(b));
    assert.notDeepEqual(losses(a), losses(c));
  });
});
