/**
 * The activation gallery's page: a filter and an empty card list the script fills in, in the
 * shared webview frame (strict CSP with a fresh nonce, assets from `dist/`).
 */
import * as vscode from 'vscode';
import { makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';

/** Builds the gallery page for `webview`. */
export function galleryHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = makeNonce()): string {
  return webviewPage(webview, extensionUri, {
    title: 'Activation Functions',
    ...PAGE_ASSETS.gallery,
    nonce,
    body: `
<h1>Activation functions</h1>
<div class="bar">
  <label>Filter <input id="filter" type="search" placeholder="name, formula or words" aria-controls="cards"></label>
  <p class="legend-note">Solid: f(x). Dashed: f′(x). Move a slider (or use the arrow keys on it) to change a parameter.</p>
</div>
<p id="status" role="status" aria-live="polite">Loading…</p>
<main id="cards" aria-label="Activation functions"></main>
`,
  });
}
