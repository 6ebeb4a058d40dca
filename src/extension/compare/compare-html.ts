/**
 * The optimizer comparison page: its markup (webview/compare/markup.ts) in the shared
 * webview frame (strict CSP with a fresh nonce, assets from `dist/`).
 */
import * as vscode from 'vscode';
import { escapeHtml, makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';
import { compareMarkup } from '../../../webview/compare/markup';

/** Builds the comparison page for `webview`; `fileName` names the config compared. */
export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
  const name = escapeHtml(fileName);
  return webviewPage(webview, extensionUri, {
    title: 'Compare optimizers',
    ...PAGE_ASSETS.compare,
    nonce,
    body: compareMarkup(name),
  });
}
