/**
 * The one export path (src/node/export/export-files.ts) the CLI and the editor share: IDX data is read
 * (the editor's export once could not), data files outside the config's folder are refused by the path
 * policy, and a PyTorch export lists the script last with its data file beside it.
 */
import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pytorchExportFiles, readExportSource } from '../../src/node/export/export-files';
import { idxFile } from '../support/idx-file';

describe('export path (src/node/export)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nn-lab-export-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads IDX data through the binary reader', () => {
    const n = 6;
    writeFileSync(
      join(dir, 'img.idx'),
      idxFile(
        [n, 2, 2],
        Array.from({ length: n * 4 }, (_, i) => (i * 37) % 256),
      ),
    );
    writeFileSync(
      join(dir, 'lab.idx'),
      idxFile(
        [n],
        Array.from({ length: n }, (_, i) => i % 3),
      ),
    );
    const text = JSON.stringify({
      data: { idx: { images: 'img.idx', labels: 'lab.idx' }, classes: 3 },
      layers: [{ units: 3, activation: 'softmax' }],
      training: { epochs: 1 },
    });
    const file = join(dir, 'digits.nn.json');
    const source = readExportSource(file, text, { root: dir, scope: 'cli' });
    assert.ok('config' in source, JSON.stringify(source));
    const files = pytorchExportFiles(source, file, join(dir, 'digits.py'));
    assert.equal(files[files.length - 1].path, join(dir, 'digits.py'));
    assert.match(String(files[files.length - 1].text), /import torch/);
  });

  it('refuses a data file outside the folder (path policy)', () => {
    const inner = join(dir, 'inner');
    writeFileSync(join(dir, 'outside.csv'), 'x,y\n0,0\n1,1\n');
    const text = JSON.stringify({ data: { csv: '../outside.csv', target: 'y' }, layers: [{ units: 1, activation: 'sigmoid' }] });
    const source = readExportSource(join(inner, 'm.nn.json'), text, { root: inner, scope: 'cli' });
    assert.ok(!('config' in source));
    const said = 'error' in source ? source.error : source.problems.map((p) => p.message).join('\n');
    assert.match(said, /outside the config's folder/);
  });
});
