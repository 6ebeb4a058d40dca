/**
 * The "NN Lab: Compare Optimizers" command: on the active (or given) `*.nn.json`, pick optimizers
 * in a multi-select quick pick, then train the config once per optimizer with the same seed and
 * overlay the loss curves in the comparison panel. Cancellable from the notification and the panel.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { dataAccessFor, readConfigUri } from '../files/workspace-access';
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig } from '../../core/config/validate';
import { formatPath } from '../../core/problems';
import { OPTIMIZERS } from '../../core/optimizers';
import type { CompareState } from '../../protocol/compare';
import { ComparePanel, type CompareSnapshot } from './compare-panel';
import { CompareRunner, workerSessions } from '../../node/compare/compare-runner';
import { configuredOptimizer, defaultSelection, makeVariants } from '../../core/compare/optimizer-variants';
import { isConfigFile } from '../../core/config/file-names';

/** The command id, as contributed in package.json. */
export const COMPARE_OPTIMIZERS = 'nnLab.compareOptimizers';

/** Training workers run side by side (the machine this was tuned on has two cores). */
const PARALLEL_RUNS = 2;

let active: CompareRunner | undefined;

/** Asks which optimizers to compare; undefined when dismissed. */
async function pickOptimizers(own: string | undefined): Promise<string[] | undefined> {
  const preselected = new Set(defaultSelection(own));
  const items = OPTIMIZERS.map((o) => ({
    label: o.name,
    description: o.name === own ? 'the config’s optimizer, with its settings' : o.params.map((p) => `${p.name} ${p.default}`).join(', '),
    detail: o.summary,
    picked: preselected.has(o.name),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Compare Optimizers',
    placeHolder: 'Optimizers to train the model with (same seed and initial weights)',
    matchOnDetail: true,
  });
  return picked?.map((p) => p.label);
}

/** The config's text: its open editor's contents (saved or not), else the file on disk. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readConfigUri(uri);
}

/** Runs one comparison to its end; resolves with the final state. */
async function compare(
  extensionUri: vscode.Uri,
  log: vscode.LogOutputChannel,
  uri: vscode.Uri,
  text: string,
  value: object,
  optimizers: string[],
): Promise<CompareState> {
  active?.dispose();
  const configDir = path.dirname(uri.fsPath);
  const access = dataAccessFor(uri, configDir);
  const variants = makeVariants(text, value, optimizers);
  const training = (value as { training?: { epochs?: unknown; seed?: unknown } }).training;
  const state: CompareState = {
    file: path.basename(uri.fsPath),
    epochs: typeof training?.epochs === 'number' ? training.epochs : 0,
    seed: typeof training?.seed === 'number' ? training.seed : 0,
    series: variants.map((v) => ({ optimizer: v.optimizer, settings: v.settings, status: 'queued', losses: [] })),
    done: false,
  };
  const panel = ComparePanel.show(extensionUri, log, state);
  const workerPath = vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath;
  const runner: CompareRunner = new CompareRunner(
    variants,
    workerSessions(workerPath, configDir, access),
    (u) => {
      if (active === runner && ComparePanel.open === panel) panel.update(u);
    },
    PARALLEL_RUNS,
  );
  active = runner;
  panel.onStop = () => runner.cancel();
  log.info(`Comparing ${optimizers.join(', ')} on ${uri.fsPath}`);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `NN Lab: comparing ${optimizers.length} optimizers`, cancellable: true },
    async (progress, token) => {
      token.onCancellationRequested(() => runner.cancel());
      const timer = setInterval(() => {
        const s = panel.snapshot().state.series;
        const ended = s.filter((x) => x.status !== 'queued' && x.status !== 'running').length;
        progress.report({ message: `${ended} of ${s.length} runs finished` });
      }, 500);
      try {
        runner.run();
        await runner.finished;
      } finally {
        clearInterval(timer);
      }
    },
  );
  const cancelled = await runner.finished;
  if (active !== runner) return { ...state, done: true }; // a newer comparison took the panel over
  active = undefined;
  panel.finish(cancelled);
  const final = panel.snapshot().state;
  // The workers validated the config (off the host thread); when none could train it, say why.
  if (final.series.length > 0 && final.series.every((s) => s.status === 'failed')) {
    void vscode.window.showErrorMessage(`NN Lab: fix ${state.file} before comparing optimizers: ${final.series[0].message ?? 'it cannot be trained.'}`);
  }
  return final;
}

/** Registers the command. Arguments: an optional config Uri and (for scripts and tests) the optimizer names, skipping the quick pick. */
export function registerCompareCommand(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const command = vscode.commands.registerCommand(COMPARE_OPTIMIZERS, async (arg?: unknown, names?: unknown): Promise<CompareState | undefined> => {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const uri = arg instanceof vscode.Uri ? arg : editorUri && isConfigFile(editorUri.path) ? editorUri : undefined;
    if (!uri) {
      void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file, then run "NN Lab: Compare Optimizers".');
      return undefined;
    }
    let text: string;
    try {
      text = await textOf(uri);
    } catch (e) {
      void vscode.window.showErrorMessage(`NN Lab: cannot compare optimizers on ${path.basename(uri.fsPath)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    // Parsed and validated here (pure, no file read: cheap on the host thread); the workers load the data,
    // build the models and measure the initial loss, off the host thread.
    const parsed = parseConfigText(text);
    if (parsed.value === undefined) {
      void vscode.window.showErrorMessage(`NN Lab: cannot compare optimizers on ${path.basename(uri.fsPath)}: ${parsed.problems[0]?.message ?? 'not JSON'}`);
      return undefined;
    }
    const value = parsed.value;
    const errors = validateConfig(value).problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      const first = errors[0];
      void vscode.window.showErrorMessage(
        `NN Lab: fix ${path.basename(uri.fsPath)} before comparing optimizers: ${first.path.length ? `${formatPath(first.path)}: ` : ''}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      );
      return undefined;
    }
    const own = configuredOptimizer(value);
    if (!own || typeof value !== 'object' || value === null) {
      void vscode.window.showErrorMessage(`NN Lab: ${path.basename(uri.fsPath)} is not a model description (a JSON object).`);
      return undefined;
    }
    const known = new Set(OPTIMIZERS.map((o) => o.name));
    const chosen = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && known.has(n)) : await pickOptimizers(own.name);
    if (!chosen || chosen.length === 0) return undefined;
    return compare(extensionUri, log, uri, text, value, [...new Set(chosen)]);
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(ComparePanel.viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel, saved: unknown) => {
      ComparePanel.revive(panel, saved, extensionUri, log);
    },
  });
  return [
    command,
    serializer,
    {
      dispose: () => {
        active?.dispose();
        ComparePanel.open?.dispose();
      },
    },
  ];
}

/** The comparison's part of the extension API (read by the integration tests). */
export interface CompareApi {
  /** The open comparison, or undefined when no comparison panel is open. */
  compareSnapshot(): CompareSnapshot | undefined;
  /** Stops the running comparison, as the panel's Stop button does. */
  compareStop(): void;
}

/** The comparison API over the open panel. */
export const compareApi: CompareApi = {
  compareSnapshot: () => ComparePanel.open?.snapshot(),
  compareStop: () => active?.cancel(),
};
