/**
 * The extension's side of the data path policy and file access: the workspace folder a config's
 * data must stay in, VS Code's Restricted Mode, the `nnLab.allowDataOutsideWorkspace` setting,
 * and reading a config that is not open in an editor without blocking (local files through the
 * safe reader; other schemes through VS Code's file system).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { DataAccess } from '../../node/files/path-policy';
import { readTextFile } from '../../node/files/read-file';

/** The setting that lets trusted workspaces read data files outside the workspace folder. */
export const ALLOW_OUTSIDE_SETTING = 'allowDataOutsideWorkspace';

/** Where `configUri`'s data files may come from: its workspace folder (else the config's own folder). */
export function dataAccessFor(configUri: vscode.Uri, configDir: string): DataAccess {
  const folder =
    (configUri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(configUri) : undefined) ??
    (configUri.scheme === 'file' ? undefined : vscode.workspace.workspaceFolders?.[0]);
  const root = folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : configDir;
  const restricted = !vscode.workspace.isTrusted;
  // The setting is machine-scoped (user settings only) and restricted: a workspace cannot turn it on.
  const allowOutside = !restricted && vscode.workspace.getConfiguration('nnLab').get<boolean>(ALLOW_OUTSIDE_SETTING, false) === true;
  return { root: path.resolve(root), allowOutside, restricted, scope: 'workspace' };
}

/** A config's text from disk: through the safe reader for local files (regular files, 5 MB), else VS Code's file system. */
export async function readConfigUri(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'file') return (await readTextFile(uri.fsPath, 'config', path.basename(uri.fsPath))).text;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
