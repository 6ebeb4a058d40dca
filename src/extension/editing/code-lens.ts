/**
 * CodeLens at the top of a config: "▶ Train", "Compare optimizers", "Plot activations".
 */
import * as vscode from 'vscode';
import { isConfigDocument } from './config-documents';

/** Command ids the lenses run (agreed across the team; some are registered by other parts of NN Lab). */
export const LENS_COMMANDS = {
  train: 'nnLab.train',
  compare: 'nnLab.compareOptimizers',
  activations: 'nnLab.showActivations',
} as const;

/** The lenses of a config document, all on its first line. */
export class ConfigCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isConfigDocument(doc)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [doc.uri];
    return [
      new vscode.CodeLens(top, { title: '▶ Train', tooltip: 'Train this model and watch the loss curve', command: LENS_COMMANDS.train, arguments: args }),
      new vscode.CodeLens(top, {
        title: 'Compare optimizers',
        tooltip: 'Train this model with several optimizers side by side',
        command: LENS_COMMANDS.compare,
        arguments: args,
      }),
      new vscode.CodeLens(top, {
        title: 'Plot activations',
        tooltip: 'Plot the activation functions this model uses',
        command: LENS_COMMANDS.activations,
        arguments: args,
      }),
    ];
  }
}
