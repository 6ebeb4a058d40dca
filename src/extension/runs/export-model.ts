/**
 * "NN Lab: Export Trained Model": writes the config and the weights of its last run to a JSON file
 * (`<name>.model.json` beside the config by default) that `nn-lab predict` and `nn-lab train` load.
 * It never overwrites the config itself (nor any other `*.nn.json`).
 */
import * as vscode from 'vscode';
import type { TrainingController } from '../training/training-controller';
import { configOf, defaultTargetUri, exportTrained, type TrainedExportFormat } from './export-trained';

/** The command id, as contributed in package.json. */
export const EXPORT_COMMAND = 'nnLab.exportModel';

/** `xor.nn.json` → `xor.model.json`, in the same folder. */
export function defaultExportUri(configUri: vscode.Uri): vscode.Uri {
  return defaultTargetUri(configUri, '.model.json');
}

export { configOf };

/** The NN Lab model file: the config and the weights, as JSON. */
const MODEL_JSON: TrainedExportFormat = {
  title: 'Export Trained Model',
  extension: '.model.json',
  filter: { 'NN Lab model': ['json'] },
  noun: 'the trained model',
  openable: true,
  encode: (model) => new TextEncoder().encode(JSON.stringify(model, null, 1) + '\n'),
};

/**
 * Registers the command: `nnLab.exportModel(configUri?, targetUri?)`; without a target a save dialog asks.
 * Resolves with the written file, or undefined when nothing was written.
 */
export function registerExportCommand(controller: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, (arg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> =>
    exportTrained(controller, log, MODEL_JSON, arg, targetArg),
  );
}
