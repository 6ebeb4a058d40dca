import { strict as assert } from 'assert';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { basename, join } from 'path';
import { prepareRun } from '../../src/core/config/load';
import { train } from '../../src/core/train/trainer';
import { allIndices, type Dataset, firstSamples, inputRows } from '../../src/core/data/dataset';
import type { Sequential } from '../../src/core/model/sequential';

const dir = join(__dirname, '..', '..', 'examples');
const readFile = (p: string): string => readFileSync(join(dir, p), 'utf8');
const readBinaryFile = (p: string): Uint8Array => readFileSync(join(dir, p));

/** Where `npm run fashion-data` links the Fashion-MNIST files from (the Debian package dataset-fashion-mnist). */
const FASHION_SYSTEM_DIR = '/usr/share/datasets/fashion-mnist';
const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
/** The folder holding the four Fashion-MNIST files: the example's own, else the Debian package's; undefined when neither has them. */
const fashionDir = [join(dir, 'data', 'fashion-mnist'), FASHION_SYSTEM_DIR].find((d) => FASHION_FILES.every((f) => existsSync(join(d, f))));

function prepare(name: string) {
  const run = prepareRun(readFile(name), { readFile, readBinaryFile });
  assert.deepEqual(run.problems, [], name);
  assert.ok(run.config && run.data);
  return { config: run.config, data: run.data };
}

/** Share of samples classified right: argmax for one-hot targets, 0.5 threshold for one column. */
function accuracy(model: Sequential, data: Dataset): number {
  const y = model.predict(inputRows(data, allIndices(data.n)), data.n);
  const k = data.outputs;
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    if (k === 1) right += (y[i] > 0.5 ? 1 : 0) === data.y[i] ? 1 : 0;
    else {
      let best = 0;
      for (let j = 1; j < k; j++) if (y[i * k + j] > y[i * k + best]) best = j;
      right += data.y[i * k + best] === 1 ? 1 : 0;
    }
  }
  return right / data.n;
}

/** Mean squared error (1/n) Σ (y − t)² over every output. */
function mse(model: Sequential, data: Dataset): number {
  const y = model.predict(inputRows(data, allIndices(data.n)), data.n);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - data.y[i]) ** 2;
  return s / y.length;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = Date.now();
  const r = f();
  return [r, (Date.now() - t0) / 1000];
}

const MAX_SECONDS = 20; // "a few seconds" on a quiet machine; generous for a busy CI box

describe('examples', function () {
  this.timeout(120000);

  it('every example is valid, names the schema, and the set covers every data source and maxout', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.nn.json'));
    for (const f of ['xor', 'circle', 'spiral', 'gauss', 'sine', 'iris', 'digits', 'fruit-csv', 'maxout', 'fashion-mnist'])
      assert.ok(files.includes(`${f}.nn.json`), f);
    for (const f of files) {
      assert.equal(JSON.parse(readFile(f)).$schema, '../schema/nn.schema.json', f);
      // The Fashion-MNIST examples read 30 MB of files that are not in git: their own tests below load them.
      if (!f.startsWith('fashion-mnist')) prepare(f);
    }
  });

  it('digits reaches more than 90 % accuracy on its validation split', () => {
    const { config, data } = prepare('digits.nn.json');
    const [r, s] = timed(() => train(config, data));
    const last = r.history[r.history.length - 1];
    assert.ok(last.valAccuracy !== undefined && last.valAccuracy > 0.9, `val accuracy ${last.valAccuracy}`);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  it('digits-cnn (conv, pooling, flatten on the 8×8 images) reaches more than 95 % accuracy on its validation split in seconds', () => {
    const { config, data } = prepare('digits-cnn.nn.json');
    assert.deepEqual(config.inputShape, [1, 8, 8]);
    const [r, s] = timed(() => train(config, data));
    const last = r.history[r.history.length - 1];
    assert.ok(last.valAccuracy !== undefined && last.valAccuracy > 0.95, `val accuracy ${last.valAccuracy}`);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  (fashionDir ? it : it.skip)('fashion-mnist-cnn: images [1, 28, 28]; 1 epoch on its first 3,000 images beats 65 % on 1,000 test images', () => {
    const fromFolder = (p: string): Uint8Array => readFileSync(join(fashionDir!, basename(p)));
    const run = prepareRun(readFile('fashion-mnist-cnn.nn.json'), { readFile, readBinaryFile: fromFolder });
    assert.deepEqual(run.problems, []);
    assert.ok(run.config && run.data && run.testData);
    assert.deepEqual(run.config.inputShape, [1, 28, 28]);
    const config = { ...run.config, training: { ...run.config.training, epochs: 1 } };
    const r = train(config, firstSamples(run.data, 3000), { testData: firstSamples(run.testData, 1000) });
    const last = r.history[0];
    assert.ok(last.testAccuracy !== undefined && last.testAccuracy > 0.65, `test accuracy ${last.testAccuracy}`);
  });

  // Needs the Fashion-MNIST files (apt-get install dataset-fashion-mnist, or npm run fashion-data); reported as pending without them.
  (fashionDir ? it : it.skip)(
    `fashion-mnist: 1 epoch on its first 3,000 images beats 65 % on 1,000 test images (files: ${fashionDir ?? 'missing, see examples/data/fashion-mnist/README.md'})`,
    () => {
      const text = readFile('fashion-mnist.nn.json');
      const fromFolder = (p: string): Uint8Array => readFileSync(join(fashionDir!, basename(p)));
      const run = prepareRun(text, { readFile, readBinaryFile: fromFolder });
      assert.deepEqual(run.problems, []);
      assert.ok(run.config && run.data && run.testData);
      assert.deepEqual([run.data.n, run.data.inputs, run.data.outputs, run.testData.n], [60000, 784, 10, 10000]);
      assert.deepEqual(run.data.imageShape, [28, 28]);
      assert.ok(run.data.x instanceof Uint8Array, 'pixels are kept as bytes');
      const config = { ...run.config, training: { ...run.config.training, epochs: 1 } };
      const r = train(config, firstSamples(run.data, 3000), { testData: firstSamples(run.testData, 1000) });
      const last = r.history[0];
      assert.equal(r.status, 'completed');
      assert.ok(last.testAccuracy !== undefined && last.testAccuracy > 0.65, `test accuracy ${last.testAccuracy}`);
    },
  );

  it('xor reaches 100 % accuracy', () => {
    const { config, data } = prepare('xor.nn.json');
    const [r, s] = timed(() => train(config, data));
    assert.equal(r.status, 'completed');
    assert.equal(accuracy(r.model, data), 1);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  it('spiral reaches more than 95 % accuracy', () => {
    const { config, data } = prepare('spiral.nn.json');
    const [r, s] = timed(() => train(config, data));
    assert.ok(accuracy(r.model, data) > 0.95, `accuracy ${accuracy(r.model, data)}`);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  it('sine reaches a mean squared error below 1e-3 (= 2 × the Square loss)', () => {
    const { config, data } = prepare('sine.nn.json');
    const [r, s] = timed(() => train(config, data));
    const e = mse(r.model, data);
    assert.ok(e < 1e-3, `MSE ${e}`);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  it('iris reaches more than 95 % accuracy on its validation split', () => {
    const { config, data } = prepare('iris.nn.json');
    const [r, s] = timed(() => train(config, data));
    const last = r.history[r.history.length - 1];
    assert.ok(last.valAccuracy !== undefined && last.valAccuracy > 0.95, `val accuracy ${last.valAccuracy}`);
    assert.ok(s < MAX_SECONDS, `${s} s`);
  });

  it('circle, gauss, maxout and the CSV example learn their data (> 90 %)', () => {
    for (const f of ['circle.nn.json', 'gauss.nn.json', 'maxout.nn.json', 'fruit-csv.nn.json']) {
      const { config, data } = prepare(f);
      const [r, s] = timed(() => train(config, data));
      assert.ok(accuracy(r.model, data) > 0.9, `${f}: accuracy ${accuracy(r.model, data)}`);
      assert.ok(s < MAX_SECONDS, `${f}: ${s} s`);
    }
  });

  it('the same seed gives the same history twice', () => {
    for (const f of ['xor.nn.json', 'maxout.nn.json']) {
      const { config, data } = prepare(f);
      const strip = (h: { loss: number; valLoss?: number; accuracy?: number }[]) => h.map((e) => [e.loss, e.valLoss, e.accuracy]);
      const a = train({ ...config, training: { ...config.training, epochs: 20 } }, data);
      const b = train({ ...config, training: { ...config.training, epochs: 20 } }, prepare(f).data);
      assert.deepEqual(strip(a.history), strip(b.history), f);
    }
  });
});
