/**
 * The panel's "Export CSV…" / "PNG…" buttons: the webview sends the data, the host asks where to
 * save it (beside the config by default) and writes it.
 */
import * as vscode from 'vscode';
import type { SaveMessage } from '../../protocol/panel';
import { WriteError } from '../../node/files/atomic-write';
import { saveBytesTo } from '../files/save-file';

/** The bytes to write for a validated `save` message: CSV text as UTF-8, a PNG data URL decoded. */
export function saveBytes(message: SaveMessage): Uint8Array {
  return message.format === 'csv' ? new TextEncoder().encode(message.data) : Buffer.from(message.data.slice(message.data.indexOf(',') + 1), 'base64');
}

/** Shows a save dialog next to `configUri` and writes the data there; errors go to the log and a notification. */
export async function saveFromPanel(configUri: vscode.Uri, message: SaveMessage, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  const defaultUri = vscode.Uri.joinPath(configUri, '..', message.suggestedName);
  const filters: Record<string, string[]> = message.format === 'csv' ? { CSV: ['csv'] } : { 'PNG image': ['png'] };
  const target = await vscode.window.showSaveDialog({ defaultUri, filters, saveLabel: 'Save' });
  if (!target) return undefined;
  try {
    await saveBytesTo(target, saveBytes(message));
    log.info(`Saved ${message.format.toUpperCase()} to ${target.fsPath}`);
    return target;
  } catch (e) {
    log.error(`Could not save ${target.fsPath}: ${String(e)}`);
    void vscode.window.showErrorMessage(
      `NN Lab: ${e instanceof WriteError ? e.message : `could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`}`,
    );
    return undefined;
  }
}
