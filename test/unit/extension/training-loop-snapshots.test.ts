/**
 * The worker loop with the core and the worker's inspectable run: partial progress inside long
 * epochs, network snapshots at most every 250 ms and at the end, the final weights, a stop in the
 * middle of a long epoch taking effect between batches, and the started message's details.
 */
import { strict as assert } from 'assert';
import { prepareRun } from '../../../src/core/config/load';
import { Sequential } from '../../../src/core/model/sequential';
import { TrainingRun } from '../../../src/core/train/trainer';
import { takeSnapshot } from '../../../src/node/worker/network-snapshot';
import { TrainingLoop, type EpochRunner } from '../../../src/node/worker/training-loop';
import type { WorkerToHost } from '../../../src/protocol/worker';

/** The loop as worker-main wires it, with a clock that advances `msPerCall` per reading. */
function loopOver(messages: WorkerToHost[], msPerCall: number, stopAfterBatches = Infinity): TrainingLoop {
  let clock = 0;
  let batches = 0;
  return new TrainingLoop({
    prepare: (source, readFile) => prepareRun(source, { readFile }),
    createRun: (config, data, options): EpochRunner => {
      const run = new TrainingRun(config, data, { ...options, shouldStop: () => ++batches > stopAfterBatches || (options.shouldStop?.() ?? false) });
      return {
        runEpoch: () => run.runEpoch(),
        get done() {
          return run.done;
        },
        get status() {
          return run.status;
        },
        get message() {
          return run.message;
        },
        parameters: run.model.paramCount,
        snapshot: (epoch) => takeSnapshot(run.model, run.data, epoch),
        weights: () => run.model.toJSON(),
      };
    },
    readFile: () => {
      throw new Error('no files');
    },
    post: (m) => messages.push(m),
    now: () => (clock += msPerCall),
    yieldToEventLoop: () => Promise.resolve(),
  });
}

const xor = (epochs: number, batchSize: number, samples = 200): string =>
  JSON.stringify({
    data: { generator: 'xor', samples, noise: 0 },
    layers: [
      { units: 6, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'Binary',
    optimizer: { name: 'Adam', alpha: 0.02 },
    training: { epochs, batchSize, seed: 1, validationSplit: 0.2 },
  });

describe('TrainingLoop snapshots, partial progress and weights', () => {
  it('started names activations, optimizer, digest, parameters and batches; finished carries loadable weights', async () => {
    const messages: WorkerToHost[] = [];
    await loopOver(messages, 1).run(xor(20, 20));
    const started = messages[0];
    assert.equal(started.type, 'started');
    if (started.type !== 'started') return;
    assert.deepEqual(
      started.activations.map((a) => a.name),
      ['tanh', 'sigmoid'],
    );
    assert.equal(started.optimizer, 'Adam');
    assert.match(started.digest, /^[0-9a-f]{8}$/);
    assert.equal(started.parameters, 2 * 6 + 6 + 6 + 1);
    assert.equal(started.trainSamples, 160);
    assert.equal(started.batchesPerEpoch, 8);
    const finished = messages[messages.length - 1];
    assert.ok(finished.type === 'finished' && finished.status === 'completed' && finished.weights);
    const prepared = prepareRun(xor(20, 20));
    assert.ok(prepared.config);
    const model = Sequential.fromJSON(prepared.config, finished.weights);
    assert.equal(model.paramCount, started.parameters);
    const snaps = messages.filter((m) => m.type === 'snapshot');
    assert.ok(snaps.length >= 1);
    const last = snaps[snaps.length - 1];
    assert.equal(last.type === 'snapshot' && last.snapshot.epoch, 20, 'a final snapshot of the last epoch');
  });

  it('snapshots at most every 250 ms (by the loop clock), and batches inside long epochs', async () => {
    const messages: WorkerToHost[] = [];
    // 1 sample per batch: 160 batches per epoch; every clock reading advances 5 ms.
    await loopOver(messages, 5).run(xor(3, 1));
    const batches = messages.filter((m) => m.type === 'batches');
    assert.ok(batches.length >= 3, `partial progress inside epochs: ${batches.length}`);
    for (const b of batches) if (b.type === 'batches') assert.ok(b.done > 0 && b.done < b.total && b.total === 160 && b.epoch >= 1 && b.epoch <= 3);
    const snapshots = messages.filter((m) => m.type === 'snapshot');
    assert.ok(snapshots.length <= 4);
  });

  it('a stop during a long epoch takes effect between batches: cancelled, with no report of that epoch', async () => {
    const messages: WorkerToHost[] = [];
    await loopOver(messages, 1, 50).run(xor(5, 1));
    const finished = messages[messages.length - 1];
    assert.equal(finished.type === 'finished' && finished.status, 'cancelled');
    assert.equal(messages.filter((m) => m.type === 'progress').length, 0, 'the first epoch (160 batches) never finished');
    assert.ok(finished.type === 'finished' && finished.weights === undefined, 'no weights without a finished epoch');
  });
});
