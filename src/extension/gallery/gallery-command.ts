/**
 * The "NN Lab: Show Activation Functions" command: opens (or focuses) the gallery; from a config
 * (a Uri argument, as CodeLens passes, or the active `*.nn.json` editor) it highlights that config's activations.
 */
import * as vscode from 'vscode';
import { activationsInConfig } from '../../protocol/view/config-activations';
import { readConfigUri } from '../files/workspace-access';
import type { GalleryDrawnMessage } from '../../protocol/gallery';
import { GalleryPanel, type GallerySnapshot } from './gallery-panel';
import { isConfigFile } from '../../core/config/file-names';

/** The command id, as contributed in package.json. */
export const SHOW_ACTIVATIONS = 'nnLab.showActivations';

/** The config's text: its open editor's contents (saved or not), else the file on disk; undefined when unreadable. */
async function configText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return await readConfigUri(uri);
  } catch {
    return undefined;
  }
}

/** Registers the command and the gallery's restorer (and closes the gallery when the extension deactivates). */
export function registerGalleryCommand(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const command = vscode.commands.registerCommand(SHOW_ACTIVATIONS, async (arg?: unknown): Promise<void> => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const uri = arg instanceof vscode.Uri ? arg : active && isConfigFile(active.path) ? active : undefined;
    const text = uri ? await configText(uri) : undefined;
    GalleryPanel.show(extensionUri, log, uri && text !== undefined ? { file: uri.fsPath, uses: activationsInConfig(text) } : undefined);
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(GalleryPanel.viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
      GalleryPanel.revive(panel, extensionUri, log);
    },
  });
  return [command, serializer, { dispose: () => GalleryPanel.open?.dispose() }];
}

/** The gallery's part of the extension API (read by the integration tests). */
export interface GalleryApi {
  /** What the open gallery page has reported, or undefined when no gallery is open. */
  gallerySnapshot(): GallerySnapshot | undefined;
  /** Moves a slider of the open gallery and resolves with the card's redraw. */
  gallerySetParam(name: string, param: string, value: number): Promise<GalleryDrawnMessage>;
}

/** The gallery API over whichever gallery panel is open. */
export const galleryApi: GalleryApi = {
  gallerySnapshot: () => GalleryPanel.open?.snapshot(),
  gallerySetParam: (name, param, value) => {
    const open = GalleryPanel.open;
    return open ? open.setParam(name, param, value) : Promise.reject(new Error('no activation gallery is open'));
  },
};
