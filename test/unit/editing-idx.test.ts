/**
 * The live check of configs with IDX data: files are sized from their first bytes (gzip or raw), so
 * the output layer is checked against the classes and testData against data while typing, and a
 * missing or malformed file is reported at its path, without loading the images.
 */
import { strict as assert } from 'assert';
import { gzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkConfigText } from '../../src/node/editing/check-config';
import { DataFileCache } from '../../src/node/editing/data-file-cache';
import { readIdxHeader } from '../../src/core/data/idx';

function idx(magic: number, dims: number[], body: number): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body);
  const v = new DataView(out.buffer);
  v.setUint32(0, magic);
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
  for (let i = 4 + 4 * dims.length; i < out.length; i++) out[i] = (i * 31) % 256;
  return out;
}

describe('editing: live check of IDX data', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-lab-edit-idx-'));
    // 3,000 random-ish 28×28 images: 2.4 MB raw, read only in part
    writeFileSync(path.join(dir, 'img.gz'), gzipSync(idx(0x803, [3000, 28, 28], 3000 * 784)));
    writeFileSync(path.join(dir, 'lab'), idx(0x801, [3000], 3000));
    writeFileSync(path.join(dir, 'few'), idx(0x801, [20], 20));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = (units: number, extra: object = {}) =>
    JSON.stringify({ data: { idx: { images: 'img.gz', labels: 'lab' } }, layers: [{ units, activation: 'softmax' }], ...extra });
  const check = async (text: string, files = new DataFileCache(1024)): Promise<string[][]> =>
    (await checkConfigText(text, dir, files)).problems.map((p) => [p.path.join('.'), p.message]);

  it('checks the output layer against the classes from the headers alone (files far over the size limit)', async () => {
    assert.deepEqual(await check(config(10)), []);
    const problems = await check(config(7));
    assert.deepEqual(problems, [['layers.0.units', 'the output layer has 7 units but the data has 10 target columns: set "units": 10']]);
  });

  it('reports missing files, wrong magic numbers and count mismatches at their paths', async () => {
    assert.deepEqual(await check(JSON.stringify({ data: { idx: { images: 'nope.gz', labels: 'lab' } }, layers: [{ units: 10 }] })), [
      ['data.idx.images', 'data file not found: nope.gz'],
    ]);
    assert.deepEqual(await check(JSON.stringify({ data: { idx: { images: 'lab', labels: 'lab' } }, layers: [{ units: 10 }] })), [
      ['data.idx.images', 'lab: not an IDX images file: magic number 0x00000801, expected 0x00000803 (it holds labels)'],
    ]);
    assert.deepEqual(await check(JSON.stringify({ data: { idx: { images: 'img.gz', labels: 'few' } }, layers: [{ units: 10 }] })), [
      ['data.idx.labels', 'few: holds 20 labels but img.gz holds 3000 images'],
    ]);
  });

  it('checks testData against data: IDX test set vs generated data', async () => {
    const text = JSON.stringify({
      data: { generator: 'xor' },
      testData: { idx: { images: 'img.gz', labels: 'lab' } },
      layers: [{ units: 1, activation: 'sigmoid' }],
    });
    assert.deepEqual(await check(text), [
      ['testData', 'testData has 784 inputs per sample but data has 2: both must describe the same features'],
      ['testData', 'testData has 10 target columns but data has 1: both must have the same targets'],
    ]);
  });

  it('reads the sizes from a gzip prefix', async () => {
    const gz = gzipSync(idx(0x803, [3000, 28, 28], 3000 * 784));
    assert.deepEqual(readIdxHeader(gz.subarray(0, 2048), 'images', 'x'), [3000, 28, 28]);
  });
});
