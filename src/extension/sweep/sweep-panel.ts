/**
 * The sweep panel: one webview panel reused by every sweep. It keeps the sweep's rows, replays them
 * when the page (re)loads, and forwards the page's requests (Stop, open or apply a run's config,
 * export CSV) to the command's handlers.
 */
import * as vscode from 'vscode';
import { MessageChannel } from '../../protocol/channel';
import {
  applySweepRow,
  dropSweepCurve,
  parseSavedSweep,
  parseSweepMessage,
  type HostToSweep,
  type SweepRow,
  type SweepState,
  type SweepToHost,
} from '../../protocol/sweep';
import { webviewTransport } from '../webview/webview-transport';
import { sweepHtml } from './sweep-html';

/** What the panel asks of whoever runs the sweep. */
export interface SweepPanelActions {
  /** Open combination `index`'s resolved config in a new untitled editor. */
  open(state: SweepState, index: number): void;
  /** Write combination `index`'s values into the swept file (after a confirmation). */
  apply(state: SweepState, index: number): void;
  /** Save the rows as CSV. */
  exportCsv(state: SweepState): void;
}

/** What the panel holds, for tests. */
export interface SweepSnapshot {
  state: SweepState;
}

/** The single sweep panel. */
export class SweepPanel implements vscode.Disposable {
  private static current: SweepPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private state: SweepState;
  private readonly channel: MessageChannel<HostToSweep, SweepToHost>;
  private disposed = false;
  /** Called when the page's Stop button is pressed or the panel is closed. */
  onStop: () => void = () => undefined;

  /** The webview type, also used to restore the sweep after a window reload. */
  static readonly viewType = 'nnLab.sweep';

  private constructor(
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly actions: SweepPanelActions,
    state: SweepState,
    restored?: vscode.WebviewPanel,
  ) {
    this.state = state;
    const options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(SweepPanel.viewType, `Sweep: ${state.file}`, vscode.ViewColumn.Beside, { ...options, retainContextWhenHidden: true });
    this.panel.webview.options = options;
    this.channel = new MessageChannel<HostToSweep, SweepToHost>(
      webviewTransport(this.panel.webview),
      parseSweepMessage,
      {
        onMessage: (m) => this.receive(m),
        onInvalid: (raw) => this.log.warn(`Sweep: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`),
      },
      true,
    );
    this.panel.webview.html = sweepHtml(this.panel.webview, extensionUri, state.file);
    this.disposables.push(this.panel.onDidDispose(() => this.dispose()));
  }

  /** Takes over a sweep panel VS Code restored after a reload, showing the rows its page saved (its runs ended with the old window). */
  static revive(
    panel: vscode.WebviewPanel,
    saved: unknown,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    actions: SweepPanelActions,
  ): SweepPanel | undefined {
    const state = parseSavedSweep(saved);
    if (!state) {
      log.warn('A sweep panel could not be restored: nothing usable was saved.');
      panel.dispose();
      return undefined;
    }
    SweepPanel.current?.dispose();
    SweepPanel.current = new SweepPanel(extensionUri, log, actions, state, panel);
    log.info(`Sweep of ${state.file} restored (${state.rows.length} rows).`);
    return SweepPanel.current;
  }

  /** Shows `state` in the sweep panel (created, or reused and reset). */
  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, actions: SweepPanelActions, state: SweepState): SweepPanel {
    const existing = SweepPanel.current;
    if (existing) {
      existing.state = state;
      existing.panel.title = `Sweep: ${state.file}`;
      existing.post({ type: 'reset', state });
      existing.panel.reveal(undefined, true);
      return existing;
    }
    SweepPanel.current = new SweepPanel(extensionUri, log, actions, state);
    return SweepPanel.current;
  }

  /** The open sweep panel, if any. */
  static get open(): SweepPanel | undefined {
    return SweepPanel.current;
  }

  /** The current state. */
  snapshot(): SweepSnapshot {
    return { state: this.state };
  }

  /** A combination started or ended: keeps its row and forwards it to the page. */
  update(row: SweepRow, done: number): void {
    applySweepRow(this.state, row, done);
    this.post({ type: 'row', row, done });
  }

  /** Combination `index` left the best runs: its loss curve is dropped (the page's own keeper drops its copy). */
  dropCurve(index: number): void {
    dropSweepCurve(this.state, index);
  }

  /** Marks the sweep finished. */
  finish(cancelled: boolean): void {
    this.state.finished = true;
    this.state.cancelled = cancelled;
    for (const r of this.state.rows) if (r.status === 'running') r.status = 'cancelled';
    this.post({ type: 'finish', cancelled });
  }

  /** Closes the panel (stopping its sweep). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SweepPanel.current === this) SweepPanel.current = undefined;
    this.onStop();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.channel.dispose();
    this.panel.dispose();
  }

  /** Sends to a ready page; before `ready` nothing is queued, since the page is sent the whole state then. */
  private post(message: HostToSweep): void {
    if (!this.disposed) this.channel.postIfReady(message);
  }

  private receive(message: SweepToHost): void {
    switch (message.type) {
      case 'ready':
        this.channel.markReady(() => {
          this.post({ type: 'reset', state: this.state });
          if (this.state.finished) this.post({ type: 'finish', cancelled: this.state.cancelled });
        }, true);
        break;
      case 'stop':
        this.onStop();
        break;
      case 'open':
        this.actions.open(this.state, message.index);
        break;
      case 'apply':
        this.actions.apply(this.state, message.index);
        break;
      case 'exportCsv':
        this.actions.exportCsv(this.state);
        break;
      default: {
        const unknown: never = message;
        this.log.warn(`Sweep: unknown message ${JSON.stringify(unknown)}`);
      }
    }
  }
}
