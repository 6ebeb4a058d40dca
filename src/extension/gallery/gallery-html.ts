/**
 * The activation gallery's HTML: a strict Content Security Policy with a fresh nonce, the
 * script and stylesheet from the extension's `dist/` and `media/` folders, and an empty card list.
 */
import * as vscode from 'vscode';
import { makeNonce } from '../panel/panel-html';

/** Builds the gallery page for `webview`. */
export function galleryHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = makeNonce()): string {
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('media', 'gallery.css')}">
<title>Activation Functions</title>
</head>
<body>
<h1>Activation functions</h1>
<div class="bar">
  <label>Filter <input id="filter" type="search" placeholder="name, formula or words" aria-controls="cards"></label>
  <p class="legend-note">Solid: f(x). Dashed: f′(x). Move a slider (or use the arrow keys on it) to change a parameter.</p>
</div>
<p id="status" role="status" aria-live="polite">Loading…</p>
<main id="cards" aria-label="Activation functions"></main>
<script nonce="${nonce}" src="${asset('dist', 'gallery.js')}"></script>
</body>
</html>`;
}
