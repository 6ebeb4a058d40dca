/**
 * The optimizer comparison page: a chart, a results table and a Stop button, in the shared
 * webview frame (strict CSP with a fresh nonce, assets from `dist/`).
 */
import * as vscode from 'vscode';
import { escapeHtml, makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';

/** Builds the comparison page for `webview`; `fileName` names the config compared. */
export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
  const name = escapeHtml(fileName);
  return webviewPage(webview, extensionUri, {
    title: 'Compare optimizers',
    ...PAGE_ASSETS.compare,
    nonce,
    body: `
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
`,
  });
}
