/**
 * NN Lab's extension entry point: registers the commands and owns the training runs.
 * Activation: on the commands (implied by `contributes.commands`) and on opening JSON (`onLanguage:json`), for the
 * diagnostics, CodeLens and hovers of `*.nn.json` files; non-config JSON documents are skipped cheaply.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { TrainingController } from './training/training-controller';
import { registerRuns, type RunsApi } from './runs/register-runs';
import { registerEditing } from './editing/register-editing';
import { registerNewConfigCommand } from './templates/new-config-command';
import type { PanelSnapshot } from './panel/training-panel';
import { galleryApi, registerGalleryCommand, type GalleryApi } from './gallery/gallery-command';
import { compareApi, registerCompareCommand, type CompareApi } from './compare/compare-command';
import { registerExportPytorchCommand } from './export/export-pytorch-command';
import { registerSweepCommand, sweepApi, type SweepApi } from './sweep/sweep-command';

/** What `activate` returns: read-only views for tests and other extensions. */
export interface NnLabApi extends GalleryApi, CompareApi, SweepApi, RunsApi {
  /** The training panel of a config file, if one is open. */
  panelSnapshot(fileUri: vscode.Uri): PanelSnapshot | undefined;
}

/** Called by VS Code on the first NN Lab command. */
export function activate(context: vscode.ExtensionContext): NnLabApi {
  const log = vscode.window.createOutputChannel('NN Lab', { log: true });
  const controller = new TrainingController(context.extensionUri, log);
  context.subscriptions.push(log, controller, ...registerCommands(controller, log));
  const runs = registerRuns(context, controller, log);
  context.subscriptions.push(...runs.disposables);
  context.subscriptions.push(...registerGalleryCommand(context.extensionUri, log), ...registerCompareCommand(context.extensionUri, log));
  context.subscriptions.push(...registerSweepCommand(context.extensionUri, log));
  context.subscriptions.push(...registerEditing(), registerNewConfigCommand(), registerExportPytorchCommand(log));
  log.info(`NN Lab ${String(context.extension.packageJSON.version)} activated in VS Code ${vscode.version}`);
  return { panelSnapshot: (uri) => controller.panelSnapshot(uri), ...galleryApi, ...compareApi, ...sweepApi, ...runs.api };
}

/** Nothing to do: the subscriptions stop the workers and close the panels. */
export function deactivate(): void {}
