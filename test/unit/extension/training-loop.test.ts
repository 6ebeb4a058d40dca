/**
 * The training worker's loop with a fake core and a fake clock: message order, batching of progress
 * at most every 100 ms, stop handling, problems and crashes.
 */
import { strict as assert } from 'assert';
import type { ResolvedConfig } from '../../../src/core/config/resolved';
import type { Dataset } from '../../../src/core/data/dataset';
import type { EpochReport, RunStatus, TrainOptions } from '../../../src/core/train/types';
import { TrainingLoop, type EpochRunner, type PreparedRun, type TrainingLoopDeps } from '../../../src/node/worker/training-loop';
import type { WorkerToHost } from '../../../src/protocol/worker';

const config = {
  name: 'fake',
  inputs: 2,
  layers: [],
  loss: 'Square',
  optimizer: { name: 'SGD', params: {} },
  training: { epochs: 10, batchSize: 4, validationSplit: 0, seed: 1, shuffle: true, precision: 'float64' },
} as ResolvedConfig;
const data = { x: new Float64Array(8), y: new Float64Array(4), n: 4, inputs: 2, outputs: 1, task: 'regression' } as Dataset;

/** A run of `epochs` epochs with loss 1/epoch that honours shouldStop, like the core's TrainingRun. */
class FakeRun implements EpochRunner {
  status: 'running' | RunStatus = 'running';
  message?: string;
  private epoch = 0;
  constructor(
    private readonly epochs: number,
    private readonly options: TrainOptions,
    private readonly tick: () => void,
  ) {}
  get done(): boolean {
    return this.status !== 'running';
  }
  runEpoch(): EpochReport | undefined {
    if (this.done) return undefined;
    if (this.options.shouldStop?.()) {
      this.status = 'cancelled';
      this.message = `cancelled during epoch ${this.epoch + 1}`;
      return undefined;
    }
    this.epoch++;
    this.tick();
    if (this.epoch >= this.epochs) this.status = 'completed';
    return { epoch: this.epoch, epochs: this.epochs, loss: 1 / this.epoch, elapsed: 0, samplesPerSecond: 0 };
  }
}

/** Deps with a clock advanced 30 ms per epoch; `onYield` runs at every yield. */
function fakeDeps(prepared: PreparedRun | (() => PreparedRun), epochs: number, onYield: (loop: () => TrainingLoop) => void = () => undefined) {
  const messages: WorkerToHost[] = [];
  let clock = 0;
  const postedAt: number[] = [];
  const deps: TrainingLoopDeps = {
    prepare: () => (typeof prepared === 'function' ? prepared() : prepared),
    createRun: (_c, _d, options) => new FakeRun(epochs, options, () => (clock += 30)),
    readFile: () => '',
    post: (m) => {
      messages.push(m);
      postedAt.push(clock);
    },
    now: () => clock,
    yieldToEventLoop: async () => onYield(() => loop),
  };
  const loop = new TrainingLoop(deps);
  return { loop, messages, postedAt };
}

describe('TrainingLoop', () => {
  it('posts started, progress batched at most every 100 ms, then finished', async () => {
    const { loop, messages, postedAt } = fakeDeps({ config, data, problems: [] }, 10);
    await loop.run('{}');
    assert.equal(messages[0].type, 'started');
    assert.equal(messages[messages.length - 1].type, 'finished');
    const progress = messages.filter((m) => m.type === 'progress');
    const epochs = progress.flatMap((m) => (m.type === 'progress' ? m.reports.map((r) => r.epoch) : []));
    assert.deepEqual(epochs, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'every epoch once, in order');
    // 30 ms per epoch: flushes after epochs 4 (120 ms) and 8 (240 ms), the rest at the end.
    assert.deepEqual(
      progress.map((m) => (m.type === 'progress' ? m.reports.length : 0)),
      [4, 4, 2],
    );
    const times = postedAt.filter((_, i) => messages[i].type === 'progress');
    for (let i = 1; i < times.length - 1; i++) assert.ok(times[i] - times[i - 1] >= 100, `progress ${i} came ${times[i] - times[i - 1]} ms after the previous`);
    assert.deepEqual(messages[messages.length - 1], { type: 'finished', status: 'completed', message: undefined });
  });

  it('stops when asked between epochs, reporting the epochs done', async () => {
    let yields = 0;
    const { loop, messages } = fakeDeps({ config, data, problems: [] }, 1000, (get) => {
      if (++yields === 3) get().requestStop();
    });
    await loop.run('{}');
    const last = messages[messages.length - 1];
    assert.equal(last.type, 'finished');
    assert.equal(last.type === 'finished' && last.status, 'cancelled');
    const reported = messages.flatMap((m) => (m.type === 'progress' ? m.reports : []));
    assert.equal(reported.length, 3);
  });

  it('posts only the problems of an invalid config', async () => {
    const problems = [{ path: ['layers', 0, 'units'], message: 'must be a positive integer', severity: 'error' as const }];
    const { loop, messages } = fakeDeps({ problems }, 10);
    await loop.run('{}');
    assert.deepEqual(messages, [{ type: 'problems', problems }]);
  });

  it('treats a thrown error with problems as problems, and anything else as a crash', async () => {
    const problems = [{ path: ['data'], message: 'the model expects 3 inputs, the data has 2', severity: 'error' as const }];
    const nnError = Object.assign(new Error('mismatch'), { problems });
    const a = fakeDeps(() => {
      throw nnError;
    }, 10);
    await a.loop.run('{}');
    assert.deepEqual(a.messages, [{ type: 'problems', problems }]);
    const b = fakeDeps(() => {
      throw new TypeError('boom');
    }, 10);
    await b.loop.run('{}');
    assert.equal(b.messages.length, 1);
    assert.equal(b.messages[0].type, 'crashed');
    assert.equal(b.messages[0].type === 'crashed' && b.messages[0].message, 'boom');
  });
});
