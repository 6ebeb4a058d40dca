/**
 * Wires everything around the training runs into the extension: the panel serializer, live
 * retraining, "Export Trained Model", "Export as ONNX", the status bar's reveal command, and the API tests use.
 */
import * as vscode from 'vscode';
import type { TrainingController } from '../training/training-controller';
import { TrainingSession } from '../../node/training/training-session';
import { registerExportCommand } from './export-model';
import { registerExportOnnxCommand } from './export-onnx';
import { LiveRetrain } from './live-retrain';
import { PanelFiles, registerPanelSerializer, restoreTrainingPanel } from './panel-serializer';
import { REVEAL_PANEL_COMMAND } from '../training/status-bar';

/** Views of the runs for tests (part of `NnLabApi`). */
export interface RunsApi {
  /** The status-bar item's text while something trains, else undefined. */
  statusBarText(): string | undefined;
  /** Configs training now. */
  activeRuns(): number;
  /** Runs restarted by edits so far. */
  liveRestarts(): number;
  /** Training workers alive now (0 once every run has ended: no orphans). */
  liveWorkers(): number;
  /** Closes a config's training panel, as a person would. */
  closePanel(fileUri: vscode.Uri): boolean;
  /** Kills a config's training worker as a crash would (fault tests). */
  killWorker(fileUri: vscode.Uri): boolean;
  /** Restores a training panel from a state its webview saved, as the serializer does after a reload. */
  restoreTrainingPanel(panel: vscode.WebviewPanel, savedState: unknown): Promise<boolean>;
}

/** Registers the run features; returns their disposables and API. */
export function registerRuns(
  context: vscode.ExtensionContext,
  controller: TrainingController,
  log: vscode.LogOutputChannel,
): { disposables: vscode.Disposable[]; api: RunsApi } {
  const files = new PanelFiles(context.workspaceState);
  controller.onPanelOpened = (uri) => files.remember(uri);
  const live = new LiveRetrain(controller, log);
  const disposables = [
    registerPanelSerializer(controller, files, log),
    live,
    registerExportCommand(controller, log),
    registerExportOnnxCommand(controller, log),
    vscode.commands.registerCommand(REVEAL_PANEL_COMMAND, (uri?: unknown) => uri instanceof vscode.Uri && controller.revealPanel(uri)),
  ];
  const api: RunsApi = {
    statusBarText: () => controller.statusBarText,
    activeRuns: () => controller.activeRuns,
    liveRestarts: () => live.restarts,
    liveWorkers: () => TrainingSession.liveWorkers,
    closePanel: (uri) => controller.closePanel(uri),
    killWorker: (uri) => controller.killWorker(uri),
    restoreTrainingPanel: (panel, saved) => restoreTrainingPanel(controller, files, log, panel, saved),
  };
  return { disposables, api };
}
