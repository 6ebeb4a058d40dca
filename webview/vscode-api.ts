/**
 * The webview's channel to the extension host, and its persisted state (kept by VS Code across
 * window reloads). `acquireVsCodeApi` may be called once per page.
 */
import type { WebviewToHost } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Sends a typed message to the extension host. */
export function postToHost(message: WebviewToHost): void {
  api.postMessage(message);
}

/** What was last saved with `saveState` (unchecked: validate before use). */
export function loadState(): unknown {
  return api.getState();
}

/** Saves `state` for the next load of this webview (and for the host's serializer). */
export function saveState(state: unknown): void {
  api.setState(state);
}
