/**
 * Memory of a Fashion-MNIST run as the extension trains it: the training worker (bundled from source,
 * in a worker thread of a fresh process) reads the 60,000 + 10,000 images, trains a few hundred
 * mini-batches, is stopped, and sends its final test metrics and confusion matrix; the process's peak
 * RSS must stay under 400 MB (the float64 copy of the training images alone would take 376 MB).
 * Needs the files (apt-get install dataset-fashion-mnist, or npm run fashion-data); pending without them.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { runInWorker } from '../../bench/fashion-run';
import { useTempDir } from '../support/temp-dir';

const examples = join(__dirname, '..', '..', 'examples');
const FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
const fashionDir = [join(examples, 'data', 'fashion-mnist'), '/usr/share/datasets/fashion-mnist'].find((d) => FILES.every((f) => existsSync(join(d, f))));
const LIMIT_MB = 400;

describe('Fashion-MNIST memory', function () {
  this.timeout(180000);
  const tmp = useTempDir('fashion');

  (fashionDir ? it : it.skip)(
    `the training worker's process peaks under ${LIMIT_MB} MB (files: ${fashionDir ?? 'missing, see examples/data/fashion-mnist/README.md'})`,
    async () => {
      // The example with absolute paths to wherever the files are.
      const config = JSON.parse(readFileSync(join(examples, 'fashion-mnist.nn.json'), 'utf8'));
      for (const block of [config.data, config.testData]) for (const k of ['images', 'labels']) block.idx[k] = join(fashionDir!, basename(block.idx[k]));
      const file = tmp.join('fashion.nn.json');
      writeFileSync(file, JSON.stringify(config));
      const run = await runInWorker(file, { epochs: 1, stopAfterBatchMessages: 3 });
      const started = run.events.find((e) => e.type === 'started');
      assert.deepEqual([started?.samples, started?.testSamples, started?.imageShape], [60000, 10000, [28, 28]], JSON.stringify(run.events));
      const f = run.finished;
      assert.equal(f?.status, 'cancelled');
      assert.equal(typeof f?.testAccuracy, 'number');
      const counts = f?.confusion as number[][];
      assert.equal(
        counts.flat().reduce((a, b) => a + b, 0),
        10000,
      );
      assert.equal(f?.samples, 16);
      const mb = run.peakRss / (1024 * 1024);
      assert.ok(mb < LIMIT_MB, `peak RSS ${mb.toFixed(0)} MB`);
      console.log(`      peak RSS ${mb.toFixed(0)} MB, data loaded in ${run.loadSeconds.toFixed(1)} s`);
    },
  );
});
