/**
 * "NN Lab: Export as PyTorch Script": writes a self-contained PyTorch training script for the
 * active (or given) `*.nn.json` description or exported model file, plus the data file it reads,
 * where the save dialog says; then offers to open the script. Reads and generates through the export
 * path the CLI uses (src/node/export: path policy, size caps, CSV and IDX data, model files).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { formatPath } from '../../core/problems';
import { defaultExportPath, pytorchExportFiles, readExportSource } from '../../node/export/export-files';
import { dataAccessFor } from '../files/workspace-access';

/** The command id, as contributed in package.json. */
export const EXPORT_PYTORCH_COMMAND = 'nnLab.exportPytorch';

/** `xor.nn.json` / `xor.model.json` → `xor.py` in the same folder (a valid Python module name). */
export function defaultScriptUri(configUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(configUri, '..', path.posix.basename(defaultExportPath(configUri.path, 'pytorch')));
}

/** The file to export: a URI argument or the active editor's JSON file. */
function sourceOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  return active && /\.json$/i.test(active.uri.path) ? active.uri : undefined;
}

/** The file's text: the open editor's (with unsaved edits) or the file's. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Registers `nnLab.exportPytorch(sourceUri?, targetUri?)`; without a target a save dialog asks.
 * Resolves with the written script, or undefined when nothing was written.
 */
export function registerExportPytorchCommand(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_PYTORCH_COMMAND, async (arg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = sourceOf(arg);
    if (!uri) {
      void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file (or an exported *.model.json), then run "NN Lab: Export as PyTorch Script".');
      return undefined;
    }
    const name = uri.path.split('/').pop() ?? uri.path;
    const configDir = path.dirname(uri.fsPath);
    let source;
    try {
      source = readExportSource(uri.fsPath, await textOf(uri), dataAccessFor(uri, configDir));
    } catch (e) {
      void vscode.window.showErrorMessage(`NN Lab: cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    if (!('config' in source)) {
      const first =
        'error' in source ? source.error : source.problems.filter((p) => p.severity === 'error').map((p) => `${formatPath(p.path)}: ${p.message}`)[0];
      void vscode.window.showErrorMessage(`NN Lab: ${name} cannot be exported: ${first ?? 'it is not a valid model description'}`);
      return undefined;
    }
    const target =
      targetArg instanceof vscode.Uri
        ? targetArg
        : await vscode.window.showSaveDialog({
            defaultUri: defaultScriptUri(uri),
            filters: { Python: ['py'] },
            saveLabel: 'Export',
            title: 'Export as PyTorch Script',
          });
    if (!target) return undefined;
    if (!/\.py$/i.test(target.path)) {
      void vscode.window.showErrorMessage('NN Lab: the PyTorch script needs a name ending in .py.');
      return undefined;
    }
    const scriptName = target.path.split('/').pop() ?? 'train.py';
    try {
      const files = pytorchExportFiles(source, uri.fsPath, target.fsPath);
      for (const f of files) {
        const dest = f.path === target.fsPath ? target : vscode.Uri.joinPath(target, '..', path.basename(f.path));
        await vscode.workspace.fs.writeFile(dest, typeof f.text === 'string' ? new TextEncoder().encode(f.text) : f.text);
      }
      const extra = files.slice(0, -1).map((f) => path.basename(f.path));
      log.info(`Exported ${uri.fsPath} as a PyTorch script to ${target.fsPath}${extra.length ? ` (+ ${extra.join(', ')})` : ''}`);
      void vscode.window
        .showInformationMessage(
          `NN Lab: wrote ${scriptName}${extra.length ? ` and ${extra.join(', ')}` : ''}. Run it with: python3 ${scriptName} --dtype float64`,
          'Open Script',
        )
        .then((choice) => (choice === 'Open Script' ? vscode.window.showTextDocument(target) : undefined));
      return target;
    } catch (e) {
      log.error(`PyTorch export of ${uri.fsPath} to ${target.fsPath} failed: ${String(e)}`);
      void vscode.window.showErrorMessage(`NN Lab: could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  });
}
