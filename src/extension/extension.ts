/**
 * NN Lab's extension entry point: registers the commands and owns the training runs.
 * Activation happens on the commands only (implied by `contributes.commands`).
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { TrainingController } from './training/training-controller';
import type { PanelSnapshot } from './panel/training-panel';

/** What `activate` returns: read-only views for tests and other extensions. */
export interface NnLabApi {
  /** The training panel of a config file, if one is open. */
  panelSnapshot(fileUri: vscode.Uri): PanelSnapshot | undefined;
}

/** Called by VS Code on the first NN Lab command. */
export function activate(context: vscode.ExtensionContext): NnLabApi {
  const log = vscode.window.createOutputChannel('NN Lab', { log: true });
  const controller = new TrainingController(context.extensionUri, log);
  context.subscriptions.push(log, controller, ...registerCommands(controller, log));
  log.info(`NN Lab ${String(context.extension.packageJSON.version)} activated in VS Code ${vscode.version}`);
  return { panelSnapshot: (uri) => controller.panelSnapshot(uri) };
}

/** Nothing to do: the subscriptions stop the workers and close the panels. */
export function deactivate(): void {}
