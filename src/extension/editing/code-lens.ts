/**
 * CodeLens at the top of a config: "▶ Train", "Compare optimizers", "Plot activations"; and
 * "▶ Run sweep" on the key of a top-level `"sweep"` block.
 */
import * as vscode from 'vscode';
import { findNodeAtLocation } from 'jsonc-parser';
import { treeOf } from '../../core/editing/json-locations';
import { isConfigDocument } from './config-documents';

/** Command ids the lenses run (agreed across the team; some are registered by other parts of NN Lab). */
export const LENS_COMMANDS = {
  train: 'nnLab.train',
  compare: 'nnLab.compareOptimizers',
  activations: 'nnLab.showActivations',
  sweep: 'nnLab.runSweep',
} as const;

/** The range of the key of the top-level `"sweep"` property, if the text has one. */
export function sweepKeyRange(doc: vscode.TextDocument): vscode.Range | undefined {
  const text = doc.getText();
  if (!text.includes('"sweep"')) return undefined; // most configs: no parse needed
  const root = treeOf(text);
  const key = root ? findNodeAtLocation(root, ['sweep'])?.parent?.children?.[0] : undefined;
  return key ? new vscode.Range(doc.positionAt(key.offset), doc.positionAt(key.offset + key.length)) : undefined;
}

/** The lenses of a config document: on its first line, and on its `sweep` key. */
export class ConfigCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isConfigDocument(doc)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [doc.uri];
    const sweep = sweepKeyRange(doc);
    const sweepLens = sweep
      ? [
          new vscode.CodeLens(sweep, {
            title: '▶ Run sweep',
            tooltip: 'Train every combination of this sweep and compare them',
            command: LENS_COMMANDS.sweep,
            arguments: args,
          }),
        ]
      : [];
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
      ...sweepLens,
    ];
  }
}
