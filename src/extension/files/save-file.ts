/**
 * Saving bytes where the user chose in VS Code: local files through `writeFileAtomic`, other
 * schemes (remote or virtual workspaces) through VS Code's file system.
 */
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../node/files/atomic-write';

/** Writes `bytes` to `target`; throws an error with a one-line message. */
export async function saveBytesTo(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (target.scheme === 'file') writeFileAtomic(target.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(target, bytes);
}
