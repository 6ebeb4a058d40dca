/**
 * The worker's loop driving the real core (`prepareRun`, `TrainingRun`) exactly as dist/worker.js
 * does, minus the thread: a small XOR model trains to completion, every epoch is posted once,
 * and the loss falls; a CSV path is read through the loop's `readFile`.
 */
import { strict as assert } from 'assert';
import { prepareRun } from '../../../src/core/config/load';
import { TrainingRun } from '../../../src/core/train/trainer';
import { TrainingLoop } from '../../../src/node/worker/training-loop';
import type { WorkerToHost } from '../../../src/protocol/worker';

/** Runs `text` through a loop wired to the core; `files` answers readFile. */
async function trainText(text: string, files: Record<string, string> = {}): Promise<WorkerToHost[]> {
  const messages: WorkerToHost[] = [];
  const loop = new TrainingLoop({
    prepare: (source, readFile) => prepareRun(source, { readFile }),
    createRun: (config, data, options) => new TrainingRun(config, data, options),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`);
      return files[p];
    },
    post: (m) => messages.push(m),
    now: () => performance.now(),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  });
  await loop.run(text);
  return messages;
}

describe('TrainingLoop with the core', () => {
  it('trains XOR: every epoch posted once, loss falls by more than half', async () => {
    const text = JSON.stringify({
      data: { generator: 'xor', samples: 100, noise: 0 },
      layers: [
        { units: 8, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'Binary',
      optimizer: { name: 'Adam', alpha: 0.02 },
      training: { epochs: 150, batchSize: 20, seed: 1 },
    });
    const messages = await trainText(text);
    assert.equal(messages[0].type, 'started');
    const reports = messages.flatMap((m) => (m.type === 'progress' ? m.reports : []));
    assert.deepEqual(
      reports.map((r) => r.epoch),
      Array.from({ length: 150 }, (_, i) => i + 1),
    );
    assert.ok(reports[149].loss < 0.5 * reports[0].loss, `loss ${reports[0].loss} → ${reports[149].loss}`);
    assert.deepEqual(messages[messages.length - 1], { type: 'finished', status: 'completed', message: undefined });
  });

  it('reads CSV through readFile, and reports a missing file as a problem', async () => {
    const csv = 'x,y\n' + Array.from({ length: 20 }, (_, i) => `${i / 10},${(3 * i) / 10 - 1}`).join('\n') + '\n';
    const config = (file: string): string => JSON.stringify({ data: { csv: file, target: 'y' }, layers: [{ units: 1 }], training: { epochs: 5 } });
    const ok = await trainText(config('line.csv'), { 'line.csv': csv });
    assert.equal(ok[ok.length - 1].type, 'finished');
    const missing = await trainText(config('nope.csv'));
    assert.equal(missing.length, 1);
    assert.equal(missing[0].type, 'problems');
  });
});
