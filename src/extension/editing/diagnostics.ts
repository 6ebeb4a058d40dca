/**
 * Semantic diagnostics of model configs: checked on open and (debounced) on change, with each
 * problem's range on the exact key or value, and cleared when the document closes.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Problem } from '../../core/problems';
import { checkConfigText } from '../../node/editing/check-config';
import { isConfigDocument } from './config-documents';
import { DataFileCache } from '../../node/editing/data-file-cache';
import { rangeOfPath, treeOf } from '../../core/editing/json-locations';
import { ALLOW_OUTSIDE_SETTING, dataAccessFor } from '../files/workspace-access';

/** The `source` of every NN Lab diagnostic. */
export const DIAGNOSTIC_SOURCE = 'NN Lab';

/** Milliseconds of quiet typing before a document is checked again. */
export const DEBOUNCE_MS = 300;

/** A diagnostic that remembers the problem it came from (for the quick fixes). */
export class ConfigDiagnostic extends vscode.Diagnostic {
  constructor(
    range: vscode.Range,
    readonly problem: Problem,
  ) {
    super(range, problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    this.source = DIAGNOSTIC_SOURCE;
    if (problem.code) this.code = problem.code;
  }
}

/** The problems of `doc`'s text as diagnostics (its data file, if any, read without blocking). */
export async function diagnosticsOf(doc: vscode.TextDocument, files: DataFileCache): Promise<ConfigDiagnostic[]> {
  const text = doc.getText();
  const dir = configDirOf(doc.uri);
  const check = await checkConfigText(text, dir, files, dataAccessFor(doc.uri, dir));
  const root = check.problems.every((p) => p.at) ? undefined : treeOf(text);
  // The JSON extension checks the text too, but NN Lab reads it strictly (as the CLI does): its
  // first syntax error and each duplicate key are shown at their own span (a BOM is not counted).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return check.problems.map((p) => {
    const r = p.at ? { start: p.at.offset + bom, end: p.at.offset + bom + Math.max(1, p.at.length) } : rangeOfPath(root, p.path, p.code === 'unknown-key');
    return new ConfigDiagnostic(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), p);
  });
}

/** Where a config's relative data paths point: its folder, or the first workspace folder for untitled ones. */
export function configDirOf(uri: vscode.Uri): string {
  if (uri.scheme === 'file') return path.dirname(uri.fsPath);
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
}

/** Keeps the "NN Lab" diagnostics of every open config up to date. */
export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nn-lab');
  private readonly files = new DataFileCache();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly current = new Map<string, ConfigDiagnostic[]>();
  /** The latest check started per document: an older one finishing later is dropped. */
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.refresh(d)),
      // VS Code may keep a document open long after its last tab closed: clear on the tab closing too.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.forgetClosedTabs(e.closed)),
      // Which data files may be read changes with trust and with the setting: check again.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`nnLab.${ALLOW_OUTSIDE_SETTING}`)) this.refreshAll();
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) if (!this.current.has(e.document.uri.toString())) void this.refresh(e.document);
      }),
    );
    for (const d of vscode.workspace.textDocuments) void this.refresh(d);
  }

  /** Checks `doc` now (nothing for documents that are not configs); resolves when its diagnostics are set. */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    this.cancel(doc.uri);
    const key = doc.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    if (doc.isClosed) return;
    if (!isConfigDocument(doc)) {
      this.collection.delete(doc.uri);
      this.current.delete(key);
      return;
    }
    const version = doc.version;
    let list: ConfigDiagnostic[];
    try {
      list = await diagnosticsOf(doc, this.files);
    } catch {
      return; // the check never throws; a failure here must not surface as an unhandled rejection
    }
    // A newer check started, or the document closed or changed meanwhile: this result is stale.
    if (this.generation.get(key) !== generation || doc.isClosed || doc.version !== version || this.disposed) return;
    this.current.set(key, list);
    this.collection.set(doc.uri, list);
  }

  /** Checks every open document again. */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) void this.refresh(d);
  }

  /** The core problem behind a diagnostic VS Code hands back (matched on range, message and source). */
  problemOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Problem | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    const list = this.current.get(uri.toString()) ?? [];
    return list.find((d) => d.message === diagnostic.message && d.range.isEqual(diagnostic.range))?.problem;
  }

  /** Checks `doc` after DEBOUNCE_MS without further changes. */
  schedule(doc: vscode.TextDocument): void {
    this.cancel(doc.uri);
    this.timers.set(
      doc.uri.toString(),
      setTimeout(() => void this.refresh(doc), DEBOUNCE_MS),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }

  /** Clears the diagnostics of documents whose last tab just closed. */
  private forgetClosedTabs(closed: readonly vscode.Tab[]): void {
    const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));
    for (const tab of closed) if (tab.input instanceof vscode.TabInputText && !open.has(tab.input.uri.toString())) this.forget(tab.input.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.cancel(uri);
    this.generation.set(uri.toString(), (this.generation.get(uri.toString()) ?? 0) + 1);
    this.current.delete(uri.toString());
    this.collection.delete(uri);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }
}
