/**
 * Around the runs in the real extension host: retraining on edits (a swapped activation restarts the
 * run and the earlier run joins `runs`; an invalid edit keeps the last run and lists the problems),
 * replay when the panel is hidden and shown, restoring a panel from a saved state (the serializer's
 * path), "Export Trained Model" writing a file the CLI predicts with, and "Export as ONNX".
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrainOutcome } from '../../src/extension/training/training-controller';
import { activateNnLab, openInEditor, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

const config = (activation: string, epochs = 40) => ({
  name: 'live',
  data: { generator: 'xor', samples: 100, noise: 0 },
  layers: [
    { units: 6, activation },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'Binary',
  optimizer: { name: 'Adam', alpha: 0.03 },
  training: { epochs, batchSize: 20, seed: 1 },
});

function train(uri: vscode.Uri): Thenable<TrainOutcome | undefined> {
  return vscode.commands.executeCommand<TrainOutcome | undefined>('nnLab.train', uri);
}

/** Replaces the first `from` in the document with `to` through a WorkspaceEdit (as typing would). */
async function replaceInDocument(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" is in the document`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Runs: live retraining, replay, restore, export', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('nnLab.stop');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an edit that swaps an activation retrains; an invalid edit keeps the run and shows the problems', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('live.nn.json', config('tanh'));
    const editor = await openInEditor(uri);
    const t0 = Date.now();
    assert.equal((await train(uri))?.status, 'completed');
    const t1 = Date.now();
    const restarts = api.liveRestarts();
    await replaceInDocument(editor.document, '"tanh"', '"ReLU"');
    const t2 = Date.now();
    await waitFor('the edit to restart the run', () => api.liveRestarts() > restarts);
    const t3 = Date.now();
    await waitFor('the retrained run to start', () => api.panelSnapshot(uri)?.state.runLabel?.includes('ReLU'), 30_000);
    const t4 = Date.now();
    const done = await waitFor(
      'the live run to complete',
      () => {
        const s = api.panelSnapshot(uri)?.state;
        return s && s.phase === 'completed' && s.runLabel?.includes('ReLU') ? s : undefined;
      },
      30_000,
    );
    console.log(
      `      first run ${t1 - t0} ms; applyEdit ${t2 - t1} ms, debounce → restart ${t3 - t2} ms, → started ${t4 - t3} ms, → complete ${Date.now() - t4} ms`,
    );
    assert.equal(api.liveRestarts(), restarts + 1);
    assert.equal(done.history.length, 40);
    assert.deepEqual(
      done.runs.map((r) => r.label),
      ['#1 · Adam · tanh,sigmoid'],
    );
    assert.equal(done.runs[0].history.length, 40);
    assert.deepEqual(
      done.activations.map((a) => a.name),
      ['ReLU', 'sigmoid'],
    );

    await replaceInDocument(editor.document, '"ReLU"', '"ReLUU"');
    const invalid = await waitFor(
      'the invalid edit to be reported',
      () => {
        const s = api.panelSnapshot(uri)?.state;
        return s && s.phase === 'invalid' ? s : undefined;
      },
      30_000,
    );
    assert.equal(invalid.history.length, 40, 'the last good run stays');
    assert.equal(invalid.runLabel, done.runLabel);
    const problem = invalid.problems.find((p) => p.where === 'layers[0].activation');
    assert.ok(problem, JSON.stringify(invalid.problems));
    assert.match(problem.message, /ReLU/);
  });

  it('hidden then shown again, the panel is replayed and redrawn', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('replay.nn.json', config('tanh', 30));
    assert.equal((await train(uri))?.status, 'completed');
    await waitFor('the panel to draw', () => api.panelSnapshot(uri)?.rendered?.points === 30);
    const before = api.panelSnapshot(uri)?.replays ?? 0;
    const other = await vscode.workspace.openTextDocument(writeWorkspaceFile('hide-the-panel.txt', 'hide the panel'));
    const column = api.panelSnapshot(uri)?.viewColumn;
    assert.ok(column !== undefined);
    await vscode.window.showTextDocument(other, { viewColumn: column, preview: false });
    await waitFor('the panel to be hidden', () => api.panelSnapshot(uri)?.visible === false);
    assert.ok(await vscode.commands.executeCommand('nnLab.revealTrainingPanel', uri));
    await waitFor('the panel to be visible', () => api.panelSnapshot(uri)?.visible === true);
    await waitFor('a replay', () => (api.panelSnapshot(uri)?.replays ?? 0) > before);
    await waitFor('the redrawn chart', () => api.panelSnapshot(uri)?.rendered?.points === 30);
  });

  it('a panel restored from a saved state is re-bound to its config; a malformed state is refused', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('restored.nn.json', config('tanh', 12));
    const history = Array.from({ length: 12 }, (_, i) => ({ epoch: i + 1, epochs: 12, loss: 1 / (i + 1), elapsed: i, samplesPerSecond: 10 }));
    const saved = {
      fileName: 'restored.nn.json',
      hasValidation: false,
      phase: 'running',
      problems: [],
      history,
      runs: [],
      activations: [],
      runLabel: '#4 · Adam · tanh,sigmoid',
    };
    const panel = vscode.window.createWebviewPanel('nnLab.training', 'Training restored.nn.json', vscode.ViewColumn.Two, {});
    assert.equal(await api.restoreTrainingPanel(panel, saved), true);
    const snap = api.panelSnapshot(uri);
    assert.ok(snap, 'the panel is bound to the config');
    assert.equal(snap.state.phase, 'cancelled', 'a run that was going on when the window closed comes back stopped');
    await waitFor('the restored panel to draw', () => api.panelSnapshot(uri)?.rendered?.points === 12, 30_000);
    // The next run numbers on, and the restored run becomes a past run.
    assert.equal((await train(uri))?.status, 'completed');
    const state = api.panelSnapshot(uri)?.state;
    assert.match(state?.runLabel ?? '', /^#5 /);
    assert.deepEqual(
      state?.runs.map((r) => r.id),
      [4],
    );

    const junk = vscode.window.createWebviewPanel('nnLab.training', 'junk', vscode.ViewColumn.Two, {});
    let disposed = false;
    junk.onDidDispose(() => (disposed = true));
    assert.equal(await api.restoreTrainingPanel(junk, { fileName: 42 }), false);
    assert.ok(disposed, 'an unusable panel is closed');
  });

  it('Export Trained Model writes a file `nn-lab predict` loads; it never overwrites the config', async () => {
    await activateNnLab();
    const uri = writeWorkspaceFile('exported.nn.json', config('tanh', 150));
    const none = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'nnLab.exportModel',
      writeWorkspaceFile('untrained.nn.json', config('tanh')),
      vscode.Uri.file(path.join(workspaceDir(), 'x.model.json')),
    );
    assert.equal(none, undefined, 'nothing to export before training');
    assert.equal((await train(uri))?.status, 'completed');
    const configText = readFileSync(uri.fsPath, 'utf8');
    assert.equal(await vscode.commands.executeCommand('nnLab.exportModel', uri, uri), undefined);
    assert.equal(readFileSync(uri.fsPath, 'utf8'), configText, 'the config is untouched');
    const target = vscode.Uri.file(path.join(workspaceDir(), 'exported.model.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnLab.exportModel', uri, target);
    assert.equal(written?.fsPath, target.fsPath);
    assert.ok(existsSync(target.fsPath));
    const file = JSON.parse(readFileSync(target.fsPath, 'utf8'));
    assert.equal(file.format, 'nn-lab-model');
    assert.equal(file.training.epochs, 150);
    const ext = vscode.extensions.getExtension('nn-lab.nn-lab');
    assert.ok(ext);
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'predict', target.fsPath, '--input', '0.5,0.5', '--input', '-0.5,0.5', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    const [same, different] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).output[0] as number);
    assert.ok(same > 0.5 && different < 0.5, `XOR predictions ${same}, ${different}`);
  });

  it('Export as ONNX writes an ONNX model (IR 8) atomically; never over the config', async () => {
    await activateNnLab();
    const uri = writeWorkspaceFile('onnx-export.nn.json', config('tanh', 60));
    const target = vscode.Uri.file(path.join(workspaceDir(), 'onnx-export.onnx'));
    assert.equal(await vscode.commands.executeCommand('nnLab.exportOnnx', writeWorkspaceFile('untrained-onnx.nn.json', config('tanh')), target), undefined);
    assert.equal((await train(uri))?.status, 'completed');
    assert.equal(await vscode.commands.executeCommand('nnLab.exportOnnx', uri, uri), undefined, 'never over the config');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnLab.exportOnnx', uri, target);
    assert.equal(written?.fsPath, target.fsPath);
    const bytes = readFileSync(target.fsPath);
    assert.deepEqual([bytes[0], bytes[1]], [0x08, 8], 'ModelProto field 1 (ir_version) = 8');
    assert.ok(bytes.includes(Buffer.from('input')) && bytes.includes(Buffer.from('output')));
    assert.deepEqual(
      readdirSync(workspaceDir()).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });
});
