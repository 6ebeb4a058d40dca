/**
 * "NN Lab: Train Model" in the real extension host: trains a real example in the worker, the panel
 * receives the epochs and draws them, invalid configs are reported, and Stop Training stops.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrainOutcome } from '../../src/extension/training/training-controller';
import { activateNnLab, EXAMPLE, openInEditor, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

/** Runs the train command on the active editor (or `uri`). */
function train(uri?: vscode.Uri): Thenable<TrainOutcome | undefined> {
  return uri
    ? vscode.commands.executeCommand<TrainOutcome | undefined>('nnLab.train', uri)
    : vscode.commands.executeCommand<TrainOutcome | undefined>('nnLab.train');
}

describe('Train Model', function () {
  this.timeout(120_000);

  before(async () => {
    await activateNnLab();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`trains ${EXAMPLE} from its editor; the loss falls and the panel draws every epoch`, async () => {
    const api = await activateNnLab();
    const uri = vscode.Uri.file(path.join(workspaceDir(), EXAMPLE));
    const editor = await openInEditor(uri);
    const planned = (JSON.parse(editor.document.getText()) as { training?: { epochs?: number } }).training?.epochs ?? 100;

    const outcome = await train();
    assert.ok(outcome, 'the command returns how the run ended');
    assert.equal(outcome.status, 'completed', `status ${outcome.status}: ${outcome.message ?? ''}`);
    assert.equal(outcome.epochs, planned);
    assert.ok(outcome.firstLoss !== undefined && outcome.lastLoss !== undefined);
    assert.ok(outcome.lastLoss < 0.5 * outcome.firstLoss, `loss should fall: ${outcome.firstLoss} → ${outcome.lastLoss}`);

    // Messages reached the webview, which drew them and said so.
    const rendered = await waitFor('the panel to draw every epoch', () => {
      const r = api.panelSnapshot(uri)?.rendered;
      return r && r.points === planned ? r : undefined;
    });
    assert.equal(rendered.epoch, planned);
    const snapshot = api.panelSnapshot(uri);
    assert.ok(snapshot);
    assert.equal(snapshot.title, `Training ${EXAMPLE}`);
    assert.equal(snapshot.state.phase, 'completed');
    assert.equal(snapshot.state.history.length, planned);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(
      tabs.some((t) => t.label === `Training ${EXAMPLE}`),
      `a webview tab titled after the file: ${tabs.map((t) => t.label).join(', ')}`,
    );
  });

  it('trains the unsaved text of the editor, not the file on disk', async () => {
    const uri = writeWorkspaceFile('unsaved.nn.json', {
      data: { generator: 'sine', samples: 40 },
      layers: [{ units: 8, activation: 'tanh' }, { units: 1 }],
      training: { epochs: 5 },
    });
    const editor = await openInEditor(uri);
    const text = editor.document.getText().replace('"epochs": 5', '"epochs": 7');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)), text));
    const outcome = await train(uri);
    assert.equal(outcome?.status, 'completed');
    assert.equal(outcome?.epochs, 7);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reads CSV data relative to the config file (in the worker)', async () => {
    const rows = ['x,y', ...Array.from({ length: 30 }, (_, i) => `${(i / 10).toFixed(2)},${((2 * i) / 10 + 1).toFixed(2)}`)];
    writeWorkspaceFile('csv-test/line.csv', rows.join('\n') + '\n');
    const uri = writeWorkspaceFile('csv-test/line.nn.json', {
      data: { csv: 'line.csv', target: 'y' },
      layers: [{ units: 1 }],
      training: { epochs: 20, batchSize: 10 },
    });
    const outcome = await train(uri);
    assert.equal(outcome?.status, 'completed', outcome?.message ?? JSON.stringify(outcome?.problems));
    assert.equal(outcome?.epochs, 20);
  });

  it('reports an invalid config instead of training it', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('invalid.nn.json', { data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmoidd' }] });
    const outcome = await train(uri);
    assert.equal(outcome?.status, 'invalid');
    assert.equal(outcome?.epochs, 0);
    const problem = outcome?.problems.find((p) => p.where === 'layers[0].activation');
    assert.ok(problem, `a problem at layers[0].activation: ${JSON.stringify(outcome?.problems)}`);
    assert.match(problem.message, /sigmoid/);
    assert.equal(api.panelSnapshot(uri)?.state.phase, 'invalid');
  });

  it('reports divergence with advice, in the outcome and the panel', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('diverge.nn.json', {
      data: { generator: 'sine', samples: 50 },
      layers: [{ units: 16, activation: 'tanh' }, { units: 1 }],
      optimizer: { name: 'SGD', eta: 1e6 },
      training: { epochs: 50 },
    });
    const outcome = await train(uri);
    assert.equal(outcome?.status, 'diverged', JSON.stringify(outcome));
    assert.match(outcome?.message ?? '', /epoch \d+/);
    assert.match(outcome?.message ?? '', /smaller learning rate/);
    const state = api.panelSnapshot(uri)?.state;
    assert.equal(state?.phase, 'diverged');
    assert.equal(state?.message, outcome?.message);
  });

  it('Stop Training stops a long run', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('long.nn.json', {
      data: { generator: 'spiral', samples: 300 },
      layers: [
        { units: 32, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      training: { epochs: 100_000 },
    });
    let ended: TrainOutcome | undefined;
    const running = train(uri).then((o) => (ended = o));
    await waitFor('some epochs to be trained', () => {
      if (ended) throw new Error(`the run ended before it could be stopped: ${JSON.stringify(ended)}`);
      return (api.panelSnapshot(uri)?.state.history.length ?? 0) > 3;
    });
    const stopped = await vscode.commands.executeCommand<number>('nnLab.stop');
    assert.equal(stopped, 1);
    const outcome = await running;
    assert.equal(outcome?.status, 'cancelled');
    assert.ok((outcome?.epochs ?? 0) > 3 && (outcome?.epochs ?? 0) < 100_000, `stopped after ${outcome?.epochs} epochs`);
    assert.equal(api.panelSnapshot(uri)?.state.phase, 'cancelled');
  });

  it('says what to do when no model file is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await train(), undefined);
  });
});
