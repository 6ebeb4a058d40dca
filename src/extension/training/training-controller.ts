/**
 * Owns the runs: per config file one panel, at most one worker, the run history and the last trained
 * weights. A new run of a config cancels its old one; different configs train side by side. Worker
 * messages become panel messages, log lines, the status bar and notifications (see `RunReporter`).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { dataAccessFor } from '../files/workspace-access';
import type { PanelState } from '../../protocol/panel';
import { exportName, historyToCsv } from '../../protocol/view/history-csv';
import { TrainingPanel, type PanelSnapshot } from '../panel/training-panel';
import { RunHistory } from '../../protocol/view/run-history';
import { saveFromPanel } from '../panel/save-from-panel';
import { TrainingStatusBar } from './status-bar';
import { RunReporter, type RunSource } from './run-reporter';
import type { ConfigRuns, TrainedModel, TrainOutcome } from './run-types';
import { TrainingSession } from '../../node/training/training-session';

export type { RunSource } from './run-reporter';
export type { ConfigRuns, TrainedModel, TrainOutcome } from './run-types';
export { toProblemView } from './run-types';

/** How long a run waits for its new panel's page to load before training anyway. */
const PAGE_LOAD_WAIT_MS = 10_000;

/** Context key that is true while any run trains (enables "Stop Training"). */
const TRAINING_CONTEXT = 'nnLab.training';

/** The runs of the extension. */
export class TrainingController implements vscode.Disposable {
  private readonly configs = new Map<string, ConfigRuns>();
  private readonly statusBar = new TrainingStatusBar();

  /** Hears of every new panel's config (the panel serializer remembers them). */
  onPanelOpened: (fileUri: vscode.Uri) => void = () => undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Trains `text` (the contents of `fileUri`) and resolves when the run ends. A run already going on
   * for that file is stopped first. `source` decides the notifications: a cancellable progress
   * notification for the palette, none for live retraining (whose problems only go to the panel).
   */
  async train(fileUri: vscode.Uri, text: string, source: RunSource = 'command'): Promise<TrainOutcome> {
    const entry = this.entryFor(fileUri);
    const request = ++entry.requests;
    entry.lastText = text;
    const previous = entry.session;
    if (previous) {
      previous.stop();
      await previous.ended;
    }
    if (request !== entry.requests) return { status: 'cancelled', message: 'A newer run of this config replaced it.', epochs: 0, problems: [] };
    const panel = this.panelFor(entry);
    if (source !== 'live') panel.reveal();
    if (source !== 'live') panel.post({ type: 'phase', phase: 'starting' });
    // Let a new panel's page load first: started beside a busy training thread it takes tens of seconds.
    await panel.whenReady(PAGE_LOAD_WAIT_MS);
    if (request !== entry.requests) return { status: 'cancelled', message: 'A newer run of this config replaced it.', epochs: 0, problems: [] };
    const reporter = new RunReporter({ entry, panel, log: this.log, statusBar: this.statusBar, source, text });
    this.log.info(`${entry.fileName}: training starts (${source})`);
    return new Promise<TrainOutcome>((resolve) => {
      const workerPath = vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath;
      const configDir = configDirOf(fileUri);
      const session = new TrainingSession(
        workerPath,
        text,
        configDir,
        (message) => {
          reporter.handle(message);
          if (session.finished) {
            if (entry.session === session) entry.session = undefined;
            this.updateContext();
            resolve(reporter.outcome);
          }
        },
        dataAccessFor(fileUri, configDir),
      );
      entry.session = session;
      reporter.attach(() => session.stop());
      this.updateContext();
    });
  }

  /** Stops the run of `fileUri`, or every run when omitted; returns how many were asked to stop. */
  stop(fileUri?: vscode.Uri): number {
    const entries = fileUri ? [this.configs.get(fileUri.toString())] : [...this.configs.values()];
    const targets = entries.map((e) => e?.session).filter((s): s is TrainingSession => s !== undefined && !s.finished);
    for (const s of targets) s.stop();
    return targets.length;
  }

  /** The panel of `fileUri` as it stands, if there is one. */
  panelSnapshot(fileUri: vscode.Uri): PanelSnapshot | undefined {
    return this.configs.get(fileUri.toString())?.panel?.snapshot();
  }

  /** True when `fileUri` has an open panel (live retraining applies to those only). */
  hasPanel(fileUri: vscode.Uri): boolean {
    return this.configs.get(fileUri.toString())?.panel !== undefined;
  }

  /** parameters × samples × epochs of the config's last started run, if any. */
  lastCost(fileUri: vscode.Uri): number | undefined {
    return this.configs.get(fileUri.toString())?.cost;
  }

  /** The text of the latest train request of `fileUri` (live retraining skips identical text). */
  lastRequestedText(fileUri: vscode.Uri): string | undefined {
    return this.configs.get(fileUri.toString())?.lastText;
  }

  /** The last trained model of `fileUri` (weights of a completed or stopped run). */
  trainedModel(fileUri: vscode.Uri): TrainedModel | undefined {
    return this.configs.get(fileUri.toString())?.trained;
  }

  /** Number of configs training now. */
  get activeRuns(): number {
    return [...this.configs.values()].filter((e) => e.session && !e.session.finished).length;
  }

  /** The status-bar text while something trains (for tests). */
  get statusBarText(): string | undefined {
    return this.statusBar.text;
  }

  /** Reveals the panel of `fileUri` (the status-bar item's click); false when it has none. */
  revealPanel(fileUri: vscode.Uri): boolean {
    const panel = this.configs.get(fileUri.toString())?.panel;
    panel?.reveal();
    return panel !== undefined;
  }

  /** Adopts a panel VS Code restored after a window reload, showing the `state` its webview saved. */
  restorePanel(webviewPanel: vscode.WebviewPanel, fileUri: vscode.Uri, state: PanelState): void {
    const entry = this.entryFor(fileUri);
    entry.panel?.dispose();
    entry.history.restore(state.runs, state.runLabel, state.history);
    entry.panel = this.createPanel(entry, { panel: webviewPanel, state });
    this.log.info(`${entry.fileName}: panel restored with ${state.history.length} epochs and ${state.runs.length} earlier run(s)`);
  }

  /** Closes the panel of `fileUri` as a person would (its run stops); false when it has none. */
  closePanel(fileUri: vscode.Uri): boolean {
    const panel = this.configs.get(fileUri.toString())?.panel;
    panel?.dispose();
    return panel !== undefined;
  }

  /** Kills the worker of `fileUri`'s run without a stop request, as a crash would (fault tests); false when none runs. */
  killWorker(fileUri: vscode.Uri): boolean {
    const session = this.configs.get(fileUri.toString())?.session;
    session?.kill();
    return session !== undefined;
  }

  /** Stops every worker and closes every panel. */
  dispose(): void {
    for (const e of this.configs.values()) {
      e.session?.dispose();
      e.panel?.dispose();
    }
    this.configs.clear();
    this.statusBar.dispose();
  }

  private entryFor(fileUri: vscode.Uri): ConfigRuns {
    const key = fileUri.toString();
    let entry = this.configs.get(key);
    if (!entry) {
      entry = { uri: fileUri, fileName: path.basename(fileUri.path), history: new RunHistory(), requests: 0 };
      this.configs.set(key, entry);
    }
    return entry;
  }

  private panelFor(entry: ConfigRuns): TrainingPanel {
    if (!entry.panel) {
      entry.panel = this.createPanel(entry);
      this.onPanelOpened(entry.uri);
    }
    return entry.panel;
  }

  private createPanel(entry: ConfigRuns, restored?: { panel: vscode.WebviewPanel; state: PanelState }): TrainingPanel {
    const panel: TrainingPanel = new TrainingPanel(
      this.extensionUri,
      entry.uri,
      this.log,
      {
        onStop: () => this.stop(entry.uri),
        onDispose: () => {
          if (entry.panel === panel) entry.panel = undefined;
          entry.session?.stop();
        },
        onTrain: () => void vscode.commands.executeCommand('nnLab.train', entry.uri),
        onSave: (message) => void saveFromPanel(entry.uri, message, this.log),
        onExport: () => void exportFromPanel(entry.uri),
        onExportCsv: () =>
          void saveFromPanel(
            entry.uri,
            {
              type: 'save',
              format: 'csv',
              suggestedName: exportName(entry.fileName, 'history', 'csv'),
              data: historyToCsv(panel.fullHistory),
            },
            this.log,
          ),
      },
      restored,
    );
    return panel;
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', TRAINING_CONTEXT, this.activeRuns > 0);
  }
}

/** The panel's Export… menu: the three formats of the last trained model, each by its command. */
async function exportFromPanel(uri: vscode.Uri): Promise<void> {
  const formats = [
    {
      label: 'PyTorch training script',
      description: 'train.py: the same network, loss, optimizer and data, for one GPU or torchrun',
      command: 'nnLab.exportPytorch',
    },
    {
      label: 'ONNX model',
      description: 'the trained network in standard operators (opset 17), for ONNX Runtime and other engines',
      command: 'nnLab.exportOnnx',
    },
    { label: 'NN Lab model file', description: '*.model.json: the config and trained weights, for the nn-lab command line', command: 'nnLab.exportModel' },
  ];
  const picked = await vscode.window.showQuickPick(formats, { title: 'Export the trained model', placeHolder: 'Format' });
  if (picked) await vscode.commands.executeCommand(picked.command, uri);
}

/** Where relative data paths of a config resolve: its folder, or the workspace for untitled files. */
function configDirOf(fileUri: vscode.Uri): string {
  return fileUri.scheme === 'file' ? path.dirname(fileUri.fsPath) : (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd());
}
