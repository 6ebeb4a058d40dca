/**
 * The frame every NN Lab webview page shares: a strict Content Security Policy with a fresh
 * script nonce, one stylesheet and one script bundle from `dist/` (both inside the
 * panel's `localResourceRoots`), and the page's own body markup.
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

/** What a page consists of. `title` and `body` are HTML (escape any text taken from outside). */
export interface WebviewPageParts {
  title: string;
  /** File name in `dist/`, e.g. `panel.css`. */
  stylesheet: string;
  /** File name in `dist/`, e.g. `webview.js`. */
  script: string;
  body: string;
  /** Nonce of the page's script tag (fresh when omitted). */
  nonce?: string;
  /**
   * A nonce allowed in `style-src` and published in `<meta property="csp-nonce">`, for libraries
   * (the webview UI toolkit) that append an empty `<style nonce>`; no inline style is allowed otherwise.
   */
  styleNonce?: string;
}

/** The whole HTML document for `webview`. */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: WebviewPageParts): string {
  const nonce = parts.nonce ?? makeNonce();
  const asset = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}${parts.styleNonce ? ` 'nonce-${parts.styleNonce}'` : ''}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styleNonceMeta = parts.styleNonce ? `\n<meta property="csp-nonce" content="${parts.styleNonce}">` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">${styleNonceMeta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('dist', parts.stylesheet)}">
<title>${parts.title}</title>
</head>
<body>
${parts.body.trim()}
<script nonce="${nonce}" src="${asset('dist', parts.script)}"></script>
</body>
</html>`;
}
