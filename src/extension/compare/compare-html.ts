/**
 * The optimizer comparison page: a strict Content Security Policy with a fresh nonce, the script
 * and stylesheet from the extension's `dist/` and `media/` folders, a chart, a table and a Stop button.
 */
import * as vscode from 'vscode';
import { escapeHtml, makeNonce } from '../panel/panel-html';

/** Builds the comparison page for `webview`; `fileName` names the config compared. */
export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const name = escapeHtml(fileName);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('media', 'compare.css')}">
<title>Compare optimizers</title>
</head>
<body>
<header class="bar">
  <h1 id="title">Optimizers on <span class="file">${name}</span></h1>
  <label class="toggle"><input id="log-scale" type="checkbox"> Log scale</label>
  <button id="stop" type="button">Stop</button>
</header>
<p id="status" role="status" aria-live="polite">Starting…</p>
<figure class="chart">
  <div class="chart-box"><canvas id="compare-chart" role="img" aria-label="Training loss per epoch, one line per optimizer" aria-describedby="results-caption"></canvas></div>
</figure>
<table id="results">
  <caption id="results-caption">Final training loss, best first</caption>
  <thead><tr><th scope="col">#</th><th scope="col">Optimizer</th><th scope="col">Settings</th><th scope="col">Final loss</th><th scope="col">Epochs</th><th scope="col">Status</th></tr></thead>
  <tbody></tbody>
</table>
<script nonce="${nonce}" src="${asset('dist', 'compare.js')}"></script>
</body>
</html>`;
}
