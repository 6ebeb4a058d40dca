/**
 * Retrain while editing: with a config's panel open, each change of its text (debounced, when
 * `nnLab.liveTraining` is `onType`) or each save restarts its run. Invalid text keeps the last good
 * run on screen (the controller reports the problems without a reset). Identical text is not retrained.
 */
import * as vscode from 'vscode';
import type { TrainingController } from '../training/training-controller';
import { DEFAULT_DELAY_MS, DEFAULT_MAX_COST, shouldRetrain, toLiveMode, type LiveTrigger } from '../../core/runs/live-decision';
import { isConfigFile } from '../../core/config/file-names';

/** Watches config edits and restarts runs. */
export class LiveRetrain implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[];
  /** Live runs started so far (for tests and the log). */
  restarts = 0;

  constructor(
    private readonly controller: TrainingController,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(e.document, 'type');
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.changed(doc, 'save')),
    ];
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private changed(doc: vscode.TextDocument, trigger: LiveTrigger): void {
    if (!isConfigFile(doc.uri.path) || !this.controller.hasPanel(doc.uri)) return;
    const settings = vscode.workspace.getConfiguration('nnLab', doc.uri);
    const mode = toLiveMode(settings.get('liveTraining'));
    const maxCost = settings.get<number>('liveTrainingMaxCost', DEFAULT_MAX_COST);
    if (!shouldRetrain(mode, trigger, this.controller.lastCost(doc.uri), maxCost)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = trigger === 'save' ? 0 : Math.max(0, settings.get<number>('liveTrainingDelay', DEFAULT_DELAY_MS));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed || !this.controller.hasPanel(doc.uri)) return;
        const text = doc.getText();
        if (this.controller.lastRequestedText(doc.uri) === text) return;
        this.restarts++;
        this.log.debug(`${doc.uri.path.split('/').pop() ?? ''}: retraining after an edit (${trigger})`);
        void this.controller.train(doc.uri, text, 'live');
      }, delay),
    );
  }
}
