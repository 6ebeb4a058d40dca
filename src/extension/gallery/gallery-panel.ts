/**
 * The activation gallery panel: one webview panel (revealing it again focuses it), fed highlight
 * and setParam messages, and remembering what the page reported so tests can read it.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { MessageChannel } from '../../protocol/channel';
import { parseGalleryMessage, type ActivationHighlight, type GalleryDrawnMessage, type GalleryToHost, type HostToGallery } from '../../protocol/gallery';
import { assertNever } from '../../protocol/worker';
import { webviewTransport } from '../webview/webview-transport';
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
  private readonly channel: MessageChannel<HostToGallery, GalleryToHost>;
  private readonly state: GallerySnapshot = { cards: [], drawn: {}, highlighted: [] };

  /** The webview type, also used to restore the gallery after a window reload. */
  static readonly viewType = 'nnLab.gallery';

  private constructor(
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    restored?: vscode.WebviewPanel,
  ) {
    const options: vscode.WebviewOptions = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(GalleryPanel.viewType, 'Activation Functions', vscode.ViewColumn.Beside, { ...options, retainContextWhenHidden: true });
    this.panel.webview.options = options;
    this.channel = new MessageChannel<HostToGallery, GalleryToHost>(
      webviewTransport(this.panel.webview),
      parseGalleryMessage,
      {
        onMessage: (m) => this.receive(m),
        onInvalid: (raw) => this.log.warn(`Gallery: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`),
      },
      true,
    );
    this.panel.webview.html = galleryHtml(this.panel.webview, extensionUri);
    this.disposables.push(this.panel.onDidDispose(() => this.dispose()));
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

  /** Moves a slider on the page and resolves with the card's redraw, its reply (rejects after `timeoutMs`). */
  async setParam(name: string, param: string, value: number, timeoutMs = 10_000): Promise<GalleryDrawnMessage> {
    const reply = await this.channel
      .request({ type: 'setParam', name, param, value }, timeoutMs)
      .catch(() => Promise.reject(new Error(`the gallery did not redraw ${name}`)));
    if (reply.type !== 'drawn') throw new Error(`the gallery answered setParam with ${reply.type}`);
    return reply;
  }

  /** Closes the panel. */
  dispose(): void {
    if (GalleryPanel.current === this) GalleryPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.channel.dispose();
    this.panel.dispose();
  }

  private send(message: HostToGallery): void {
    this.channel.post(message); // queued until the page says it is ready
  }

  private receive(message: GalleryToHost): void {
    switch (message.type) {
      case 'ready':
        this.state.cards = message.cards;
        this.channel.markReady();
        break;
      case 'drawn':
        this.state.drawn[message.name] = message;
        break;
      default:
        assertNever(message);
    }
  }
}
