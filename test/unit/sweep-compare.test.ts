import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { makeVariants } from '../../src/core/compare/optimizer-variants';
import { CompareRunner, workerSessions } from '../../src/node/compare/compare-runner';
import type { CompareUpdateMessage } from '../../src/protocol/compare';

const root = join(__dirname, '..', '..');
const workerJs = join(root, 'dist', 'worker.js');
const examples = join(root, 'examples');

/** What the panel would hold per optimizer after the updates: status, every loss, initial loss, message. */
function collect(updates: readonly CompareUpdateMessage[]): Map<string, { status: string; losses: number[]; initialLoss?: number; message?: string }> {
  const series = new Map<string, { status: string; losses: number[]; initialLoss?: number; message?: string }>();
  for (const u of updates) {
    const s = series.get(u.optimizer) ?? { status: 'queued', losses: [] };
    s.status = u.status;
    s.losses.push(...u.losses);
    if (u.initialLoss !== undefined) s.initialLoss = u.initialLoss;
    if (u.message !== undefined) s.message = u.message;
    series.set(u.optimizer, s);
  }
  return series;
}

describe('Compare Optimizers on the sweep runner (dist/worker.js)', function () {
  this.timeout(120_000);

  it('trains the config once per optimizer from the same initial weights, as nn-lab sweep over "optimizer" would', async () => {
    const text = readFileSync(join(examples, 'xor.nn.json'), 'utf8');
    const value = JSON.parse(text) as { training: { epochs: number } };
    const updates: CompareUpdateMessage[] = [];
    const runner = new CompareRunner(makeVariants(text, value, ['Adam', 'SGD', 'RMSprop']), workerSessions(workerJs, examples), (u) => updates.push(u), 2);
    runner.run();
    assert.equal(await runner.finished, false);
    const series = collect(updates);
    assert.deepEqual([...series.keys()].sort(), ['Adam', 'RMSprop', 'SGD']);
    for (const [name, s] of series) {
      assert.equal(s.status, 'completed', `${name}: ${s.message ?? ''}`);
      assert.equal(s.losses.length, value.training.epochs);
    }
    const initial = [...series.values()].map((s) => s.initialLoss);
    assert.ok(
      initial.every((v) => typeof v === 'number' && v > 0 && v === initial[0]),
      `initial losses ${initial.join(', ')}`,
    );
    assert.equal(new Set([...series.values()].map((s) => s.losses[s.losses.length - 1])).size, 3);
  });

  it('stops every run when cancelled; a queued one is "not started"', async () => {
    const sine = JSON.parse(readFileSync(join(examples, 'sine.nn.json'), 'utf8')) as Record<string, unknown>;
    const config = { ...sine, data: { generator: 'sine', samples: 2000 }, training: { epochs: 100000, batchSize: 8, seed: 3 } };
    const text = JSON.stringify(config);
    const updates: CompareUpdateMessage[] = [];
    const runner = new CompareRunner(makeVariants(text, config, ['Adam', 'SGD', 'AdaGrad']), workerSessions(workerJs, examples), (u) => updates.push(u), 2);
    const started = Date.now();
    runner.run();
    while (!updates.some((u) => u.losses.length > 0)) await new Promise((resolve) => setTimeout(resolve, 20));
    runner.cancel();
    assert.equal(await runner.finished, true);
    assert.ok(Date.now() - started < 60_000);
    const series = collect(updates);
    assert.deepEqual(
      ['Adam', 'SGD', 'AdaGrad'].map((o) => series.get(o)?.status),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    assert.match(series.get('AdaGrad')?.message ?? '', /not started/i);
  });
});
