/**
 * What the sweep panel's buttons do with a run: open its resolved config (the swept file with the
 * run's values filled in and the `sweep` block removed) as a new untitled `*.nn.json`, apply its
 * values to the swept file itself (after a confirmation, as one undoable edit), or save every row as CSV.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { parseConfigText } from '../../core/config/parse-json';
import { isObject } from '../../core/config/checks';
import { formatPath } from '../../core/problems';
import { checkSweep } from '../../core/sweep/check-sweep';
import { resolveCombination } from '../../core/sweep/resolve-combination';
import type { SweepSpec } from '../../core/sweep/sweep-types';
import { bestConfigText } from '../../core/sweep/write-best';
import type { SweepState } from '../../protocol/sweep';
import { exportName } from '../../protocol/view/history-csv';
import { sweepCsv } from '../../protocol/view/sweep-view';
import { WriteError } from '../../node/files/atomic-write';
import { saveBytesTo } from '../files/save-file';
import { readConfigUri } from '../files/workspace-access';
import type { SweepPanelActions } from './sweep-panel';

/** The swept file's text now: its open editor's contents (saved or not), else the file on disk. */
export async function configText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readConfigUri(uri);
}

/** The text of combination `index` of the sweep in `state`, from the swept file as it is now; throws with a one-line reason. */
export async function runConfigText(state: SweepState, index: number, keepSweep: boolean): Promise<string> {
  const row = state.rows.find((r) => r.index === index);
  if (!row) throw new Error(`the sweep has no run ${index + 1}`);
  const text = await configText(vscode.Uri.parse(state.source));
  const parsed = parseConfigText(text);
  const checked = parsed.value !== undefined ? checkSweep(parsed.value) : undefined;
  const spec: SweepSpec | undefined = checked?.spec;
  if (!isObject(parsed.value) || !spec) {
    const first = parsed.problems[0] ?? checked?.problems.find((p) => p.severity === 'error');
    throw new Error(
      `${state.file} no longer holds a valid sweep${first ? ` (${first.path.length ? `${formatPath(first.path)}: ` : ''}${first.message})` : ''}`,
    );
  }
  const resolved = resolveCombination(parsed.value, spec, { index, values: row.parameters });
  return bestConfigText(text, spec, resolved, { keepSweep });
}

/** A fresh untitled `*.nn.json` beside the swept file (named after it and the run), holding `text`. */
async function openUntitled(source: vscode.Uri, file: string, index: number, text: string): Promise<vscode.TextEditor> {
  const base = file.replace(/\.nn\.json$/i, '').replace(/\.json$/i, '') || 'model';
  const dir = source.scheme === 'file' ? path.dirname(source.fsPath) : (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '');
  let uri: vscode.Uri | undefined;
  for (let n = 0; !uri; n++) {
    const candidate = vscode.Uri.file(path.join(dir, `${base}-run-${index + 1}${n ? `-${n}` : ''}.nn.json`)).with({ scheme: 'untitled' });
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === candidate.toString())) uri = candidate;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  const json = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(json, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** The panel's actions, reporting failures in the log and a notification. */
export function sweepActions(log: vscode.LogOutputChannel): SweepPanelActions {
  const fail = (what: string, e: unknown): void => {
    const message = e instanceof WriteError ? e.message : e instanceof Error ? e.message : String(e);
    log.error(`Sweep: cannot ${what}: ${message}`);
    void vscode.window.showErrorMessage(`NN Lab: cannot ${what}: ${message}`);
  };
  return {
    open: (state, index) =>
      void (async () => {
        try {
          await openUntitled(vscode.Uri.parse(state.source), state.file, index, await runConfigText(state, index, false));
        } catch (e) {
          fail(`open the config of run ${index + 1}`, e);
        }
      })(),
    apply: (state, index) =>
      void (async () => {
        try {
          const source = vscode.Uri.parse(state.source);
          const text = await runConfigText(state, index, true);
          const row = state.rows.find((r) => r.index === index);
          const values = Object.entries(row?.parameters ?? {})
            .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
            .join(', ');
          const answer = await vscode.window.showWarningMessage(
            `Apply run ${index + 1} to ${state.file}?`,
            { modal: true, detail: `Writes ${values} into the file (the sweep block stays). Undo with Ctrl+Z.` },
            'Apply',
          );
          if (answer !== 'Apply') return;
          const doc = await vscode.workspace.openTextDocument(source);
          const edit = new vscode.WorkspaceEdit();
          edit.replace(source, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
          if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit');
          await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
          log.info(`Sweep: applied run ${index + 1} to ${source.toString()}`);
        } catch (e) {
          fail(`apply run ${index + 1}`, e);
        }
      })(),
    exportCsv: (state) =>
      void (async () => {
        try {
          const source = vscode.Uri.parse(state.source);
          const defaultUri = vscode.Uri.joinPath(source, '..', exportName(state.file, 'sweep', 'csv'));
          const target = await vscode.window.showSaveDialog({ defaultUri, filters: { CSV: ['csv'] }, saveLabel: 'Save' });
          if (!target) return;
          await saveBytesTo(target, new TextEncoder().encode(sweepCsv(state)));
          log.info(`Saved the sweep's CSV to ${target.fsPath}`);
        } catch (e) {
          fail('save the CSV', e);
        }
      })(),
  };
}
