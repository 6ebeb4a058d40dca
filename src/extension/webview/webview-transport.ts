/**
 * The host end's transport for `MessageChannel`: a webview's `postMessage` and `onDidReceiveMessage`.
 */
import type * as vscode from 'vscode';
import type { Transport } from '../../protocol/channel';

/** A transport over `webview`. */
export function webviewTransport(webview: vscode.Webview): Transport {
  return {
    send: (message) => void webview.postMessage(message),
    listen: (listener) => {
      const subscription = webview.onDidReceiveMessage(listener);
      return () => subscription.dispose();
    },
  };
}
