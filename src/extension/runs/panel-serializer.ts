/**
 * Brings training panels back after a window reload: VS Code hands over the panel and the state its
 * webview saved; the state is validated, the config file found again, and the panel re-bound to it.
 */
import * as vscode from 'vscode';
import { TrainingPanel } from '../panel/training-panel';
import type { TrainingController } from '../training/training-controller';
import { parseRestoredState } from '../../protocol/view/restored-state';

/** workspaceState key: URIs of the configs whose panels were open. */
const PANEL_FILES_KEY = 'nnLab.trainingPanelFiles';
/** Remembered configs per workspace. */
const MAX_REMEMBERED = 50;

/** Remembers which config files had training panels, to re-bind restored panels to them. */
export class PanelFiles {
  constructor(private readonly memento: vscode.Memento) {}

  /** Notes that `uri` has a training panel. */
  remember(uri: vscode.Uri): void {
    const files = this.memento.get<string[]>(PANEL_FILES_KEY, []).filter((f) => f !== uri.toString());
    void this.memento.update(PANEL_FILES_KEY, [...files, uri.toString()].slice(-MAX_REMEMBERED));
  }

  /** The config a restored panel of `fileName` belongs to: remembered first (newest), then searched in the workspace. */
  async find(fileName: string): Promise<vscode.Uri | undefined> {
    const remembered = this.memento
      .get<string[]>(PANEL_FILES_KEY, [])
      .map((f) => vscode.Uri.parse(f))
      .reverse();
    const byName = remembered.find((u) => u.path.split('/').pop() === fileName);
    if (byName) return byName;
    const escaped = fileName.replace(/[[\]{}*?!]/g, '?');
    const found = await vscode.workspace.findFiles(`**/${escaped}`, '**/node_modules/**', 1);
    return found[0];
  }
}

/** Registers the serializer of the training panel's view type. */
export function registerPanelSerializer(controller: TrainingController, files: PanelFiles, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(TrainingPanel.viewType, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
      await restoreTrainingPanel(controller, files, log, panel, saved);
    },
  });
}

/** Restores `panel` from `saved`; closes it when the state is unusable or its config is gone. Resolves true when restored. */
export async function restoreTrainingPanel(
  controller: TrainingController,
  files: PanelFiles,
  log: vscode.LogOutputChannel,
  panel: vscode.WebviewPanel,
  saved: unknown,
): Promise<boolean> {
  const state = parseRestoredState(saved);
  if (!state) {
    const what =
      saved === undefined || saved === null
        ? 'nothing was saved'
        : `the saved state is malformed (keys: ${typeof saved === 'object' ? Object.keys(saved).join(', ') : typeof saved})`;
    log.warn(`A training panel could not be restored: ${what}.`);
    panel.dispose();
    return false;
  }
  const uri = await files.find(state.fileName);
  if (!uri) {
    log.warn(`The training panel of ${state.fileName} could not be restored: the file is not in the workspace.`);
    panel.dispose();
    return false;
  }
  controller.restorePanel(panel, uri, state);
  return true;
}
