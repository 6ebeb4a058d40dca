/**
 * "NN Lab: Export as ONNX": writes the last trained run of a config as an ONNX model (`<name>.onnx`
 * beside the config by default), the same graph `nn-lab export <model.json> --to onnx` writes. The
 * file is written under a temporary name and renamed, so a reader never sees half of it; then a
 * notification offers to reveal it.
 */
import * as vscode from 'vscode';
import { parseConfigText } from '../../core/config/parse-json';
import { DEFAULT_ONNX_OPSET, exportOnnx } from '../../core/export/onnx';
import { makeModelFile } from '../../shared/model-file';
import { isModelFile } from '../commands';
import type { TrainingController } from '../training/training-controller';
import { configOf } from './export-model';

/** The command id, as contributed in package.json. */
export const EXPORT_ONNX_COMMAND = 'nnLab.exportOnnx';

/** `xor.nn.json` → `xor.onnx`, in the same folder. */
export function defaultOnnxUri(configUri: vscode.Uri): vscode.Uri {
  const base = configUri.path.split('/').pop() ?? 'model.nn.json';
  return vscode.Uri.joinPath(configUri, '..', base.replace(/\.nn\.json$/i, '') + '.onnx');
}

/** Writes `bytes` to a temporary file beside `target`, then renames it over `target`. */
async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.split('/').pop() ?? 'model.onnx';
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw e;
  }
}

/** Offers to show the written file: in the Explorer view, or (local files) in the system's file manager. */
function offerReveal(target: vscode.Uri, text: string): void {
  const inExplorer = 'Reveal in Explorer';
  const inOs = 'Reveal in File Manager';
  const actions = target.scheme === 'file' ? [inExplorer, inOs] : [inExplorer];
  void vscode.window.showInformationMessage(text, ...actions).then((choice) => {
    if (choice === inExplorer) void vscode.commands.executeCommand('revealInExplorer', target);
    else if (choice === inOs) void vscode.commands.executeCommand('revealFileInOS', target);
  });
}

/**
 * Registers the command: `nnLab.exportOnnx(configUri?, targetUri?)`; without a target a save dialog asks.
 * Resolves with the written file, or undefined when nothing was written.
 */
export function registerExportOnnxCommand(controller: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_ONNX_COMMAND, async (arg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> => {
    const configUri = configOf(arg);
    if (!configUri) {
      void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file that was trained, then run "NN Lab: Export as ONNX".');
      return undefined;
    }
    const trained = controller.trainedModel(configUri);
    if (!trained) {
      void vscode.window.showErrorMessage(`NN Lab: ${configUri.path.split('/').pop()} has no trained model yet. Run "NN Lab: Train Model" first.`);
      return undefined;
    }
    const target = targetArg instanceof vscode.Uri ? targetArg : await vscode.window.showSaveDialog({
      defaultUri: defaultOnnxUri(configUri), filters: { 'ONNX model': ['onnx'] }, saveLabel: 'Export', title: 'Export as ONNX',
    });
    if (!target) return undefined;
    if (target.toString() === configUri.toString() || isModelFile(target)) {
      void vscode.window.showErrorMessage('NN Lab: the ONNX model cannot be written over a model config (*.nn.json). Choose a name like model.onnx.');
      return undefined;
    }
    const file = makeModelFile(parseConfigText(trained.text).value, trained.weights, {
      status: trained.status, epochs: trained.epochs, finalLoss: trained.finalLoss, digest: trained.digest, exportedAt: new Date().toISOString(),
    });
    let bytes: Uint8Array;
    try {
      bytes = exportOnnx(file);
      await writeAtomically(target, bytes);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error(`ONNX export of ${configUri.fsPath} to ${target.fsPath} failed: ${message}`);
      void vscode.window.showErrorMessage(`NN Lab: could not export ${target.path.split('/').pop()} as ONNX: ${message}`);
      return undefined;
    }
    log.info(`Exported the trained model of ${configUri.fsPath} (${trained.epochs} epochs, digest ${trained.digest}) as ONNX opset ${DEFAULT_ONNX_OPSET} to ${target.fsPath}`);
    offerReveal(target, `NN Lab: exported ${target.path.split('/').pop()} (ONNX opset ${DEFAULT_ONNX_OPSET}, input "input", output "output").`);
    return target;
  });
}
