/**
 * "Compare Optimizers" inside the real extension host: each optimizer trains the same config with
 * the same seed in a worker, the curves reach the comparison panel's page, a diverging setting is
 * reported in the table instead of failing the comparison, and Stop ends the runs.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CompareState } from '../../src/protocol/compare';
import { activateNnLab, EXAMPLE, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(workspaceDir(), name), 'utf8')) as Record<string, unknown>;
}

describe('compare optimizers', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains xor once per optimizer from the same initial weights, and every curve reaches the page', async () => {
    const api = await activateNnLab();
    const uri = vscode.Uri.file(path.join(workspaceDir(), EXAMPLE));
    const state = await vscode.commands.executeCommand<CompareState>('nnLab.compareOptimizers', uri, ['Adam', 'SGD', 'RMSprop']);
    assert.ok(state, 'the command resolves with the final state');
    assert.strictEqual(state.done, true);
    assert.deepStrictEqual(
      state.series.map((s) => s.optimizer),
      ['Adam', 'SGD', 'RMSprop'],
    );
    const epochs = (example(EXAMPLE).training as { epochs: number }).epochs;
    for (const s of state.series) {
      assert.strictEqual(s.status, 'completed', `${s.optimizer}: ${s.message ?? ''}`);
      assert.strictEqual(s.losses.length, epochs, `${s.optimizer} trained every epoch`);
      assert.ok(s.losses.every(Number.isFinite));
    }
    const initial = state.series.map((s) => s.initialLoss);
    assert.ok(
      initial.every((v) => typeof v === 'number' && v > 0),
      `initial losses ${initial.join(', ')}`,
    );
    assert.ok(
      initial.every((v) => v === initial[0]),
      `same initial weights give the same epoch-0 loss: ${initial.join(', ')}`,
    );
    assert.strictEqual(state.series.find((s) => s.optimizer === 'Adam')?.settings, 'alpha 0.02', "the config's own optimizer keeps its settings");
    assert.strictEqual(state.series.find((s) => s.optimizer === 'SGD')?.settings, 'defaults');
    const finals = state.series.map((s) => s.losses[s.losses.length - 1]);
    assert.strictEqual(new Set(finals).size, 3, `distinct curves: ${finals.join(', ')}`);
    const firsts = state.series.map((s) => s.losses[0]);
    assert.ok(
      firsts.every((v) => Math.abs(v - firsts[0]) < 0.1),
      `first epochs start from the same place: ${firsts.join(', ')}`,
    );
    const drawn = await waitFor('the page to draw every curve', () => {
      const d = api.compareSnapshot()?.drawn;
      return d && ['Adam', 'SGD', 'RMSprop'].every((o) => d[o] === epochs) ? d : undefined;
    });
    assert.deepStrictEqual(Object.keys(drawn).sort(), ['Adam', 'RMSprop', 'SGD']);
  });

  it('reports a diverging optimizer in the comparison without failing the others', async () => {
    const sine = example('sine.nn.json');
    const uri = writeWorkspaceFile('compare-diverge.nn.json', {
      ...sine,
      optimizer: { name: 'SGD', eta: 10 },
      training: { epochs: 60, batchSize: 16, seed: 1 },
    });
    const state = await vscode.commands.executeCommand<CompareState>('nnLab.compareOptimizers', uri, ['SGD', 'Adam']);
    const sgd = state.series.find((s) => s.optimizer === 'SGD');
    const adam = state.series.find((s) => s.optimizer === 'Adam');
    assert.strictEqual(sgd?.status, 'diverged');
    assert.match(sgd?.message ?? '', /diverged/i);
    assert.strictEqual(sgd?.settings, 'eta 10');
    assert.strictEqual(adam?.status, 'completed');
    assert.strictEqual(adam?.losses.length, 60);
  });

  it('refuses a config with errors without opening runs', async () => {
    const api = await activateNnLab();
    const before = api.compareSnapshot()?.state;
    const uri = writeWorkspaceFile('compare-broken.nn.json', { data: { generator: 'xor', samples: 40 }, layers: [{ units: 1, activation: 'sigmoidd' }] });
    const state = await vscode.commands.executeCommand<CompareState | undefined>('nnLab.compareOptimizers', uri, ['Adam', 'SGD']);
    assert.strictEqual(state, undefined);
    assert.strictEqual(api.compareSnapshot()?.state, before, 'the comparison panel keeps its previous comparison');
  });

  it('stops every run when cancelled', async () => {
    const api = await activateNnLab();
    const sine = example('sine.nn.json');
    const uri = writeWorkspaceFile('compare-long.nn.json', {
      ...sine,
      data: { generator: 'sine', samples: 2000 },
      training: { epochs: 100000, batchSize: 8, seed: 3 },
    });
    const started = Date.now();
    const pending = vscode.commands.executeCommand<CompareState>('nnLab.compareOptimizers', uri, ['Adam', 'SGD', 'AdaGrad']);
    await waitFor(
      'a few epochs',
      () => {
        const s = api.compareSnapshot()?.state;
        return s && s.file === 'compare-long.nn.json' && s.series.some((x) => x.losses.length >= 2);
      },
      60_000,
    );
    api.compareStop();
    const state = await pending;
    assert.ok(Date.now() - started < 60_000, 'stopping does not wait for 100 000 epochs');
    assert.strictEqual(state.done, true);
    assert.deepStrictEqual(
      state.series.map((s) => s.status),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    assert.ok(state.series.every((s) => s.losses.length < 100000));
    assert.match(state.series[2].message ?? '', /not started/i, 'the queued third run never started');
  });
});
