/**
 * "NN Lab: Run Sweep" inside the real extension host: a grid with an invalid value and a diverging
 * setting fills the panel's state (the invalid combination listed with its path and value, the
 * diverged run marked, the others completed with their metrics), Stop cancels every run, and the
 * editor offers the "▶ Run sweep" CodeLens, path completion and the sweep block's diagnostics.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SweepState } from '../../src/protocol/sweep';
import { activateNnLab, openInEditor, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(workspaceDir(), name), 'utf8')) as Record<string, unknown>;
}

describe('run sweep', function () {
  this.timeout(180_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains every valid combination, lists the invalid one and marks the diverged one', async () => {
    const api = await activateNnLab();
    const sine = example('sine.nn.json');
    const uri = writeWorkspaceFile('sweep-grid.nn.json', {
      ...sine,
      optimizer: { name: 'SGD', eta: 0.01 },
      training: { epochs: 60, batchSize: 16, seed: 1 },
      sweep: { metric: 'loss', parameters: { 'optimizer.eta': { values: [0.01, 10] }, 'layers[0].units': { values: [4, 0] } } },
    });
    const state = await vscode.commands.executeCommand<SweepState>('nnLab.runSweep', uri);
    assert.ok(state, 'the command resolves with the final state');
    assert.strictEqual(state.finished, true);
    assert.strictEqual(state.cancelled, false);
    assert.strictEqual(state.total, 4);
    assert.strictEqual(state.done, 4);
    const byKey = (eta: number, units: number) => state.rows.find((r) => r.parameters['optimizer.eta'] === eta && r.parameters['layers[0].units'] === units);
    for (const eta of [0.01, 10]) {
      const invalid = byKey(eta, 0);
      assert.strictEqual(invalid?.status, 'invalid');
      assert.match(invalid?.message ?? '', /layers\[0\]\.units = 0/);
    }
    const good = byKey(0.01, 4);
    assert.strictEqual(good?.status, 'completed', good?.message);
    assert.ok(typeof good?.metrics.loss === 'number' && Number.isFinite(good.metrics.loss));
    assert.ok((good?.curve?.length ?? 0) > 1, 'a finished run keeps a short loss curve');
    assert.strictEqual(byKey(10, 4)?.status, 'diverged');
    assert.strictEqual(api.sweepSnapshot()?.state.rows.length, 4, 'the panel holds the same rows');
  });

  it('refuses a sweep block with errors, naming the path', async () => {
    const xor = example('xor.nn.json');
    const uri = writeWorkspaceFile('sweep-broken.nn.json', { ...xor, sweep: { parameters: { 'layers[9].units': { values: [2] } } } });
    const state = await vscode.commands.executeCommand<SweepState | undefined>('nnLab.runSweep', uri);
    assert.strictEqual(state, undefined);
  });

  it('stops every run when cancelled', async () => {
    const api = await activateNnLab();
    const sine = example('sine.nn.json');
    const uri = writeWorkspaceFile('sweep-long.nn.json', {
      ...sine,
      data: { generator: 'sine', samples: 2000 },
      training: { epochs: 100000, batchSize: 8, seed: 3 },
      sweep: { parameters: { 'optimizer.alpha': { values: [0.001, 0.002, 0.003] } } },
    });
    const started = Date.now();
    const pending = vscode.commands.executeCommand<SweepState>('nnLab.runSweep', uri);
    await waitFor(
      'a running combination',
      () => {
        const s = api.sweepSnapshot()?.state;
        return s && s.file === 'sweep-long.nn.json' && s.rows.some((r) => r.status === 'running');
      },
      60_000,
    );
    api.sweepStop();
    const state = await pending;
    assert.ok(Date.now() - started < 60_000, 'stopping does not wait for 100 000 epochs');
    assert.strictEqual(state.finished, true);
    assert.strictEqual(state.cancelled, true);
    assert.ok(
      state.rows.every((r) => r.status === 'cancelled'),
      JSON.stringify(state.rows.map((r) => r.status)),
    );
  });

  it('offers the "▶ Run sweep" CodeLens, path completion and the sweep block\u2019s diagnostics in the editor', async () => {
    await activateNnLab();
    const text = `{
  "data": { "generator": "xor", "samples": 40 },
  "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }],
  "optimizer": { "name": "Adam", "alpha": 0.02 },
  "sweep": { "parameters": { "": {}, "layers[7].units": { "values": [2] } } }
}
`;
    const uri = writeWorkspaceFile('sweep-editing.nn.json', text);
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const sweepLens = lenses.find((l) => l.command?.command === 'nnLab.runSweep');
    assert.ok(sweepLens, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.strictEqual(sweepLens.range.start.line, 4, 'on the sweep key');
    const inKey = doc.positionAt(text.indexOf('"": {}') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, inKey);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['optimizer.alpha', 'layers[0].units', 'layers[1].activation', 'training.l2', 'training.batchSize'])
      assert.ok(labels.includes(k), `${k} in ${labels.slice(0, 40).join(', ')}`);
    const diagnostics = await waitFor('the sweep diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'NN Lab' && /layers\[7\]|no layer 7/.test(x.message));
      return d.length ? d : undefined;
    });
    assert.strictEqual(doc.getText(diagnostics[0].range), '"layers[7].units"', 'the problem sits on the key');
  });
});
