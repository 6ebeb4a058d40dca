/**
 * "NN Lab: Export as PyTorch Script": writes a self-contained PyTorch training script for the
 * active (or given) `*.nn.json` description or exported model file, plus the data file it reads,
 * where the save dialog says; then offers to open the script.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatPath } from '../../core/problems';
import { exportPytorch } from '../../core/export/pytorch';
import { dataSourceRegistry } from '../../core/data/sources/registry';
import { prepareExportSource } from '../../core/export/export-source';

/** The command id, as contributed in package.json. */
export const EXPORT_PYTORCH_COMMAND = 'nnLab.exportPytorch';

/** `xor.nn.json` / `xor.model.json` → `xor.py` in the same folder (a valid Python module name). */
export function defaultScriptUri(configUri: vscode.Uri): vscode.Uri {
  const base = (configUri.path.split('/').pop() ?? 'model.nn.json').replace(/(\.nn|\.model)?\.json$/i, '') || 'train';
  return vscode.Uri.joinPath(configUri, '..', base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') + '.py');
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
      source = prepareExportSource(await textOf(uri), (relative) => readFileSync(path.resolve(configDir, relative), 'utf8'));
    } catch (e) {
      void vscode.window.showErrorMessage(`NN Lab: cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    if (!('config' in source)) {
      const first = 'error' in source ? source.error : source.problems.filter((p) => p.severity === 'error').map((p) => `${formatPath(p.path)}: ${p.message}`)[0];
      void vscode.window.showErrorMessage(`NN Lab: ${name} cannot be exported: ${first ?? 'it is not a valid model description'}`);
      return undefined;
    }
    const target = targetArg instanceof vscode.Uri ? targetArg : await vscode.window.showSaveDialog({
      defaultUri: defaultScriptUri(uri), filters: { Python: ['py'] }, saveLabel: 'Export', title: 'Export as PyTorch Script',
    });
    if (!target) return undefined;
    if (!/\.py$/i.test(target.path)) {
      void vscode.window.showErrorMessage('NN Lab: the PyTorch script needs a name ending in .py.');
      return undefined;
    }
    const scriptName = target.path.split('/').pop() ?? 'train.py';
    try {
      const { config, data, dataConfig, saved } = source;
      const pathFromScript = (file: string): string => {
        const relative = path.relative(path.dirname(target.fsPath), path.resolve(configDir, file));
        return path.isAbsolute(relative) ? relative : relative.split(path.sep).join('/');
      };
      const readFile = (file: string): string => readFileSync(path.resolve(configDir, file), 'utf8');
      const form = dataSourceRegistry.of(dataConfig).scriptData?.(dataConfig, { data, readFile, pathFromScript });
      const result = exportPytorch({ config, data, scriptName, source: form, startWeights: saved?.weights, sourceName: name });
      for (const f of result.files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, '..', f.name), new TextEncoder().encode(f.text));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.script));
      const extra = result.files.map((f) => f.name);
      log.info(`Exported ${uri.fsPath} as a PyTorch script to ${target.fsPath}${extra.length ? ` (+ ${extra.join(', ')})` : ''}`);
      void vscode.window
        .showInformationMessage(`NN Lab: wrote ${scriptName}${extra.length ? ` and ${extra.join(', ')}` : ''}. Run it with: python3 ${scriptName} --dtype float64`, 'Open Script')
        .then((choice) => (choice === 'Open Script' ? vscode.window.showTextDocument(target) : undefined));
      return target;
    } catch (e) {
      log.error(`PyTorch export of ${uri.fsPath} to ${target.fsPath} failed: ${String(e)}`);
      void vscode.window.showErrorMessage(`NN Lab: could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  });
}
