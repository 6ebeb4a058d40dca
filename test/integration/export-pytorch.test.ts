/**
 * "NN Lab: Export as PyTorch Script" writes the script and its data file where it is told,
 * and writes nothing for a description with errors.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateNnLab, EXAMPLE, workspaceDir, writeWorkspaceFile } from './helpers';

describe('export as PyTorch script', () => {
  it('writes the script and its data file beside it', async () => {
    await activateNnLab();
    const source = vscode.Uri.file(path.join(workspaceDir(), EXAMPLE));
    const target = vscode.Uri.file(path.join(workspaceDir(), 'exported', 'xor_train.py'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnLab.exportPytorch', source, target);
    assert.equal(written?.fsPath, target.fsPath);
    const script = readFileSync(target.fsPath, 'utf8');
    assert.match(script, /^#!\/usr\/bin\/env python3/);
    assert.match(script, /class NNLabRng/);
    assert.match(script, /DATA_FILE = "xor_train_data\.json"/);
    const data = JSON.parse(readFileSync(path.join(workspaceDir(), 'exported', 'xor_train_data.json'), 'utf8'));
    assert.equal(data.format, 'nn-lab-data');
    assert.equal(data.x.length, data.n);
  });

  it('writes nothing for a description with errors', async () => {
    await activateNnLab();
    const bad = writeWorkspaceFile('broken-export.nn.json', { data: { generator: 'xor' }, layers: [{ units: 0 }] });
    const target = vscode.Uri.file(path.join(workspaceDir(), 'broken_export.py'));
    assert.equal(await vscode.commands.executeCommand('nnLab.exportPytorch', bad, target), undefined);
    assert.ok(!existsSync(target.fsPath));
  });
});
