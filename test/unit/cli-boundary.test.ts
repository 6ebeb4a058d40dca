/**
 * Issue #14: the command line reads a project as people lay it out. Its data boundary is what a workspace
 * is to the editor: the current working folder and the description's folder (a data file inside either is
 * read), judged after symlinks are resolved; anything outside both is refused, naming both folders, unless
 * `--allow-outside`. CSV, IDX and `testData` paths follow the same rule, for check, train and export.
 */
import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { allowedPath, allowedPathSync } from '../../src/node/files/path-policy';
import { idxFile } from '../support/idx-file';

/** Runs the CLI in-process from `cwd` (restored afterwards), with captured output. */
async function runIn(cwd: string, args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: (l) => lines.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(args, io);
    return { code, text: lines.join('\n') };
  } finally {
    process.chdir(before);
  }
}

describe("nn-lab data boundary: the current folder and the config's folder (issue #14)", function () {
  this.timeout(60_000);
  let base = '';
  /** base/proj: configs/ beside data/ — the layout people use. */
  let proj = '';
  let elsewhere = '';
  const layers = [
    { units: 3, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ];
  const write = (file: string, value: unknown): string => {
    writeFileSync(file, typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value));
    return file;
  };

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'nnlab-boundary-')));
    proj = join(base, 'proj');
    elsewhere = join(base, 'elsewhere');
    for (const d of [proj, join(proj, 'configs'), join(proj, 'data'), elsewhere]) mkdirSync(d);
    const csv = 'x,y,label\n0,0,no\n1,1,no\n0,1,yes\n1,0,yes\n0.1,0,no\n0.9,1,no\n0,0.9,yes\n1,0.1,yes\n';
    write(join(proj, 'data', 'train.csv'), csv);
    write(join(proj, 'data', 'test.csv'), 'x,y,t\n0,0,0\n1,1,0\n0,1,1\n1,0,1\n');
    write(join(base, 'secret.csv'), csv);
    symlinkSync(join(base, 'secret.csv'), join(proj, 'data', 'link.csv'));
    symlinkSync(base, join(proj, 'up'));
    const n = 6;
    write(
      join(proj, 'data', 'img.idx'),
      idxFile(
        [n, 2, 2],
        Array.from({ length: n * 4 }, (_, k) => (29 * k) % 256),
      ),
    );
    write(
      join(proj, 'data', 'lab.idx'),
      idxFile(
        [n],
        Array.from({ length: n }, (_, i) => i % 3),
      ),
    );
    const training = { epochs: 2, seed: 1 };
    write(join(proj, 'configs', 'a.nn.json'), { data: { csv: '../data/train.csv' }, layers, training });
    write(join(proj, 'configs', 'test.nn.json'), { data: { generator: 'xor', samples: 20 }, testData: { csv: '../data/test.csv' }, layers, training });
    write(join(proj, 'configs', 'idx.nn.json'), {
      data: { idx: { images: '../data/img.idx', labels: '../data/lab.idx' }, classes: 3 },
      layers: [{ units: 3, activation: 'softmax' }],
      training,
    });
    write(join(proj, 'configs', 'link.nn.json'), { data: { csv: '../data/link.csv' }, layers, training });
    write(join(proj, 'configs', 'updir.nn.json'), { data: { csv: '../up/secret.csv' }, layers, training });
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const cfg = (name: string): string => join('configs', name);

  it("configs/ + data/, run from the project's root: check, train and export read ../data", async () => {
    for (const name of ['a.nn.json', 'test.nn.json', 'idx.nn.json']) {
      const check = await runIn(proj, ['check', cfg(name)]);
      assert.equal(check.code, 0, `${name}: ${check.text}`);
      assert.match(check.text, /: ok/);
      const train = await runIn(proj, ['train', cfg(name), '--quiet']);
      assert.equal(train.code, 0, `${name}: ${train.text}`);
    }
    const exported = await runIn(proj, ['export', cfg('a.nn.json'), '--to', 'onnx', '-o', join(base, 'a.onnx')]);
    assert.equal(exported.code, 0, exported.text);
  });

  it('run from a folder outside both, it is refused, naming both folders; --allow-outside lifts it', async () => {
    const cases: [string, string][] = [
      ['a.nn.json', 'data.csv'],
      ['test.nn.json', 'testData.csv'],
      ['idx.nn.json', 'data.idx.labels'],
    ];
    for (const [name, where] of cases) {
      const file = join(proj, 'configs', name);
      for (const command of ['check', 'train']) {
        const r = await runIn(elsewhere, [command, file]);
        assert.equal(r.code, 1, `${command} ${name}: ${r.text}`);
        assert.ok(r.text.includes(`${where}: error: data file "../data/`), `${command} ${name}: not refused at ${where}: ${r.text}`);
        assert.ok(
          r.text.includes(
            `is outside both the current folder (${elsewhere}) and the config's folder (${join(proj, 'configs')}); NN Lab reads data files only inside these. To allow it, run with --allow-outside`,
          ),
          r.text,
        );
        const allowed = await runIn(elsewhere, [command, file, '--allow-outside']);
        assert.equal(allowed.code, 0, `${command} ${name} --allow-outside: ${allowed.text}`);
      }
    }
    const exported = await runIn(elsewhere, ['export', join(proj, 'configs', 'a.nn.json'), '--to', 'json', '-o', join(base, 'b.model.json')]);
    assert.equal(exported.code, 1, exported.text);
    assert.match(exported.text, /is outside both the current folder .* and the config's folder/);
    assert.equal(
      (await runIn(elsewhere, ['export', join(proj, 'configs', 'a.nn.json'), '--to', 'json', '-o', join(base, 'b.model.json'), '--allow-outside'])).code,
      0,
    );
  });

  it("run from the config's own folder, the boundary is that one folder, and the message says so", async () => {
    const r = await runIn(join(proj, 'configs'), ['check', 'a.nn.json']);
    assert.equal(r.code, 1, r.text);
    assert.ok(
      r.text.includes(
        `is outside the current folder, which is also the config's folder (${join(proj, 'configs')}); NN Lab reads data files only inside it. To allow it, run with --allow-outside`,
      ),
      r.text,
    );
  });

  it('a symlink inside the current folder pointing outside both is refused (a file or a folder); --allow-outside lifts it', async () => {
    for (const name of ['link.nn.json', 'updir.nn.json']) {
      const r = await runIn(proj, ['check', cfg(name)]);
      assert.equal(r.code, 1, `${name}: ${r.text}`);
      assert.match(r.text, /data\.csv: error: data file "\.\.\/(data\/link|up\/secret)\.csv" is outside both the current folder/);
      assert.equal((await runIn(proj, ['check', cfg(name), '--allow-outside'])).code, 0, name);
    }
  });

  it("the policy: inside either folder, as written and after symlinks; the editor's rule (one root) unchanged", async () => {
    const configs = join(proj, 'configs');
    const access = { root: configs, workingDir: proj, scope: 'cli' as const };
    assert.equal(allowedPathSync(configs, '../data/train.csv', 'x', access), join(proj, 'data', 'train.csv'));
    assert.equal(await allowedPath(configs, '../data/train.csv', 'x', access), join(proj, 'data', 'train.csv'));
    for (const p of ['../data/link.csv', '../up/secret.csv', '../../secret.csv', '/etc/passwd']) {
      assert.throws(() => allowedPathSync(configs, p, p, access), /outside both the current folder/, p);
      await assert.rejects(allowedPath(configs, p, p, access), /outside both the current folder/, p);
    }
    const workspace = { root: configs, scope: 'workspace' as const };
    assert.throws(
      () => allowedPathSync(configs, '../data/train.csv', 'd', workspace),
      /"d" is outside the workspace folder; NN Lab reads data files only inside it/,
    );
    await assert.rejects(allowedPath(configs, '../data/train.csv', 'd', { ...workspace, restricted: true }), /Restricted Mode/);
  });
});
