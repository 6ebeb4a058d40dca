/**
 * The webview's channel to the extension host. `acquireVsCodeApi` may be called once per page.
 */
import type { WebviewToHost } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Sends a typed message to the extension host. */
export function postToHost(message: WebviewToHost): void {
  api.postMessage(message);
}
