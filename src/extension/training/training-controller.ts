/**
 * Owns the runs: one panel and at most one worker per config file. Turns worker messages into
 * panel messages, log lines and notifications, and tells the caller how each run ended.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { formatPath, type Problem } from '../../core/problems';
import { formatLoss } from '../../shared/panel-state';
import type { ProblemView, RunPhase } from '../../shared/protocol';
import { assertNever, type WorkerToHost } from '../../shared/worker-protocol';
import { TrainingPanel, type PanelSnapshot } from '../panel/training-panel';
import { TrainingSession } from './training-session';

/** How a `Train Model` command ended (also its return value, which tests use). */
export interface TrainOutcome {
  status: RunPhase;
  message?: string;
  /** Epochs reported. */
  epochs: number;
  firstLoss?: number;
  lastLoss?: number;
  problems: ProblemView[];
}

/** A problem as the panel lists it. */
export function toProblemView(p: Problem): ProblemView {
  return { where: formatPath(p.path), message: p.message, severity: p.severity };
}

/** Context key that is true while any run trains (enables "Stop Training"). */
const TRAINING_CONTEXT = 'nnLab.training';

/** The runs of the extension. */
export class TrainingController implements vscode.Disposable {
  private readonly panels = new Map<string, TrainingPanel>();
  private readonly sessions = new Map<string, TrainingSession>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  /** Trains `text` (the contents of `fileUri`) and resolves when the run ends. A run already going on that file is stopped first. */
  async train(fileUri: vscode.Uri, text: string): Promise<TrainOutcome> {
    const key = fileUri.toString();
    const previous = this.sessions.get(key);
    if (previous) {
      previous.stop();
      await previous.ended;
    }
    const fileName = path.basename(fileUri.path);
    const panel = this.panelFor(fileUri);
    panel.post({ type: 'reset', state: { fileName, hasValidation: false, phase: 'starting', problems: [], history: [] } });
    panel.reveal();
    const configDir = fileUri.scheme === 'file'
      ? path.dirname(fileUri.fsPath)
      : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    this.log.info(`${fileName}: training starts`);
    const outcome: TrainOutcome = { status: 'starting', epochs: 0, problems: [] };
    return new Promise<TrainOutcome>((resolve) => {
      const workerPath = vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath;
      const session = new TrainingSession(workerPath, text, configDir, (message) => {
        this.handle(fileName, panel, outcome, message);
        if (session.finished) {
          if (this.sessions.get(key) === session) this.sessions.delete(key);
          this.updateContext();
          resolve(outcome);
        }
      });
      this.sessions.set(key, session);
      this.updateContext();
    });
  }

  /** Stops the run of `fileUri`, or every run when omitted; returns how many were asked to stop. */
  stop(fileUri?: vscode.Uri): number {
    const targets = fileUri ? [this.sessions.get(fileUri.toString())].filter((s) => s !== undefined) : [...this.sessions.values()];
    for (const s of targets) s.stop();
    return targets.length;
  }

  /** The panel of `fileUri` as it stands, if there is one. */
  panelSnapshot(fileUri: vscode.Uri): PanelSnapshot | undefined {
    return this.panels.get(fileUri.toString())?.snapshot();
  }

  /** Stops every worker and closes every panel. */
  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }

  private panelFor(fileUri: vscode.Uri): TrainingPanel {
    const key = fileUri.toString();
    let panel = this.panels.get(key);
    if (!panel) {
      panel = new TrainingPanel(this.extensionUri, fileUri, this.log, {
        onStop: () => this.stop(fileUri),
        onDispose: () => {
          this.panels.delete(key);
          this.sessions.get(key)?.stop();
        },
      });
      this.panels.set(key, panel);
    }
    return panel;
  }

  private handle(fileName: string, panel: TrainingPanel, outcome: TrainOutcome, message: WorkerToHost): void {
    switch (message.type) {
      case 'started':
        outcome.status = 'running';
        this.log.info(`${fileName}: model "${message.name}", ${message.samples} samples (${message.task}), ${message.epochs} epochs`);
        for (const w of message.warnings) this.log.warn(`${fileName}: ${formatPath(w.path)}: ${w.message}`);
        panel.post({ type: 'started', modelName: message.name, epochs: message.epochs, hasValidation: message.hasValidation });
        break;
      case 'progress': {
        const reports = message.reports;
        if (reports.length === 0) break;
        outcome.firstLoss ??= reports[0].loss;
        outcome.lastLoss = reports[reports.length - 1].loss;
        outcome.epochs += reports.length;
        const last = reports[reports.length - 1];
        this.log.debug(`${fileName}: epoch ${last.epoch}/${last.epochs} loss ${formatLoss(last.loss)}`);
        panel.post({ type: 'progress', reports });
        break;
      }
      case 'problems': {
        outcome.status = 'invalid';
        outcome.problems = message.problems.map(toProblemView);
        const errors = outcome.problems.filter((p) => p.severity === 'error');
        for (const p of outcome.problems) this.log.warn(`${fileName}: ${p.where}: ${p.message}`);
        panel.post({ type: 'phase', phase: 'invalid', problems: outcome.problems });
        const first = errors[0] ?? outcome.problems[0];
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
        void vscode.window.showErrorMessage(`NN Lab: ${fileName} cannot be trained. ${first ? `${first.where}: ${first.message}` : ''}${more}`);
        break;
      }
      case 'finished':
        outcome.status = message.status;
        outcome.message = message.message;
        panel.post({ type: 'phase', phase: message.status, message: message.message });
        this.log.info(`${fileName}: ${message.status} after ${outcome.epochs} epochs` +
          (outcome.lastLoss !== undefined ? `, loss ${formatLoss(outcome.lastLoss)}` : '') + (message.message ? ` (${message.message})` : ''));
        if (message.status === 'diverged') void vscode.window.showWarningMessage(`NN Lab: ${fileName}: ${message.message ?? 'training diverged.'}`);
        else vscode.window.setStatusBarMessage(`NN Lab: ${fileName} ${message.status}`, 5000);
        break;
      case 'crashed':
        outcome.status = 'crashed';
        outcome.message = message.message;
        this.log.error(`${fileName}: training failed: ${message.stack ?? message.message}`);
        panel.post({ type: 'phase', phase: 'crashed', message: message.message });
        void vscode.window.showErrorMessage(`NN Lab: training ${fileName} failed: ${message.message}`);
        break;
      default:
        assertNever(message);
    }
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', TRAINING_CONTEXT, this.sessions.size > 0);
  }
}
