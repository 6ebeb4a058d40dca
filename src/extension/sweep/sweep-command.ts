/**
 * The "NN Lab: Run Sweep" command: on the active (or given) `*.nn.json` with a `"sweep"` block,
 * checks the block, plans every combination (invalid ones are listed, never run), and trains the
 * rest on a pool of worker threads (`nnLab.sweepWorkers`, 0 = one per core), filling the sweep
 * panel as combinations start and end. Stop (panel, status bar) cancels every run.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { dataAccessFor } from '../files/workspace-access';
import { parseConfigText } from '../../core/config/parse-json';
import { validateConfig } from '../../core/config/validate';
import { isObject } from '../../core/config/checks';
import { formatPath, type Problem } from '../../core/problems';
import { isConfigFile } from '../../core/config/file-names';
import { checkSweep } from '../../core/sweep/check-sweep';
import { planSweep } from '../../core/sweep/sweep-plan';
import { defaultWorkers, SweepRunner, type SweepEvent } from '../../node/sweep/sweep-runner';
import { workerPool } from '../../node/sweep/worker-pool';
import type { SweepRow, SweepState } from '../../protocol/sweep';
import { axisInfos, CurveKeeper, rowOfResult } from '../../protocol/view/sweep-rows';
import { SweepPanel, type SweepSnapshot } from './sweep-panel';
import { configText, sweepActions } from './sweep-config-actions';

/** The command id, as contributed in package.json. */
export const RUN_SWEEP = 'nnLab.runSweep';

/** The setting of the pool size (0: one worker per core). */
export const SWEEP_WORKERS_SETTING = 'sweepWorkers';

/** Points kept of each run's loss curve (its summary for the overlaid curves). */
const CURVE_POINTS = 100;

let active: SweepRunner | undefined;

/** Runs at the same time: the setting, or one per core when it is 0 or unset. */
function workerCount(): number {
  const n = vscode.workspace.getConfiguration('nnLab').get<number>(SWEEP_WORKERS_SETTING, 0);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : defaultWorkers();
}

/** One problem as a line: `path: message`. */
function problemLine(p: Problem): string {
  return `${p.path.length ? `${formatPath(p.path)}: ` : ''}${p.message}`;
}

/** Runs the sweep of `text` (the config at `uri`) to its end; resolves with the final state, or undefined when it cannot start. */
async function sweep(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, uri: vscode.Uri, text: string): Promise<SweepState | undefined> {
  const file = path.basename(uri.fsPath);
  const parsed = parseConfigText(text);
  if (parsed.value === undefined || !isObject(parsed.value)) {
    void vscode.window.showErrorMessage(`NN Lab: cannot run the sweep of ${file}: ${parsed.problems[0]?.message ?? 'not a JSON object'}`);
    return undefined;
  }
  const config = parsed.value;
  if (!Object.hasOwn(config, 'sweep')) {
    void vscode.window.showErrorMessage(`NN Lab: ${file} has no "sweep" block; add one (see the README's "Sweeps") and run the sweep again.`);
    return undefined;
  }
  const checked = checkSweep(config);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.spec || errors.length) {
    void vscode.window.showErrorMessage(
      `NN Lab: fix the sweep of ${file}: ${problemLine(errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
    return undefined;
  }
  const spec = checked.spec;
  // Checked here without the data (pure and quick); the workers load the data and report what only it tells.
  const plan = planSweep(config, spec, (json) => validateConfig(json).problems);
  active?.dispose();
  const state: SweepState = {
    file,
    source: uri.toString(),
    metric: spec.metric,
    repeats: spec.repeats,
    parameters: axisInfos(spec),
    rows: [],
    done: 0,
    total: plan.combinations.length,
    finished: false,
    cancelled: false,
  };
  const panel = SweepPanel.show(extensionUri, log, sweepActions(log), state);
  const configDir = path.dirname(uri.fsPath);
  const pool = workerPool(vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath, configDir, dataAccessFor(uri, configDir));
  const workers = workerCount();
  const forward = (event: SweepEvent): void => {
    if (active !== runner || SweepPanel.open !== panel) return;
    if (event.type === 'run-started' && event.repeat === 0) {
      const row: SweepRow = { index: event.index, parameters: plan.combinations[event.index].combination.values, status: 'running', metrics: {} };
      panel.update(row, panel.snapshot().state.done);
    } else if (event.type === 'result') {
      // Only the best runs keep their loss curves: memory stays bounded however many runs finish.
      const { row, evicted } = curves.admit(rowOfResult(event.result));
      if (evicted !== undefined) panel.dropCurve(evicted);
      panel.update(row, event.done);
    }
  };
  const curves = new CurveKeeper(spec.metric);
  const runner: SweepRunner = new SweepRunner(plan, pool, forward, { workers, curvePoints: CURVE_POINTS });
  active = runner;
  panel.onStop = () => runner.cancel();
  log.info(`Sweep of ${uri.fsPath}: ${plan.combinations.length} combinations × ${spec.repeats} repeats on ${workers} workers`);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `NN Lab: sweeping ${file}`, cancellable: false },
    async (progress) => {
      const timer = setInterval(() => {
        const s = panel.snapshot().state;
        progress.report({ message: `${s.done} of ${s.total}` });
      }, 500);
      try {
        return await runner.run();
      } finally {
        clearInterval(timer);
      }
    },
  );
  if (active !== runner) return { ...state, finished: true }; // a newer sweep took the panel over
  active = undefined;
  panel.finish(outcome.cancelled);
  const best = outcome.best;
  log.info(`Sweep of ${file} ${outcome.cancelled ? 'stopped' : 'finished'}${best ? `; best: run ${best.index + 1} ${JSON.stringify(best.parameters)}` : ''}`);
  return panel.snapshot().state;
}

/** Registers the command and the panel's serializer. Argument: an optional config Uri (the CodeLens passes it). */
export function registerSweepCommand(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const command = vscode.commands.registerCommand(RUN_SWEEP, async (arg?: unknown): Promise<SweepState | undefined> => {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const uri = arg instanceof vscode.Uri ? arg : editorUri && isConfigFile(editorUri.path) ? editorUri : undefined;
    if (!uri) {
      void vscode.window.showErrorMessage('NN Lab: open a *.nn.json model file with a "sweep" block, then run "NN Lab: Run Sweep".');
      return undefined;
    }
    let text: string;
    try {
      text = await configText(uri);
    } catch (e) {
      void vscode.window.showErrorMessage(`NN Lab: cannot run the sweep of ${path.basename(uri.fsPath)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    return sweep(extensionUri, log, uri, text);
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(SweepPanel.viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel, saved: unknown) => {
      SweepPanel.revive(panel, saved, extensionUri, log, sweepActions(log));
    },
  });
  return [
    command,
    serializer,
    {
      dispose: () => {
        active?.dispose();
        SweepPanel.open?.dispose();
      },
    },
  ];
}

/** The sweep's part of the extension API (read by tests). */
export interface SweepApi {
  /** The open sweep, or undefined when no sweep panel is open. */
  sweepSnapshot(): SweepSnapshot | undefined;
  /** Stops the running sweep, as the panel's Stop button does. */
  sweepStop(): void;
}

/** The sweep API over the open panel. */
export const sweepApi: SweepApi = {
  sweepSnapshot: () => SweepPanel.open?.snapshot(),
  sweepStop: () => active?.cancel(),
};
