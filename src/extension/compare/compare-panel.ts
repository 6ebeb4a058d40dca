/**
 * The optimizer comparison panel: one webview panel reused by every comparison. It keeps the
 * comparison's state, replays it when the page (re)loads, and forwards the Stop button.
 */
import * as vscode from 'vscode';
import {
  applyCompareUpdate, parseCompareMessage, type CompareState, type CompareUpdateMessage, type HostToCompare,
} from '../../shared/compare-protocol';
import { assertNever } from '../../shared/worker-protocol';
import { compareHtml } from './compare-html';

/** What the comparison holds and what its page last said it drew, for tests. */
export interface CompareSnapshot {
  state: CompareState;
  /** Epochs drawn per optimizer, as reported by the page. */
  drawn: Record<string, number>;
}

/** The single comparison panel. */
export class ComparePanel implements vscode.Disposable {
  private static current: ComparePanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private state: CompareState;
  private drawn: Record<string, number> = {};
  private ready = false;
  private disposed = false;
  /** Called when the page's Stop button is pressed or the panel is closed. */
  onStop: () => void = () => undefined;

  private constructor(extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel, state: CompareState) {
    this.state = state;
    this.panel = vscode.window.createWebviewPanel('nnLab.compare', `Compare: ${state.file}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    this.panel.webview.html = compareHtml(this.panel.webview, extensionUri, state.file);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows `state` in the comparison panel (created, or reused and reset). */
  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, state: CompareState): ComparePanel {
    const existing = ComparePanel.current;
    if (existing) {
      existing.state = state;
      existing.drawn = {};
      existing.panel.title = `Compare: ${state.file}`;
      existing.post({ type: 'reset', state });
      existing.panel.reveal(undefined, true);
      return existing;
    }
    ComparePanel.current = new ComparePanel(extensionUri, log, state);
    return ComparePanel.current;
  }

  /** The open comparison panel, if any. */
  static get open(): ComparePanel | undefined {
    return ComparePanel.current;
  }

  /** The current state and what the page drew. */
  snapshot(): CompareSnapshot {
    return { state: this.state, drawn: { ...this.drawn } };
  }

  /** Applies a run's update and forwards it to the page. */
  update(message: CompareUpdateMessage): void {
    this.state = applyCompareUpdate(this.state, message);
    this.post(message);
  }

  /** Marks the comparison finished. */
  finish(cancelled: boolean): void {
    this.state = { ...this.state, done: true };
    this.post({ type: 'done', cancelled });
  }

  /** Closes the panel (stopping its comparison). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ComparePanel.current === this) ComparePanel.current = undefined;
    this.onStop();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private post(message: HostToCompare): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseCompareMessage(raw);
    if (!message) {
      this.log.warn(`Compare: ignored a malformed message ${JSON.stringify(raw)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'reset', state: this.state });
        if (this.state.done) this.post({ type: 'done', cancelled: this.state.series.some((s) => s.status === 'cancelled') });
        break;
      case 'stop':
        this.onStop();
        break;
      case 'drawn':
        for (const s of message.series) this.drawn[s.optimizer] = s.points;
        break;
      default:
        assertNever(message);
    }
  }
}
