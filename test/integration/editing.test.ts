/**
 * Editing a model config in the real VS Code host: schema completion, NN Lab's diagnostics with
 * exact ranges and their quick fixes, the CodeLens, the hover plot, and "New Model Config".
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activationRegistry } from '../../src/core/activations/index';
import type { TrainOutcome } from '../../src/extension/training/training-controller';
import { activateNnLab, EXTENSION_ID, openInEditor, waitFor, writeWorkspaceFile } from './helpers';

/** NN Lab's diagnostics of a document. */
function nnDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'NN Lab');
}

/** A two-class config whose output layer is written as `output`, with optional extra top-level keys. */
function config(output: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { data: { generator: 'xor', samples: 60 }, layers: [{ units: 4, activation: 'tanh' }, output], training: { epochs: 5 }, ...extra };
}

/** The offset of the first occurrence of `needle` in the document (fails when absent). */
function offsetOf(doc: vscode.TextDocument, needle: string): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} should be in the document`);
  return at;
}

/** Replaces the whole text of `doc` with `value` as JSON (like typing over it). */
async function replaceAll(doc: vscode.TextDocument, value: unknown): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), JSON.stringify(value, null, 2));
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Applies the quick fix titled `title` offered for `diagnostic`. */
async function applyFix(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `a quick fix "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action;
}

describe('editing *.nn.json', function () {
  this.timeout(120_000);

  before(async () => {
    await activateNnLab();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completion inside "activation": "" offers all 26 activations', async () => {
    const uri = writeWorkspaceFile('complete.nn.json', '{\n  "data": { "generator": "xor" },\n  "layers": [ { "units": 1, "activation": "" } ]\n}\n');
    const editor = await openInEditor(uri);
    const position = editor.document.positionAt(offsetOf(editor.document, '""') + 1);
    const expected = activationRegistry.names();
    assert.equal(expected.length, 26);
    let labels: string[] = [];
    for (let i = 0; i < 100 && !expected.every((n) => labels.includes(n)); i++) {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/^"|"$/g, ''));
      if (!expected.every((n) => labels.includes(n))) await new Promise((r) => setTimeout(r, 200));
    }
    const missing = expected.filter((n) => !labels.includes(n));
    assert.deepEqual(missing, [], `completions: ${labels.join(', ')}`);
  });

  it('a misspelled activation gets a diagnostic on its value with the suggestion, and the quick fix repairs it', async () => {
    const uri = writeWorkspaceFile('misspelled.nn.json', config({ units: 1, activation: 'leaky_relu' }));
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const diagnostic = await waitFor('the unknown-name diagnostic', () => nnDiagnostics(uri).find((d) => d.code === 'unknown-name'));
    assert.equal(doc.getText(diagnostic.range), '"leaky_relu"', 'the range is exactly the value');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /Did you mean "leaky-ReLU"\?/);
    const action = await applyFix(doc, diagnostic, 'Replace with "leaky-ReLU"');
    assert.equal(action.isPreferred, true);
    assert.ok(doc.getText().includes('"activation": "leaky-ReLU"'), doc.getText());
    await waitFor('the diagnostic to clear', () => nnDiagnostics(uri).length === 0);
  });

  it('diagnostics are cleared when the document closes', async () => {
    const uri = writeWorkspaceFile('closing.nn.json', config({ units: 1, activation: 'sigmoidd' }));
    await openInEditor(uri);
    await waitFor('the diagnostic', () => nnDiagnostics(uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the diagnostics to be cleared', () => nnDiagnostics(uri).length === 0, 60_000);
  });

  it('a Cross loss over a sigmoid output is a warning on the loss, fixed by a softmax output', async () => {
    const uri = writeWorkspaceFile('cross-sigmoid.nn.json', {
      data: { generator: 'gauss', classes: 3, samples: 60 },
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 3, activation: 'sigmoid' },
      ],
      loss: 'Cross',
      training: { epochs: 5 },
    });
    const doc = (await openInEditor(uri)).document;
    const diagnostic = await waitFor('the loss-mismatch warning', () => nnDiagnostics(uri).find((d) => d.code === 'loss-mismatch'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(diagnostic.range), '"Cross"', 'the range is the loss value');
    await applyFix(doc, diagnostic, 'Use softmax on the output layer');
    assert.ok(doc.getText().includes('{ "units": 3, "activation": "softmax" }') || /"activation": "softmax"/.test(doc.getText()), doc.getText());
    await waitFor('the warning to clear', () => nnDiagnostics(uri).length === 0);
  });

  it('a missing data file is an error on the file name; a split that holds out no sample is a warning on the split', async () => {
    const uri = writeWorkspaceFile('missing-data.nn.json', config({ units: 1, activation: 'sigmoid' }, { data: { csv: 'nowhere/none.csv' } }));
    const doc = (await openInEditor(uri)).document;
    const missing = await waitFor('the file-not-found error', () => nnDiagnostics(uri).find((d) => d.code === 'file-not-found'));
    assert.equal(doc.getText(missing.range), '"nowhere/none.csv"');
    await replaceAll(
      doc,
      config({ units: 1, activation: 'sigmoid' }, { data: { generator: 'xor', samples: 4 }, training: { epochs: 5, validationSplit: 0.2 } }),
    );
    const split = await waitFor('the validation split warning', () => nnDiagnostics(uri).find((d) => d.code === 'range'));
    assert.equal(doc.getText(split.range), '0.2');
    assert.equal(split.severity, vscode.DiagnosticSeverity.Warning, 'training can start, but there is no validation');
    assert.equal(nnDiagnostics(uri).filter((d) => d.code === 'file-not-found').length, 0);
  });

  it('the CodeLens offers Train, Compare optimizers and Plot activations; "▶ Train" starts a run', async () => {
    const uri = writeWorkspaceFile('lens.nn.json', config({ units: 1, activation: 'sigmoid' }));
    await openInEditor(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title);
    assert.deepEqual(
      titles.filter((t) => t && /Train|Compare|Plot/.test(t)),
      ['▶ Train', 'Compare optimizers', 'Plot activations'],
    );
    assert.ok(lenses.every((l) => l.range.start.line === 0));
    const train = lenses.find((l) => l.command?.title === '▶ Train')?.command;
    assert.ok(train);
    assert.equal(train.command, 'nnLab.train');
    const outcome = await vscode.commands.executeCommand<TrainOutcome | undefined>(train.command, ...(train.arguments ?? []));
    assert.equal(outcome?.status, 'completed', JSON.stringify(outcome));
    assert.equal(outcome.epochs, 5);
  });

  it('every lens command that the manifest declares is registered', async function () {
    const declared = new Set(
      (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map(
        (c) => c.command,
      ),
    );
    const lensCommands = ['nnLab.compareOptimizers', 'nnLab.showActivations'].filter((c) => declared.has(c));
    if (lensCommands.length === 0) this.skip(); // not contributed yet by the gallery / comparison work
    const registered = await vscode.commands.getCommands(true);
    for (const c of lensCommands) assert.ok(registered.includes(c), `${c} is declared but not registered`);
  });

  it('the hover over Mish shows its formula and an inline plot', async () => {
    const uri = writeWorkspaceFile(
      'hover.nn.json',
      config(
        { units: 1, activation: 'sigmoid' },
        {
          layers: [
            { units: 4, activation: 'Mish' },
            { units: 1, activation: 'sigmoid' },
          ],
        },
      ),
    );
    const doc = (await openInEditor(uri)).document;
    const position = doc.positionAt(offsetOf(doc, '"Mish"') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(activationRegistry.entry('Mish').formula), `formula in: ${text.slice(0, 400)}`);
    const image = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(text);
    assert.ok(image, 'an inline SVG image');
    const svg = Buffer.from(image[1], 'base64').toString('utf8');
    assert.equal((svg.match(/<polyline/g) ?? []).length, 2, 'f and f′ are drawn');
  });

  it('"New Model Config" opens an untitled *.nn.json that NN Lab checks and trains', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnLab.newConfig', 'xor');
    assert.ok(created);
    assert.equal(created.scheme, 'untitled');
    assert.ok(created.path.endsWith('.nn.json'), created.toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), created.toString());
    assert.equal(editor.document.languageId, 'json');
    assert.ok(editor.document.getText().includes('"generator": "xor"'));
    // The checks apply to the untitled document: break it, see the error, undo.
    const edit = new vscode.WorkspaceEdit();
    const at = offsetOf(editor.document, '"tanh"');
    edit.replace(created, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), '"tahn"');
    await vscode.workspace.applyEdit(edit);
    await waitFor('the diagnostic on the untitled config', () => nnDiagnostics(created).find((d) => d.code === 'unknown-name'));
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic to clear', () => nnDiagnostics(created).length === 0);
    const outcome = await vscode.commands.executeCommand<TrainOutcome | undefined>('nnLab.train');
    assert.equal(outcome?.status, 'completed', JSON.stringify(outcome));
    assert.ok(outcome.lastLoss !== undefined && outcome.firstLoss !== undefined && outcome.lastLoss < outcome.firstLoss);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
