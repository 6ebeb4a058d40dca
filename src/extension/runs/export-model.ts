/**
 * "NN Lab: Export Trained Model": writes the config and the weights of its last run to a JSON file
 * (`<name>.model.json` beside the config by default) that `nn-lab predict` and `nn-lab train` load.
 * It never overwrites the config itself (nor any other `*.nn.json`).
 */
import * as vscode from 'vscode';
import { parseConfigText } from '../../core/config/parse-json';
import { makeModelFile } from '../../shared/model-file';
import { isModelFile } from '../commands';
import { WriteError } from '../files/atomic-write';
import { saveBytesTo } from '../files/save-file';
import type { TrainingController } from '../training/training-controller';

/** The command id, as contributed in package.json. */
export const EXPORT_COMMAND = 'nnLab.exportModel';

/** `xor.nn.json` → `xor.model.json`, in the same folder. */
export function defaultExportUri(configUri: vscode.Uri): vscode.Uri {
  const base = configUri.path.split('/').pop() ?? 'model.nn.json';
  return vscode.Uri.joinPath(configUri, '..', base.replace(/\.nn\.json$/i, '') + '.model.json');
}

/** The config to export: a URI argument, or the active `*.nn.json` editor. */
export function configOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && isModelFile(active) ? active : undefined;
}

/**
 * Registers the command: `nnLab.exportModel(configUri?, targetUri?)`; without a target a save dialog asks.
 * Resolves with the written file, or undefined when nothing was written.
 */
export function registerExportCommand(controller: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, async (arg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> => {
    const configUri = configOf(arg);
    if (!configUri) {
      void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file that was trained, then run "NN Lab: Export Trained Model".');
      return undefined;
    }
    const trained = controller.trainedModel(configUri);
    if (!trained) {
      void vscode.window.showErrorMessage(`NN Lab: ${configUri.path.split('/').pop()} has no trained model yet. Run "NN Lab: Train Model" first.`);
      return undefined;
    }
    const target = targetArg instanceof vscode.Uri ? targetArg : await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(configUri), filters: { 'NN Lab model': ['json'] }, saveLabel: 'Export', title: 'Export Trained Model',
    });
    if (!target) return undefined;
    if (target.toString() === configUri.toString() || isModelFile(target)) {
      void vscode.window.showErrorMessage('NN Lab: the trained model cannot be written over a model config (*.nn.json). Choose a name like model.model.json.');
      return undefined;
    }
    const config = parseConfigText(trained.text).value;
    const file = makeModelFile(config, trained.weights, {
      status: trained.status, epochs: trained.epochs, finalLoss: trained.finalLoss, digest: trained.digest, exportedAt: new Date().toISOString(),
    });
    try {
      await saveBytesTo(target, new TextEncoder().encode(JSON.stringify(file, null, 1) + '\n'));
    } catch (e) {
      log.error(`Export to ${target.fsPath} failed: ${String(e)}`);
      void vscode.window.showErrorMessage(`NN Lab: ${e instanceof WriteError ? e.message : `could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`}`);
      return undefined;
    }
    log.info(`Exported the trained model of ${configUri.fsPath} (${trained.epochs} epochs, digest ${trained.digest}) to ${target.fsPath}`);
    vscode.window.setStatusBarMessage(`NN Lab: model exported to ${target.path.split('/').pop()}`, 5000);
    return target;
  });
}
