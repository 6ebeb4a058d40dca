/**
 * The training panel: a webview beside the editor showing one config's run. It keeps the full
 * state so a reloaded webview (hidden then shown again) is redrawn from scratch on its `ready`.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { applyToPanelState, initialPanelState } from '../../shared/panel-state';
import { parseWebviewMessage, type HostToWebview, type PanelState, type SaveMessage } from '../../shared/protocol';
import { assertNever } from '../../shared/worker-protocol';
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
}

/** One panel per config file. */
export class TrainingPanel implements vscode.Disposable {
  /** The webview type (also the key of the panel serializer that restores panels after a reload). */
  static readonly viewType = 'nnLab.training';
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private state: PanelState;
  private ready = false;
  private rendered: RenderedReport | undefined;
  /** How many times the whole state was sent (for tests of hide/show). */
  private replays = 0;

  /**
   * A panel for `fileUri`: a new one beside the editor, or `restored` (a panel VS Code brought back
   * after a reload) showing `state`.
   */
  constructor(extensionUri: vscode.Uri, fileUri: vscode.Uri, private readonly log: vscode.LogOutputChannel, private readonly handlers: PanelHandlers,
    restored?: { panel: vscode.WebviewPanel; state: PanelState }) {
    const fileName = path.basename(fileUri.path);
    this.state = restored?.state ?? initialPanelState(fileName);
    const options = TrainingPanel.webviewOptions(extensionUri);
    if (restored) {
      this.panel = restored.panel;
      this.panel.webview.options = options;
    } else {
      this.panel = vscode.window.createWebviewPanel(TrainingPanel.viewType, `Training ${fileName}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
    }
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.panel.webview.html = panelHtml(this.panel.webview, extensionUri, fileName);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false; // its document is dropped; it says `ready` again when shown
        else this.replay(); // in case it kept its document: redraw from the host's state
      }),
      this.panel.onDidDispose(() => {
        this.ready = false; // a run still ending must not post to a disposed webview
        this.disposeListeners();
        this.handlers.onDispose();
      }),
    );
  }

  /** Webview options: scripts on, resources only from `dist/` and `media/`. */
  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  /** Brings the panel into view beside the editor without taking focus. */
  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Updates the state and, when the webview listens, forwards the message. */
  post(message: HostToWebview): void {
    this.state = applyToPanelState(this.state, message);
    if (message.type === 'reset') this.rendered = undefined;
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** The panel as it stands. */
  snapshot(): PanelSnapshot {
    return { title: this.panel.title, visible: this.panel.visible, state: this.state, rendered: this.rendered, replays: this.replays, viewColumn: this.panel.viewColumn };
  }

  /** Closes the panel. */
  dispose(): void {
    this.panel.dispose();
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Ignored a malformed message from the panel: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.replay();
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
      case 'rendered':
        this.rendered = { points: message.points, epoch: message.epoch };
        this.log.debug(`${this.state.fileName}: panel drew ${message.points} epochs`);
        break;
      default:
        assertNever(message);
    }
  }

  /** Sends the whole state (`reset`), e.g. when the webview (re)loads or becomes visible. */
  private replay(): void {
    this.replays++;
    void this.panel.webview.postMessage({ type: 'reset', state: this.state } satisfies HostToWebview);
  }

  private disposeListeners(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
