/**
 * The training panel's page: its markup (webview/panel/markup.ts) in the shared webview frame (strict CSP with a fresh nonce, assets from
 * `dist/`). The toolkit's probe for :focus-visible needs a style nonce.
 */
import * as vscode from 'vscode';
import { escapeHtml, makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';
import { panelMarkup } from '../../../webview/panel/markup';

/** Builds the page for `webview`; `fileName` names the config being trained. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
  const name = escapeHtml(fileName);
  return webviewPage(webview, extensionUri, {
    title: `Training ${name}`,
    ...PAGE_ASSETS.training,
    nonce,
    styleNonce: makeNonce(),
    body: panelMarkup(name),
  });
}
