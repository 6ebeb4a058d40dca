/**
 * The training panel's HTML: a strict Content Security Policy with a fresh nonce, scripts and
 * styles only from the extension's `dist/` and `media/` folders, and a layout the webview script fills in.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** A fresh, unguessable nonce for the one script tag of a page. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** Escapes text for use inside HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds the page for `webview`; `fileName` names the config being trained. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, fileName: string, nonce = makeNonce()): string {
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
<link rel="stylesheet" href="${asset('media', 'panel.css')}">
<title>Training ${name}</title>
</head>
<body>
<header class="bar">
  <h1 id="title">Training <span class="file">${name}</span></h1>
  <button id="stop" type="button" disabled>Stop</button>
</header>
<p id="status" role="status" aria-live="polite">Starting ${name}…</p>
<figure class="chart">
  <div class="chart-box"><canvas id="loss-chart" role="img" aria-label="Loss per epoch" aria-describedby="loss-summary"></canvas></div>
  <figcaption id="loss-summary">No epochs yet.</figcaption>
</figure>
<section id="problems" hidden>
  <h2>Problems</h2>
  <ul id="problem-list"></ul>
</section>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}
