/**
 * The sweep page: its markup (webview/sweep/markup.ts) in the shared webview frame (strict CSP with a
 * fresh nonce, assets from `dist/`).
 */
import * as vscode from 'vscode';
import { escapeHtml, makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';
import { sweepMarkup } from '../../../webview/sweep/markup';

/** Builds the sweep page for `webview`; `fileName` names the swept config. */
export function sweepHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
  return webviewPage(webview, extensionUri, { title: 'Sweep', ...PAGE_ASSETS.sweep, nonce, body: sweepMarkup(escapeHtml(fileName)) });
}
