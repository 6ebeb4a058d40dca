/**
 * The "NN Lab: Train Model" and "NN Lab: Stop Training" commands.
 */
import * as vscode from 'vscode';
import type { TrainingController, TrainOutcome } from './training/training-controller';
import { readConfigUri } from './files/workspace-access';
import { isConfigFile } from '../core/config/file-names';

/** Command ids, as contributed in package.json. */
export const COMMANDS = { train: 'nnLab.train', stop: 'nnLab.stop' } as const;

/** The config to train: a URI argument (explorer / editor title menus) or the active editor's file. */
function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && isConfigFile(active.path) ? active : undefined;
}

/** The text to train: the open editor's contents (saved or not), else the file on disk. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return readConfigUri(uri);
}

/** Registers the commands; the train command resolves with how the run ended (undefined when nothing was trained). */
export function registerCommands(controller: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.train, async (arg?: unknown): Promise<TrainOutcome | undefined> => {
      const uri = targetOf(arg);
      if (!uri) {
        void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file, then run "NN Lab: Train Model".');
        return undefined;
      }
      let text: string;
      try {
        text = await textOf(uri);
      } catch (e) {
        log.error(`Cannot read ${uri.toString()}: ${String(e)}`);
        void vscode.window.showErrorMessage(`NN Lab: cannot read ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
      return controller.train(uri, text);
    }),
    vscode.commands.registerCommand(COMMANDS.stop, (arg?: unknown): number => {
      const stopped = controller.stop(arg instanceof vscode.Uri ? arg : undefined);
      if (stopped === 0) vscode.window.setStatusBarMessage('NN Lab: nothing is training', 3000);
      return stopped;
    }),
  ];
}
