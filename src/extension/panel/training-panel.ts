/**
 * The training panel: a webview beside the editor showing one config's run. It keeps the state
 * (`PanelModel`, changed in place per message) so a reloaded webview (hidden then shown again) is redrawn
 * from scratch on its `ready` with a bounded, decimated copy, and it streams progress through a
 * `ProgressGate`: never more than the page has acknowledged, coalesced while the page catches up.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { EpochReport } from '../../core/train/types';
import { MessageChannel } from '../../protocol/channel';
import { initialPanelState, PanelModel } from '../../protocol/view/panel-state';
import { ProgressGate } from '../../protocol/view/progress-gate';
import {
  parseWebviewMessage,
  type HostToWebview,
  type PanelState,
  type SaveMessage,
  type SequencedHostMessage,
  type WebviewToHost,
} from '../../protocol/panel';
import { assertNever } from '../../protocol/worker';
import { webviewTransport } from '../webview/webview-transport';
import { panelHtml } from './panel-html';

/** What the webview last said it drew. */
export interface RenderedReport {
  points: number;
  epoch: number;
}

/** A read-only view of a panel, for tests and diagnostics. */
export interface PanelSnapshot {
  title: string;
  visible: boolean;
  state: PanelState;
  rendered?: RenderedReport;
  /** How many times the host replayed its state to the webview (`reset` on ready or on becoming visible). */
  replays: number;
  /** The editor column the panel is in. */
  viewColumn?: number;
}

/** Reactions of the owner to the panel. */
export interface PanelHandlers {
  onStop(): void;
  onDispose(): void;
  /** The Train button: start a new run of the config. */
  onTrain(): void;
  /** Save chart data (CSV) or an image (PNG) through a save dialog. */
  onSave(message: SaveMessage): void;
  /** Save the current run's full history as CSV through a save dialog. */
  onExportCsv(): void;
  /** The Export… button: pick a format for the last trained model. */
  onExport(): void;
}

/** One panel per config file. */
export class TrainingPanel implements vscode.Disposable {
  /** The webview type (also the key of the panel serializer that restores panels after a reload). */
  static readonly viewType = 'nnLab.training';
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly model: PanelModel;
  private readonly channel: MessageChannel<SequencedHostMessage, WebviewToHost>;
  private readonly gate: ProgressGate;
  private rendered: RenderedReport | undefined;
  /** How many times the whole state was sent (for tests of hide/show). */
  private replays = 0;

  /**
   * A panel for `fileUri`: a new one beside the editor, or `restored` (a panel VS Code brought back
   * after a reload) showing `state`.
   */
  constructor(
    extensionUri: vscode.Uri,
    fileUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: PanelHandlers,
    restored?: { panel: vscode.WebviewPanel; state: PanelState },
  ) {
    const fileName = path.basename(fileUri.path);
    this.model = new PanelModel(restored?.state ?? initialPanelState(fileName));
    const options = TrainingPanel.webviewOptions(extensionUri);
    if (restored) {
      this.panel = restored.panel;
      this.panel.webview.options = options;
    } else {
      this.panel = vscode.window.createWebviewPanel(
        TrainingPanel.viewType,
        `Training ${fileName}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        options,
      );
    }
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.channel = new MessageChannel<SequencedHostMessage, WebviewToHost>(
      webviewTransport(this.panel.webview),
      parseWebviewMessage,
      {
        onMessage: (m) => this.receive(m),
        onInvalid: (raw) => this.log.warn(`Ignored a malformed message from the panel: ${JSON.stringify(raw)?.slice(0, 200)}`),
      },
      true,
    );
    this.gate = new ProgressGate(
      (m) => this.channel.postIfReady(m),
      () => Date.now(),
    );
    this.panel.webview.html = panelHtml(this.panel.webview, extensionUri, fileName);
    this.disposables.push(
      this.panel.onDidChangeViewState((e) => {
        // A hidden panel drops its document; it says `ready` again when shown, and is sent the state then.
        if (!e.webviewPanel.visible) {
          this.channel.markNotReady();
          this.releaseWaiters(); // a hidden page loads only when shown: a run must not wait for it
        } else if (!this.channel.ready) this.channel.markReady(() => this.replay(), true); // in case it kept its document
      }),
      this.panel.onDidDispose(() => {
        this.channel.markNotReady(); // a run still ending must not post to a disposed webview
        this.releaseWaiters();
        this.disposeListeners();
        this.handlers.onDispose();
      }),
    );
  }

  /** Webview options: scripts on, resources only from `dist/` and `media/`. */
  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  /** Resolvers of `whenReady` calls waiting for the page. */
  private readonly readyWaiters: (() => void)[] = [];

  /**
   * Resolves once the page has loaded and said `ready` (at once when it has, or when the panel is hidden:
   * a hidden page loads only when shown), or after `timeoutMs`. A run waits for it before its worker starts:
   * a webview loads far more slowly while a training thread already keeps a core busy.
   */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.channel.ready || !this.panel.visible) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Lets every run waiting in `whenReady` go. */
  private releaseWaiters(): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** Brings the panel into view beside the editor without taking focus. */
  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Updates the state (in place) and, when the webview listens, forwards the message through the gate. */
  post(message: HostToWebview): void {
    this.model.apply(message);
    if (message.type === 'reset') this.rendered = undefined;
    if (this.channel.ready) this.gate.offer(message);
  }

  /** The panel as it stands (the state as it would be sent: decimated for long runs). */
  snapshot(): PanelSnapshot {
    return {
      title: this.panel.title,
      visible: this.panel.visible,
      state: this.model.toState(),
      rendered: this.rendered,
      replays: this.replays,
      viewColumn: this.panel.viewColumn,
    };
  }

  /** Every epoch of the current run the host holds (not decimated; read it, do not keep it). */
  get fullHistory(): readonly EpochReport[] {
    return this.model.history.reports;
  }

  /** Closes the panel. */
  dispose(): void {
    this.panel.dispose();
  }

  private receive(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        this.channel.markReady(() => this.replay(), true);
        this.releaseWaiters();
        break;
      case 'stop':
        this.handlers.onStop();
        break;
      case 'train':
        this.handlers.onTrain();
        break;
      case 'save':
        this.handlers.onSave(message);
        break;
      case 'exportCsv':
        this.handlers.onExportCsv();
        break;
      case 'export':
        this.handlers.onExport();
        break;
      case 'rendered':
        this.rendered = { points: message.points, epoch: message.epoch };
        this.gate.ack(message.seq);
        break;
      default:
        assertNever(message);
    }
  }

  /** Sends the whole state (`reset`, bounded: the history decimated) when the webview (re)loads. */
  private replay(): void {
    this.replays++;
    this.gate.restart();
    this.gate.send({ type: 'reset', state: this.model.toState() });
  }

  private disposeListeners(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.channel.dispose();
  }
}
