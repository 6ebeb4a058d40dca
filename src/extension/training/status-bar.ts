/**
 * The status-bar item shown while anything trains: "$(sync~spin) NN Lab: xor 42/200".
 * With several runs it names the one that reported last and counts the others; a click reveals its panel.
 */
import * as vscode from 'vscode';

/** Internal command the item runs (not in the palette): reveals the panel of a config. */
export const REVEAL_PANEL_COMMAND = 'nnLab.revealTrainingPanel';

interface Entry {
  uri: vscode.Uri;
  name: string;
  epoch: number;
  epochs: number;
}

/** Short name of a config for the status bar: the file name without `.nn.json`. */
export function shortName(fileName: string): string {
  return fileName.replace(/\.nn\.json$/i, '');
}

/** The status-bar item of the training runs. */
export class TrainingStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nnLab.training', vscode.StatusBarAlignment.Left, 10);
  private readonly entries = new Map<string, Entry>();
  private latest: string | undefined;

  constructor() {
    this.item.name = 'NN Lab Training';
  }

  /** A run of `uri` is at `epoch` of `epochs`. */
  update(uri: vscode.Uri, fileName: string, epoch: number, epochs: number): void {
    const key = uri.toString();
    this.entries.set(key, { uri, name: shortName(fileName), epoch, epochs });
    this.latest = key;
    this.render();
  }

  /** The run of `uri` ended. */
  remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.entries.delete(key);
    if (this.latest === key) this.latest = [...this.entries.keys()].pop();
    this.render();
  }

  /** The item's text while visible, else undefined (for tests). */
  get text(): string | undefined {
    return this.entries.size > 0 ? this.item.text : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const entry = this.latest ? this.entries.get(this.latest) : undefined;
    if (!entry) {
      this.item.hide();
      return;
    }
    const others = this.entries.size - 1;
    this.item.text = `$(sync~spin) NN Lab: ${entry.name} ${entry.epoch}/${entry.epochs}` + (others > 0 ? ` (+${others})` : '');
    this.item.tooltip =
      `Training ${entry.name}: epoch ${entry.epoch} of ${entry.epochs}` + (others > 0 ? `, and ${others} more run(s)` : '') + '. Click to show the panel.';
    this.item.accessibilityInformation = { label: `NN Lab training ${entry.name}, epoch ${entry.epoch} of ${entry.epochs}`, role: 'button' };
    this.item.command = { title: 'Show Training Panel', command: REVEAL_PANEL_COMMAND, arguments: [entry.uri] };
    this.item.show();
  }
}
