/**
 * Faults in the real extension host, each with a clear outcome and no orphan worker (the count of live
 * training workers returns to zero): the worker killed mid-run, the config deleted and renamed mid-run,
 * the panel closed mid-run, two trains of the same file at once, and an export into a folder that cannot
 * be written (a clear message, no partial file).
 */
import { strict as assert } from 'assert';
import { existsSync, readdirSync, renameSync, rmSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrainOutcome } from '../../src/extension/training/training-controller';
import { activateNnLab, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

function train(uri: vscode.Uri): Thenable<TrainOutcome | undefined> {
  return vscode.commands.executeCommand<TrainOutcome | undefined>('nnLab.train', uri);
}

/** A config that trains for minutes (100 mini-batches an epoch), so every fault lands mid-run. */
function longRun(name: string): vscode.Uri {
  return writeWorkspaceFile(`${name}.nn.json`, {
    data: { generator: 'circle', samples: 1000 },
    layers: [
      { units: 16, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'Binary',
    training: { epochs: 100_000, batchSize: 10 },
  });
}

describe('faults', function () {
  this.timeout(120_000);

  afterEach(async () => {
    const api = await activateNnLab();
    await vscode.commands.executeCommand('nnLab.stop');
    await waitFor('every worker to exit (no orphans)', () => api.liveWorkers() === 0, 20_000);
  });

  it('a worker killed mid-run is reported as a failed run, and the next run works', async () => {
    const api = await activateNnLab();
    const uri = longRun('fault-kill');
    const outcome = train(uri);
    await waitFor('epochs', () => (api.panelSnapshot(uri)?.state.history.length ?? 0) > 3);
    assert.equal(api.liveWorkers(), 1);
    assert.ok(api.killWorker(uri));
    const ended = await outcome;
    assert.equal(ended?.status, 'crashed');
    assert.match(ended?.message ?? '', /worker/i);
    await waitFor('the killed worker to be gone', () => api.liveWorkers() === 0);
    assert.equal(api.panelSnapshot(uri)?.state.phase, 'crashed');
    assert.equal(api.activeRuns(), 0);
    const again = writeWorkspaceFile('fault-kill-again.nn.json', {
      data: { generator: 'xor', samples: 40 },
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      training: { epochs: 5 },
    });
    assert.equal((await train(again))?.status, 'completed');
  });

  it('a config deleted, then renamed, mid-run keeps training what was read; Stop still works', async () => {
    const api = await activateNnLab();
    const uri = longRun('fault-delete');
    const outcome = train(uri);
    await waitFor('epochs', () => (api.panelSnapshot(uri)?.state.history.length ?? 0) > 3);
    rmSync(uri.fsPath);
    const renamed = longRun('fault-rename');
    const second = train(renamed);
    await waitFor('epochs of the second', () => (api.panelSnapshot(renamed)?.state.history.length ?? 0) > 3);
    renameSync(renamed.fsPath, path.join(workspaceDir(), 'fault-renamed.nn.json'));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(api.activeRuns(), 2, 'both runs go on with the text they were given');
    assert.equal(await vscode.commands.executeCommand<number>('nnLab.stop'), 2);
    assert.equal((await outcome)?.status, 'cancelled');
    assert.equal((await second)?.status, 'cancelled');
  });

  it('closing the panel mid-run stops its run', async () => {
    const api = await activateNnLab();
    const uri = longRun('fault-close');
    const outcome = train(uri);
    await waitFor('epochs', () => (api.panelSnapshot(uri)?.state.history.length ?? 0) > 3);
    assert.ok(api.closePanel(uri));
    const ended = await outcome;
    assert.equal(ended?.status, 'cancelled');
    await waitFor('the worker to exit', () => api.liveWorkers() === 0);
    assert.equal(api.panelSnapshot(uri), undefined);
  });

  it('two trains of the same file at once: one gives way to the other, one worker remains', async () => {
    const api = await activateNnLab();
    const uri = longRun('fault-twice');
    // Both commands read the file first, so either may reach the controller first: the later one replaces it.
    const both = Promise.all([train(uri), train(uri)]);
    await waitFor('one run to train', () => api.activeRuns() === 1 && (api.panelSnapshot(uri)?.state.history.length ?? 0) > 3, 30_000);
    assert.equal(api.liveWorkers(), 1, 'one worker for the file');
    await vscode.commands.executeCommand('nnLab.stop', uri);
    const outcomes = await both;
    assert.deepEqual(
      outcomes.map((o) => o?.status),
      ['cancelled', 'cancelled'],
      'the replaced run and the stopped one',
    );
    assert.equal(api.activeRuns(), 0);
  });

  it('an export into a folder that cannot be written says so and leaves no partial file', async () => {
    const uri = writeWorkspaceFile('fault-export.nn.json', {
      data: { generator: 'xor', samples: 40 },
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      training: { epochs: 5 },
    });
    assert.equal((await train(uri))?.status, 'completed');
    // /proc refuses new files even to root (tests run as root, so permissions alone cannot make a folder read-only).
    const target = vscode.Uri.file('/proc/nn-lab-fault-test.model.json');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnLab.exportModel', uri, target);
    assert.equal(written, undefined, 'nothing was written');
    assert.ok(!existsSync(target.fsPath));
    const leftovers = readdirSync(workspaceDir()).filter((f) => /\.tmp|~$|\.partial/.test(f));
    assert.deepEqual(leftovers, [], 'no temporary files left behind');
  });
});
