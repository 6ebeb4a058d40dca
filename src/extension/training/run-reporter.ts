/**
 * Turns one run's worker messages into what people see: panel messages, log lines (config digest,
 * timings, errors), the status-bar item, a cancellable progress notification, and error messages.
 */
import * as vscode from 'vscode';
import { formatPath } from '../../core/problems';
import type { EpochReport } from '../../core/train/types';
import { formatLoss, initialPanelState } from '../../protocol/view/panel-state';
import { assertNever, type RunStartedMessage, type WorkerToHost } from '../../protocol/worker';
import type { TrainingPanel } from '../panel/training-panel';
import { runLabel } from '../../protocol/view/run-history';
import { formatTimings, runTimings } from '../../core/runs/run-timing';
import type { TrainingStatusBar } from './status-bar';
import { toProblemView, type ConfigRuns, type TrainOutcome } from './run-types';

/** Who started a run: the palette / a menu / the panel's button ('command') or an edit of the config ('live'). */
export type RunSource = 'command' | 'live';

/** What a reporter reports to. */
export interface ReporterDeps {
  entry: ConfigRuns;
  panel: TrainingPanel;
  log: vscode.LogOutputChannel;
  statusBar: TrainingStatusBar;
  source: RunSource;
  /** The config text being trained. */
  text: string;
}

/** Reports one run. */
export class RunReporter {
  /** How the run ended so far (returned by the train command). */
  readonly outcome: TrainOutcome = { status: 'starting', epochs: 0, problems: [] };
  private readonly reports: EpochReport[] = [];
  private started: (RunStartedMessage & { id: number; label: string; at: number }) | undefined;
  private progress: { report(value: { message?: string; increment?: number }): void } | undefined;
  private endProgress: (() => void) | undefined;
  private ended = false;

  constructor(private readonly deps: ReporterDeps) {}

  /** Opens the cancellable progress notification (palette runs only); cancelling it calls `stop`. */
  attach(stop: () => void): void {
    if (this.deps.source !== 'command') return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `NN Lab: training ${this.deps.entry.fileName}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          this.progress = progress;
          this.endProgress = resolve;
          token.onCancellationRequested(stop);
          if (this.ended) resolve();
        }),
    );
  }

  /** Handles one message of the worker. */
  handle(message: WorkerToHost): void {
    const { entry, panel, log } = this.deps;
    const name = entry.fileName;
    switch (message.type) {
      case 'started':
        this.onStarted(message);
        break;
      case 'progress': {
        const reports = message.reports;
        if (reports.length === 0) break;
        this.reports.push(...reports);
        this.outcome.firstLoss ??= reports[0].loss;
        const last = reports[reports.length - 1];
        this.outcome.lastLoss = last.loss;
        this.outcome.epochs += reports.length;
        log.debug(`${name}: epoch ${last.epoch}/${last.epochs} loss ${formatLoss(last.loss)}`);
        panel.post({ type: 'progress', reports });
        this.deps.statusBar.update(entry.uri, name, last.epoch, last.epochs);
        this.progress?.report({
          increment: (100 * reports.length) / last.epochs,
          message: `epoch ${last.epoch} / ${last.epochs} · loss ${formatLoss(last.loss)}`,
        });
        break;
      }
      case 'batches':
        this.progress?.report({ message: `epoch ${message.epoch} · batch ${message.done} / ${message.total}` });
        break;
      case 'snapshot':
        panel.post({ type: 'snapshot', snapshot: message.snapshot });
        break;
      case 'problems': {
        this.outcome.status = 'invalid';
        this.outcome.problems = message.problems.map(toProblemView);
        for (const p of this.outcome.problems) log.warn(`${name}: ${p.where}: ${p.message}`);
        // No reset: the last good run stays on screen with the problems above it.
        panel.post({ type: 'phase', phase: 'invalid', problems: this.outcome.problems });
        if (this.deps.source === 'command') {
          const errors = this.outcome.problems.filter((p) => p.severity === 'error');
          const first = errors[0] ?? this.outcome.problems[0];
          const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
          void vscode.window.showErrorMessage(`NN Lab: ${name} cannot be trained. ${first ? `${first.where}: ${first.message}` : ''}${more}`);
        }
        this.end();
        break;
      }
      case 'finished': {
        this.outcome.status = message.status;
        this.outcome.message = message.message;
        // Early stopping restored an earlier epoch: its loss is the one of the weights the run ends with.
        const restored = message.restoredEpoch !== undefined ? this.reports.find((r) => r.epoch === message.restoredEpoch) : undefined;
        if (restored) this.outcome.lastLoss = restored.loss;
        panel.post({
          type: 'phase',
          phase: message.status,
          message: message.message,
          ...(message.bestEpoch !== undefined ? { bestEpoch: message.bestEpoch } : {}),
          ...(message.stoppedEpoch !== undefined ? { stoppedEpoch: message.stoppedEpoch } : {}),
          ...(message.restoredEpoch !== undefined ? { restoredEpoch: message.restoredEpoch } : {}),
          ...(message.testLoss !== undefined
            ? { test: { loss: message.testLoss, ...(message.testAccuracy !== undefined ? { accuracy: message.testAccuracy } : {}) } }
            : {}),
        });
        if (message.weights && this.started) {
          entry.trained = {
            text: this.deps.text,
            weights: message.weights,
            status: message.status,
            epochs: this.outcome.epochs,
            finalLoss: this.outcome.lastLoss,
            digest: this.started.digest,
          };
        }
        log.info(
          `${name}: ${this.started?.label ?? ''} ${message.status} after ${this.timingText()}` +
            (this.outcome.lastLoss !== undefined ? `, loss ${formatLoss(this.outcome.lastLoss)}` : '') +
            (message.message ? ` (${message.message})` : ''),
        );
        if (message.status === 'diverged') void vscode.window.showWarningMessage(`NN Lab: ${name}: ${message.message ?? 'training diverged.'}`);
        else if (this.deps.source === 'command') vscode.window.setStatusBarMessage(`NN Lab: ${name} ${message.status}`, 5000);
        this.end();
        break;
      }
      case 'crashed':
        this.outcome.status = 'crashed';
        this.outcome.message = message.message;
        log.error(`${name}: training failed after ${this.timingText()}: ${message.stack ?? message.message}`);
        panel.post({ type: 'phase', phase: 'crashed', message: message.message });
        void vscode.window.showErrorMessage(`NN Lab: training ${name} failed: ${message.message}`);
        this.end();
        break;
      default:
        assertNever(message);
    }
  }

  private onStarted(message: RunStartedMessage): void {
    const { entry, panel, log } = this.deps;
    const id = entry.history.nextRun();
    const label = runLabel(id, message.optimizer, message.activations);
    const at = Date.now();
    this.started = { ...message, id, label, at };
    this.outcome.status = 'running';
    this.outcome.runLabel = label;
    entry.cost = message.parameters * message.samples * message.epochs;
    log.info(
      `${entry.fileName}: run ${label}: model "${message.name}", digest ${message.digest}, ${message.parameters} parameters, ` +
        `${message.samples} samples (${message.task}), ${message.epochs} epochs, ${message.batchesPerEpoch} batches per epoch`,
    );
    for (const w of message.warnings) log.warn(`${entry.fileName}: ${formatPath(w.path)}: ${w.message}`);
    const runs = entry.history.runs;
    panel.post({ type: 'reset', state: { ...initialPanelState(entry.fileName), runs, modelName: message.name, epochs: message.epochs } });
    panel.post({ type: 'runs', runs });
    panel.post({
      type: 'started',
      modelName: message.name,
      epochs: message.epochs,
      hasValidation: message.hasValidation,
      activations: message.activations,
      task: message.task,
      startedAt: at,
      runLabel: label,
    });
    this.deps.statusBar.update(entry.uri, entry.fileName, 0, message.epochs);
  }

  /** "120 epochs in 1.52 s (…)" for the log. */
  private timingText(): string {
    if (!this.started) return '0 epochs';
    return formatTimings(this.outcome.epochs, runTimings(this.outcome.epochs, this.started.trainSamples, Date.now() - this.started.at));
  }

  /** The run is over: record it for comparison and clear the status bar and the notification. */
  private end(): void {
    this.ended = true;
    if (this.started) this.deps.entry.history.finish(this.started.id, this.started.label, this.reports);
    this.deps.statusBar.remove(this.deps.entry.uri);
    this.endProgress?.();
  }
}
