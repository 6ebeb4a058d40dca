/**
 * The activation gallery panel: one webview panel (revealing it again focuses it), fed highlight
 * and setParam messages, and remembering what the page reported so tests can read it.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  parseGalleryMessage, type ActivationHighlight, type GalleryDrawnMessage, type HostToGallery,
} from '../../shared/gallery-protocol';
import { assertNever } from '../../shared/worker-protocol';
import { galleryHtml } from './gallery-html';

/** What the gallery page has reported, for tests and diagnostics. */
export interface GallerySnapshot {
  /** Card names, in page order, once the page is up. */
  cards: string[];
  /** The latest redraw of each card whose parameter changed, by name. */
  drawn: Record<string, GalleryDrawnMessage>;
  /** Activations highlighted for a config. */
  highlighted: string[];
}

/** The single gallery panel; `GalleryPanel.show` creates or reveals it. */
export class GalleryPanel implements vscode.Disposable {
  private static current: GalleryPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending: HostToGallery[] = [];
  private readonly waiters: { name: string; resolve: (m: GalleryDrawnMessage) => void }[] = [];
  private readonly state: GallerySnapshot = { cards: [], drawn: {}, highlighted: [] };
  private ready = false;

  /** The webview type, also used to restore the gallery after a window reload. */
  static readonly viewType = 'nnLab.gallery';

  private constructor(extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel, restored?: vscode.WebviewPanel) {
    const options: vscode.WebviewOptions = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    this.panel = restored ?? vscode.window.createWebviewPanel(GalleryPanel.viewType, 'Activation Functions', vscode.ViewColumn.Beside, { ...options, retainContextWhenHidden: true });
    this.panel.webview.options = options;
    this.panel.webview.html = galleryHtml(this.panel.webview, extensionUri);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Creates or reveals the gallery; with `file` and `uses`, highlights the activations that config uses. */
  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, highlight?: { file: string; uses: ActivationHighlight[] }): GalleryPanel {
    const gallery = GalleryPanel.current ?? new GalleryPanel(extensionUri, log);
    GalleryPanel.current = gallery;
    gallery.panel.reveal(undefined, false);
    if (highlight) {
      gallery.state.highlighted = highlight.uses.map((u) => u.name);
      gallery.send({ type: 'highlight', file: path.basename(highlight.file), uses: highlight.uses });
    }
    return gallery;
  }

  /** Takes over a gallery panel VS Code restored after a reload (the page restores its own sliders). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): GalleryPanel {
    GalleryPanel.current?.dispose();
    GalleryPanel.current = new GalleryPanel(extensionUri, log, panel);
    return GalleryPanel.current;
  }

  /** The open gallery, if any. */
  static get open(): GalleryPanel | undefined {
    return GalleryPanel.current;
  }

  /** A copy of what the page has reported. */
  snapshot(): GallerySnapshot {
    return { cards: [...this.state.cards], drawn: { ...this.state.drawn }, highlighted: [...this.state.highlighted] };
  }

  /** Moves a slider on the page and resolves with the card's redraw (rejects after `timeoutMs`). */
  setParam(name: string, param: string, value: number, timeoutMs = 10_000): Promise<GalleryDrawnMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gallery did not redraw ${name}`)), timeoutMs);
      this.waiters.push({ name, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      this.send({ type: 'setParam', name, param, value });
    });
  }

  /** Closes the panel. */
  dispose(): void {
    if (GalleryPanel.current === this) GalleryPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private send(message: HostToGallery): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.pending.push(message);
  }

  private receive(raw: unknown): void {
    const message = parseGalleryMessage(raw);
    if (!message) {
      this.log.warn(`Gallery: ignored a malformed message ${JSON.stringify(raw)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.state.cards = message.cards;
        this.ready = true;
        for (const m of this.pending.splice(0)) void this.panel.webview.postMessage(m);
        break;
      case 'drawn': {
        this.state.drawn[message.name] = message;
        const waiting = this.waiters.filter((w) => w.name === message.name);
        this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => w.name !== message.name));
        for (const w of waiting) w.resolve(message);
        break;
      }
      default:
        assertNever(message);
    }
  }
}
