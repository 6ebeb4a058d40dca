/**
 * Everything NN Lab adds to the JSON editor of a model config: diagnostics, quick fixes,
 * CodeLens, hovers, and completion of a sweep's parameter paths (the rest of completion and the
 * schema checks come from VS Code's JSON support).
 */
import * as vscode from 'vscode';
import { ConfigCodeLens } from './code-lens';
import { CONFIG_SELECTOR } from './config-documents';
import { ConfigDiagnostics } from './diagnostics';
import { ConfigHover } from './hover';
import { ConfigQuickFixes } from './quick-fixes';
import { SweepPathCompletion } from './sweep-completion';

/** Registers the editing features; dispose the result to remove them. */
export function registerEditing(): vscode.Disposable[] {
  const diagnostics = new ConfigDiagnostics();
  return [
    diagnostics,
    vscode.languages.registerCodeActionsProvider(CONFIG_SELECTOR, new ConfigQuickFixes((uri, d) => diagnostics.problemOf(uri, d)), ConfigQuickFixes.metadata),
    vscode.languages.registerCodeLensProvider(CONFIG_SELECTOR, new ConfigCodeLens()),
    vscode.languages.registerHoverProvider(CONFIG_SELECTOR, new ConfigHover()),
    vscode.languages.registerCompletionItemProvider(CONFIG_SELECTOR, new SweepPathCompletion(), '"'),
  ];
}
