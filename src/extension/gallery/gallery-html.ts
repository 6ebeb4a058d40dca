/**
 * The activation gallery's page: its markup (webview/gallery/markup.ts) in the
 * shared webview frame (strict CSP with a fresh nonce, assets from `dist/`).
 */
import * as vscode from 'vscode';
import { makeNonce, webviewPage } from '../webview/webview-page';
import { PAGE_ASSETS } from '../../protocol/pages';
import { galleryMarkup } from '../../../webview/gallery/markup';

/** Builds the gallery page for `webview`. */
export function galleryHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = makeNonce()): string {
  return webviewPage(webview, extensionUri, {
    title: 'Activation Functions',
    ...PAGE_ASSETS.gallery,
    nonce,
    body: galleryMarkup(),
  });
}
