/**
 * Helpers of the integration tests (they run inside VS Code's extension host).
 */
import { writeFileSync, mkdirSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NnLabApi } from '../../src/extension/extension';

/** The extension's id as in package.json (`publisher.name`). */
export const EXTENSION_ID = 'nn-lab.nn-lab';

/** The example trained by the tests: small, fast, and its loss falls. */
export const EXAMPLE = 'xor.nn.json';

/** The workspace folder the runner opened (a temporary copy of examples/). */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

/** Activates NN Lab (rejects if activation throws) and returns its API. */
export async function activateNnLab(): Promise<NnLabApi> {
  const ext = vscode.extensions.getExtension<NnLabApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** Writes a JSON (or text) file into the workspace and returns its URI. */
export function writeWorkspaceFile(relativePath: string, content: unknown): vscode.Uri {
  const file = path.join(workspaceDir(), relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return vscode.Uri.file(file);
}

/** Polls `probe` every 50 ms until it returns a value other than undefined/false; rejects after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a file in an editor, making it the active one. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}
