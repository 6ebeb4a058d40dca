/**
 * The worker's loop on an image set with a test set, wired as dist/worker.js wires it: `started`
 * (`inspectable-run.ts`) names the image shape and test size, progress carries the test metrics, snapshots and the final
 * message carry the confusion matrix and sample images, and IDX bytes come through readBinaryFile.
 */
import { strict as assert } from 'assert';
import { gzipSync } from 'fflate';
import { prepareRun } from '../../../src/core/config/load';
import { TrainingRun } from '../../../src/core/train/trainer';
import { classifierView, PERIODIC_SAMPLES, viewSource } from '../../../src/node/worker/classifier-view';
import { inspectable } from '../../../src/node/worker/inspectable-run';
import { type EpochRunner, TrainingLoop } from '../../../src/node/worker/training-loop';
import type { FinishedMessage, RunStartedMessage, WorkerToHost } from '../../../src/protocol/worker';

async function trainText(config: unknown, files: Record<string, Uint8Array> = {}): Promise<WorkerToHost[]> {
  const messages: WorkerToHost[] = [];
  const loop = new TrainingLoop({
    prepare: (source, readFile, readBinaryFile) => prepareRun(source, { readFile, readBinaryFile }),
    createRun: (cfg, data, options): EpochRunner => inspectable(new TrainingRun(cfg, data, options), options.testData),
    readFile: () => {
      throw new Error('ENOENT');
    },
    readBinaryFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`);
      return files[p];
    },
    post: (m) => messages.push(m),
    now: () => performance.now(),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  });
  await loop.run(JSON.stringify(config));
  return messages;
}

describe('TrainingLoop on image data', () => {
  it('digits with an IDX test set: started, per-epoch test metrics, confusion and samples', async () => {
    // The test set: the first 100 digits written as IDX files (gzip), read back through readBinaryFile.
    const digits = prepareRun({ data: { dataset: 'digits' }, layers: [{ units: 10, activation: 'softmax' }] }).data!;
    const n = 100;
    const header = (magic: number, dims: number[]) => {
      const h = new Uint8Array(4 + 4 * dims.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, magic);
      dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
      return h;
    };
    const images = new Uint8Array([...header(0x803, [n, 8, 8]), ...digits.x.subarray(0, n * 64)]);
    const labels = new Uint8Array([...header(0x801, [n]), ...Array.from({ length: n }, (_, i) => digits.y.subarray(10 * i, 10 * i + 10).indexOf(1))]);
    const messages = await trainText(
      {
        data: { dataset: 'digits' },
        testData: { idx: { images: 'img.gz', labels: 'lab' }, scale: true },
        layers: [
          { units: 16, activation: 'ReLU' },
          { units: 10, activation: 'softmax' },
        ],
        training: { epochs: 3, batchSize: 64, validationSplit: 0.1 },
      },
      { 'img.gz': gzipSync(images), lab: labels },
    );
    const started = messages[0] as RunStartedMessage;
    assert.equal(started.type, 'started', JSON.stringify(messages[0]));
    assert.deepEqual([started.testSamples, started.imageShape, started.classNames?.length], [100, [8, 8], 10]);
    const reports = messages.flatMap((m) => (m.type === 'progress' ? m.reports : []));
    assert.ok(reports.length === 3 && reports.every((r) => r.testLoss !== undefined && r.testAccuracy !== undefined));
    const finished = messages[messages.length - 1] as FinishedMessage;
    assert.equal(finished.type, 'finished');
    assert.equal(finished.testAccuracy, reports[2].testAccuracy);
    assert.equal(finished.confusion?.set, 'test');
    const counts = finished.confusion!.counts;
    assert.equal(
      counts.flat().reduce((a, b) => a + b, 0),
      100,
    );
    assert.equal(
      counts.reduce((s, row, i) => s + row[i], 0),
      Math.round(finished.testAccuracy! * 100),
    );
    assert.deepEqual(finished.samples?.shape, [8, 8]);
    assert.equal(finished.samples?.items.length, 16);
    const snaps = messages.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
    assert.ok(snaps.length > 0 && snaps.every((s) => s.confusion?.set === 'test' && s.samples?.items.length === 16));
    // the last snapshot carries the final view: the panel gets it without reading `finished`
    assert.deepEqual(snaps[snaps.length - 1].confusion, finished.confusion);
    assert.deepEqual(snaps[snaps.length - 1].samples, finished.samples);
  });

  it('without a test set the confusion matrix is on the validation split; regression has none', async () => {
    const messages = await trainText({
      data: { dataset: 'iris' },
      layers: [{ units: 3, activation: 'softmax' }],
      training: { epochs: 2, validationSplit: 0.2 },
    });
    const finished = messages[messages.length - 1] as FinishedMessage;
    assert.equal(finished.confusion?.set, 'validation');
    assert.equal(
      finished.confusion?.counts.flat().reduce((a, b) => a + b, 0),
      30,
    );
    assert.deepEqual(finished.confusion?.labels, ['setosa', 'versicolor', 'virginica']);
    assert.equal(finished.samples, undefined);
    assert.equal(finished.testLoss, undefined);
    const sine = await trainText({ data: { generator: 'sine' }, layers: [{ units: 1 }], training: { epochs: 1 } });
    assert.equal((sine[sine.length - 1] as FinishedMessage).confusion, undefined);
  });

  it('periodic views classify at most 2,000 samples spread over the set, the final one all', () => {
    const run = prepareRun({ data: { generator: 'gauss', classes: 3, samples: 2500 }, layers: [{ units: 3, activation: 'softmax' }], training: { epochs: 1 } });
    const training = new TrainingRun(run.config!, run.data!);
    const source = viewSource(run.data!, training.validationIndices);
    const sum = (final: boolean) =>
      classifierView(training.model, source, final)!
        .confusion.counts.flat()
        .reduce((a, b) => a + b, 0);
    assert.deepEqual([source.set, sum(false), sum(true)], ['training', PERIODIC_SAMPLES, 2500]);
  });

  it('reports a missing IDX file as a problem', async () => {
    const messages = await trainText({ data: { idx: { images: 'a', labels: 'b' } }, layers: [{ units: 10, activation: 'softmax' }] });
    assert.equal(messages.length, 1);
    assert.equal(messages[0].type, 'problems');
  });
});
