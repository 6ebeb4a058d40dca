/**
 * The one way a trained run leaves VS Code in a chosen format ("Export Trained Model", "Export as ONNX"):
 * the config (a URI argument or the active `*.nn.json`), its last trained run, the target (argument or
 * save dialog; never a `*.nn.json`), the bytes written atomically (temporary file renamed into place),
 * a clear message when it fails, and a notification that offers to open or reveal the written file.
 */
import * as vscode from 'vscode';
import { parseConfigText } from '../../core/config/parse-json';
import { makeModelFile, type ModelFile } from '../../core/model/model-file';
import { WriteError } from '../../node/files/atomic-write';
import { saveBytesTo } from '../files/save-file';
import type { TrainingController } from '../training/training-controller';
import { isConfigFile } from '../../core/config/file-names';

/** One export format. */
export interface TrainedExportFormat {
  /** The command's title, e.g. "Export as ONNX". */
  title: string;
  /** The file's extension with its dot, e.g. `.onnx` (also the default name: `xor.nn.json` → `xor.onnx`). */
  extension: string;
  /** The save dialog's filter. */
  filter: Record<string, string[]>;
  /** What the format is called in messages, e.g. "the ONNX model". */
  noun: string;
  /** The file's bytes for the model file of the last run (throws with a one-line message when it cannot). */
  encode(model: ModelFile): Uint8Array;
  /** Extra words for the log and the notification, e.g. "ONNX opset 17". */
  detail?: string;
  /** Offer "Open" (text formats) besides "Reveal". */
  openable: boolean;
}

/** The config to export: a URI argument, or the active `*.nn.json` editor. */
export function configOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && isConfigFile(active.path) ? active : undefined;
}

/** `xor.nn.json` → `xor<extension>`, in the same folder. */
export function defaultTargetUri(configUri: vscode.Uri, extension: string): vscode.Uri {
  const base = configUri.path.split('/').pop() ?? 'model.nn.json';
  return vscode.Uri.joinPath(configUri, '..', base.replace(/\.nn\.json$/i, '') + extension);
}

/** Offers to show the written file: open it (text formats), in the Explorer view, or (local files) in the file manager. */
export function offerToShow(target: vscode.Uri, text: string, openable: boolean): void {
  const open = 'Open';
  const inExplorer = 'Reveal in Explorer';
  const inOs = 'Reveal in File Manager';
  const actions = [...(openable ? [open] : []), inExplorer, ...(target.scheme === 'file' ? [inOs] : [])];
  void vscode.window.showInformationMessage(text, ...actions).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(target);
    else if (choice === inExplorer) void vscode.commands.executeCommand('revealInExplorer', target);
    else if (choice === inOs) void vscode.commands.executeCommand('revealFileInOS', target);
  });
}

/** Runs one export of `arg`'s last trained run to `targetArg` (or where the save dialog says); resolves with the written file. */
export async function exportTrained(
  controller: TrainingController,
  log: vscode.LogOutputChannel,
  format: TrainedExportFormat,
  arg?: unknown,
  targetArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const configUri = configOf(arg);
  if (!configUri) {
    void vscode.window.showErrorMessage(`NN Lab: open a *.nn.json model file that was trained, then run "NN Lab: ${format.title}".`);
    return undefined;
  }
  const trained = controller.trainedModel(configUri);
  if (!trained) {
    void vscode.window.showErrorMessage(`NN Lab: ${configUri.path.split('/').pop()} has no trained model yet. Run "NN Lab: Train Model" first.`);
    return undefined;
  }
  const target =
    targetArg instanceof vscode.Uri
      ? targetArg
      : await vscode.window.showSaveDialog({
          defaultUri: defaultTargetUri(configUri, format.extension),
          filters: format.filter,
          saveLabel: 'Export',
          title: format.title,
        });
  if (!target) return undefined;
  if (target.toString() === configUri.toString() || isConfigFile(target.path)) {
    void vscode.window.showErrorMessage(
      `NN Lab: ${format.noun} cannot be written over a model config (*.nn.json). Choose a name like model${format.extension}.`,
    );
    return undefined;
  }
  const name = target.path.split('/').pop() ?? '';
  try {
    const model = makeModelFile(parseConfigText(trained.text).value, trained.weights, {
      status: trained.status,
      epochs: trained.epochs,
      finalLoss: trained.finalLoss,
      digest: trained.digest,
      exportedAt: new Date().toISOString(),
    });
    await saveBytesTo(target, format.encode(model));
  } catch (e) {
    log.error(`Export of ${configUri.fsPath} to ${target.fsPath} failed: ${String(e)}`);
    void vscode.window.showErrorMessage(
      `NN Lab: ${e instanceof WriteError ? e.message : `could not export ${name}: ${e instanceof Error ? e.message : String(e)}`}`,
    );
    return undefined;
  }
  const detail = format.detail ? ` (${format.detail})` : '';
  log.info(
    `Exported the trained model of ${configUri.fsPath} (${trained.epochs} epochs, digest ${trained.digest}) as ${format.noun}${detail} to ${target.fsPath}`,
  );
  offerToShow(target, `NN Lab: exported ${name}${detail}.`, format.openable);
  return target;
}
