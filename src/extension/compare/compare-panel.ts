/**
 * The optimizer comparison panel: one webview panel reused by every comparison. It keeps the
 * comparison's state, replays it when the page (re)loads, and forwards the Stop button.
 */
import * as vscode from 'vscode';
import { MessageChannel } from '../../protocol/channel';
import {
  applyCompareUpdate,
  parseCompareMessage,
  parseSavedCompare,
  type CompareState,
  type CompareToHost,
  type CompareUpdateMessage,
  type HostToCompare,
} from '../../protocol/compare';
import { assertNever } from '../../protocol/worker';
import { webviewTransport } from '../webview/webview-transport';
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
  private readonly channel: MessageChannel<HostToCompare, CompareToHost>;
  private disposed = false;
  /** Called when the page's Stop button is pressed or the panel is closed. */
  onStop: () => void = () => undefined;

  /** The webview type, also used to restore the comparison after a window reload. */
  static readonly viewType = 'nnLab.compare';

  private constructor(
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    state: CompareState,
    restored?: vscode.WebviewPanel,
  ) {
    this.state = state;
    const options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(ComparePanel.viewType, `Compare: ${state.file}`, vscode.ViewColumn.Beside, {
        ...options,
        retainContextWhenHidden: true,
      });
    this.panel.webview.options = options;
    this.channel = new MessageChannel<HostToCompare, CompareToHost>(
      webviewTransport(this.panel.webview),
      parseCompareMessage,
      {
        onMessage: (m) => this.receive(m),
        onInvalid: (raw) => this.log.warn(`Compare: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`),
      },
      true,
    );
    this.panel.webview.html = compareHtml(this.panel.webview, extensionUri, state.file);
    this.disposables.push(this.panel.onDidDispose(() => this.dispose()));
  }

  /** Takes over a comparison panel VS Code restored after a reload, showing the comparison its page saved (its runs ended with the old window). */
  static revive(panel: vscode.WebviewPanel, saved: unknown, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): ComparePanel | undefined {
    const state = parseSavedCompare(saved);
    if (!state) {
      log.warn('A comparison panel could not be restored: nothing usable was saved.');
      panel.dispose();
      return undefined;
    }
    ComparePanel.current?.dispose();
    ComparePanel.current = new ComparePanel(extensionUri, log, state, panel);
    log.info(`Comparison of ${state.series.length} optimizers on ${state.file} restored.`);
    return ComparePanel.current;
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
    this.channel.dispose();
    this.panel.dispose();
  }

  /** Sends to a ready page; before `ready` nothing is queued, since the page is sent the whole state then. */
  private post(message: HostToCompare): void {
    if (!this.disposed) this.channel.postIfReady(message);
  }

  private receive(message: CompareToHost): void {
    switch (message.type) {
      case 'ready':
        this.channel.markReady(() => {
          this.post({ type: 'reset', state: this.state });
          if (this.state.done) this.post({ type: 'done', cancelled: this.state.series.some((s) => s.status === 'cancelled') });
        }, true);
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
