/**
 * Quick fixes (code actions) for NN Lab's diagnostics; what each fix changes is in fix-plans.ts.
 */
import * as vscode from 'vscode';
import type { Problem } from '../../core/problems';
import { fixesFor } from '../../core/editing/fix-plans';
import { treeOf } from '../../core/editing/json-locations';

/** Looks up the core problem behind a diagnostic. */
export type ProblemLookup = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => Problem | undefined;

/** The code action provider registered for config documents. */
export class ConfigQuickFixes implements vscode.CodeActionProvider {
  /** What this provider offers. */
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly lookup: ProblemLookup) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const root = treeOf(doc.getText());
    if (!root) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const problem = this.lookup(doc.uri, diagnostic);
      if (!problem) continue;
      for (const fix of fixesFor(root, problem)) {
        if (!fix.change) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred ?? false;
        action.edit = new vscode.WorkspaceEdit();
        const range = new vscode.Range(doc.positionAt(fix.change.offset), doc.positionAt(fix.change.offset + fix.change.length));
        action.edit.replace(doc.uri, range, fix.change.content);
        actions.push(action);
      }
    }
    return actions;
  }
}
