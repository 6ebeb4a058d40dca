/**
 * The IDX reader (raw and gzip) and the compact image storage: every malformed file is one clear
 * problem naming the file, and byte inputs reach the model exactly as a float64 copy would.
 */
import { strict as assert } from 'assert';
import { gzipSync } from 'fflate';
import { prepareRun } from '../../src/core/config/load';
import { allIndices, type Dataset, firstSamples, gatherInputs, inputRows } from '../../src/core/data/dataset';
import { IdxError, readIdx } from '../../src/core/data/idx';
import { gatherRows } from '../../src/core/train/split';
import { train } from '../../src/core/train/trainer';
import { idxFile } from '../support/idx-file';

/** n images of rows×cols with pixel (i, k) = (7·i + k) mod 256, and labels i mod classes. */
function imageSet(n: number, rows: number, cols: number, classes = 10) {
  const pixels = Array.from({ length: n * rows * cols }, (_, k) => (7 * Math.floor(k / (rows * cols)) + (k % (rows * cols))) % 256);
  return {
    images: idxFile([n, rows, cols], pixels),
    labels: idxFile(
      [n],
      Array.from({ length: n }, (_, i) => i % classes),
    ),
    pixels,
  };
}

/** prepareRun of an IDX config whose two files hold the given bytes. */
function prepareIdx(files: Record<string, Uint8Array>, extra: Record<string, unknown> = {}, layers = [{ units: 10, activation: 'softmax' }]) {
  const config = { data: { idx: { images: 'img.idx', labels: 'lab.idx' }, ...extra }, layers, training: { epochs: 1 } };
  return prepareRun(config, {
    readBinaryFile: (p) => {
      const bytes = files[p];
      if (!bytes) throw new Error(`ENOENT: no such file ${p}`);
      return bytes;
    },
  });
}

function onlyError(run: ReturnType<typeof prepareIdx>): { path: string; message: string } {
  const errors = run.problems.filter((p) => p.severity === 'error');
  assert.equal(errors.length, 1, JSON.stringify(run.problems));
  assert.ok(!errors[0].message.includes('\n'), 'one line');
  return { path: errors[0].path.join('.'), message: errors[0].message };
}

describe('IDX reader', () => {
  it('reads raw and gzip files alike: shape, one-hot labels, bytes kept, pixels / 255', () => {
    const { images, labels, pixels } = imageSet(12, 3, 4);
    for (const [img, lab] of [
      [images, labels],
      [gzipSync(images), gzipSync(labels)],
    ]) {
      const run = prepareIdx({ 'img.idx': img, 'lab.idx': lab });
      assert.deepEqual(run.problems, []);
      const data = run.data!;
      assert.deepEqual([data.n, data.inputs, data.outputs, data.task], [12, 12, 10, 'classification']);
      assert.deepEqual(data.imageShape, [3, 4]);
      assert.ok(data.x instanceof Uint8Array);
      assert.deepEqual(
        Array.from(inputRows(data, [1])),
        pixels.slice(12, 24).map((v) => v / 255),
      );
      assert.deepEqual(Array.from(data.y.subarray(10 * 3, 10 * 4)), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    }
  });

  it('keeps raw byte values with "scale": false and names the classes', () => {
    const { images, labels, pixels } = imageSet(4, 2, 2, 3);
    const names = ['a', 'b', 'c'];
    const run = prepareIdx({ 'img.idx': images, 'lab.idx': labels }, { scale: false, classNames: names }, [{ units: 3, activation: 'softmax' }]);
    assert.deepEqual(run.problems, []);
    assert.deepEqual(Array.from(inputRows(run.data!, [0, 3])), [...pixels.slice(0, 4), ...pixels.slice(12, 16)]);
    assert.deepEqual(run.data!.classNames, names);
  });

  it('reports a wrong magic number, naming the file and both numbers', () => {
    const { images, labels } = imageSet(4, 2, 2);
    const e = onlyError(prepareIdx({ 'img.idx': labels, 'lab.idx': labels }));
    assert.equal(e.path, 'data.idx.images');
    assert.match(e.message, /^img\.idx: not an IDX images file: magic number 0x00000801, expected 0x00000803 \(it holds labels\)$/);
    const f = onlyError(prepareIdx({ 'img.idx': images, 'lab.idx': idxFile([4], [0, 1, 2, 3], 0x0d) }));
    assert.equal(f.path, 'data.idx.labels');
    assert.match(f.message, /^lab\.idx: not an IDX labels file: magic number 0x00000d01/);
  });

  it('reports a truncated file, raw or gzip', () => {
    const { images, labels } = imageSet(10, 4, 4);
    const cut = images.subarray(0, images.length - 5);
    assert.match(
      onlyError(prepareIdx({ 'img.idx': cut, 'lab.idx': labels })).message,
      /^img\.idx: truncated: the header declares 10×4×4 values \(176 bytes\) but the file has 171 bytes$/,
    );
    const gz = gzipSync(images);
    const e = onlyError(prepareIdx({ 'img.idx': gz.subarray(0, gz.length - 12), 'lab.idx': labels }));
    assert.match(e.message, /^img\.idx: (the gzip data is truncated or corrupt|its gzip trailer announces)/);
    assert.match(
      onlyError(prepareIdx({ 'img.idx': images.subarray(0, 9), 'lab.idx': labels })).message,
      /^img\.idx: truncated: 9 bytes, the header alone needs 16$/,
    );
  });

  it('reports image and label counts that differ', () => {
    const { images } = imageSet(10, 2, 2);
    const e = onlyError(prepareIdx({ 'img.idx': images, 'lab.idx': idxFile([9], new Array(9).fill(1)) }));
    assert.equal(e.path, 'data.idx.labels');
    assert.equal(e.message, 'lab.idx: holds 9 labels but img.idx holds 10 images');
  });

  it('reports a label outside the classes', () => {
    const { images } = imageSet(3, 2, 2);
    const e = onlyError(prepareIdx({ 'img.idx': images, 'lab.idx': idxFile([3], [0, 12, 1]) }));
    assert.equal(e.message, 'lab.idx: label 12 of sample 1 is outside 0..9 (set "classes" in the data block)');
  });

  it('rejects huge declared sizes in a tiny file before allocating anything', () => {
    const { labels } = imageSet(3, 2, 2);
    // 4 billion images of 1024×1024 in a 16-byte file
    const huge = idxFile([0xffffffff, 1024, 1024], []);
    assert.match(
      onlyError(prepareIdx({ 'img.idx': huge, 'lab.idx': labels })).message,
      /^img\.idx: declares 4294967295 images, more than the limit of 1000000 \(maxSamples\)$/,
    );
    const wide = idxFile([3, 70000, 70000], []);
    assert.match(
      onlyError(prepareIdx({ 'img.idx': wide, 'lab.idx': labels })).message,
      /^img\.idx: declares 70000×70000 images; each side must be 1 to 1024 pixels$/,
    );
    const big = idxFile([1000000, 1024, 1024], []);
    assert.match(onlyError(prepareIdx({ 'img.idx': big, 'lab.idx': labels })).message, /^img\.idx: declares .* MB of values, more than the 256\.0 MB limit$/);
    // a gzip file whose trailer announces 4 GB
    const gz = gzipSync(labels);
    gz.set([0xff, 0xff, 0xff, 0xff], gz.length - 4);
    assert.match(
      onlyError(prepareIdx({ 'img.idx': imageSet(3, 2, 2).images, 'lab.idx': gz })).message,
      /^lab\.idx: its gzip trailer announces 4096\.0 MB of data, more than the 256\.0 MB limit/,
    );
  });

  it('reports missing files and bad idx blocks with their JSON paths', () => {
    const { labels } = imageSet(3, 2, 2);
    const e = onlyError(prepareIdx({ 'lab.idx': labels }));
    assert.deepEqual([e.path, e.message], ['data.idx.images', 'data file not found: img.idx']);
    const bad = prepareRun({ data: { idx: { images: 'a' } }, layers: [{ units: 10 }] });
    assert.ok(
      bad.problems.some((p) => p.path.join('.') === 'data.idx' && /needs "labels"/.test(p.message)),
      JSON.stringify(bad.problems),
    );
    const names = prepareRun({ data: { idx: { images: 'a', labels: 'b' }, classes: 3, classNames: ['x', 'y'] }, layers: [{ units: 3 }] });
    assert.ok(names.problems.some((p) => p.path.join('.') === 'data.classNames' && /2 names but "classes" is 3/.test(p.message)));
    const misplaced = prepareRun({ data: { csv: 'a.csv', classes: 3, scale: false }, layers: [{ units: 3 }] });
    assert.deepEqual(
      misplaced.problems.filter((p) => p.code === 'unknown-key').map((p) => [p.path.join('.'), p.message]),
      [
        ['data.classes', '"classes" does not belong in csv data: only "generator" or "idx" data takes "classes"'],
        ['data.scale', '"scale" does not belong in csv data: only "idx" data takes "scale"'],
      ],
    );
    const noFiles = prepareRun({ data: { idx: { images: 'a', labels: 'b' } }, layers: [{ units: 10 }] });
    assert.ok(noFiles.problems.some((p) => /no file access here/.test(p.message)));
  });

  it('readIdx throws an IdxError that names the file', () => {
    assert.throws(
      () => readIdx(new Uint8Array([0, 0]), 'labels', 'x.gz', 10),
      (e: unknown) => e instanceof IdxError && e.file === 'x.gz' && /^x\.gz: not an IDX labels file: only 2 bytes$/.test(e.message),
    );
  });
});

describe('compact image storage', () => {
  const { images, labels } = imageSet(200, 5, 5);
  const run = prepareIdx({ 'img.idx': images, 'lab.idx': labels }, {}, [
    { units: 6, activation: 'tanh' },
    { units: 10, activation: 'softmax' },
  ] as never);
  const bytes = run.data!;
  /** The same data set with its inputs converted once into float64 (the old representation). */
  const dense: Dataset = { ...bytes, x: Float64Array.from(bytes.x, (v) => v / 255), xDivisor: undefined };

  it('gathers a mini-batch equal bit for bit to the float64 path', () => {
    const order = Uint32Array.from([5, 199, 0, 42, 42, 7]);
    const a = new Float64Array(4 * 25),
      b = new Float64Array(4 * 25);
    gatherInputs(bytes, order, 1, 4, a);
    gatherRows(dense.x as Float64Array, 25, order, 1, 4, b);
    assert.ok(
      a.every((v, i) => Object.is(v, b[i])),
      'bit-identical',
    );
  });

  it('trains to the same history and weights as the float64 data set', () => {
    assert.ok(run.config);
    const config = { ...run.config, training: { ...run.config.training, epochs: 3, batchSize: 16, validationSplit: 0.2 } };
    const a = train(config, bytes),
      b = train(config, dense);
    assert.deepEqual(
      a.history.map((r) => [r.loss, r.valLoss, r.accuracy]),
      b.history.map((r) => [r.loss, r.valLoss, r.accuracy]),
    );
    assert.deepEqual(a.model.toJSON(), b.model.toJSON());
  });

  it('stores one byte per pixel; firstSamples takes views', () => {
    assert.equal(bytes.x.byteLength, 200 * 25);
    const head = firstSamples(bytes, 20);
    assert.equal(head.n, 20);
    assert.equal(head.x.buffer, bytes.x.buffer);
    assert.deepEqual(Array.from(inputRows(head, allIndices(20))), Array.from(inputRows(bytes, allIndices(20))));
  });
});
