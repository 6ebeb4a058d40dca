/**
 * Completion of parameter paths inside a config's `sweep.parameters`: at a property key there, the
 * config's own settings (`optimizer.alpha`, `layers[0].units`, `training.l2`, …) not swept yet, each
 * with its current value; a bare key inserts `"path": { "values": [ … ] }`.
 */
import * as vscode from 'vscode';
import { getLocation, parse } from 'jsonc-parser';
import { sweepPathCandidates } from '../../core/editing/sweep-paths';
import { isConfigDocument } from './config-documents';

/** The current value as a short detail line. */
function detailOf(value: unknown): string {
  if (value === undefined) return 'not set in this config (its default)';
  const text = JSON.stringify(value) ?? String(value);
  return `now ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}

/** The completion provider. */
export class SweepPathCompletion implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!isConfigDocument(doc)) return [];
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const location = getLocation(text, offset);
    if (!location.isAtPropertyKey || location.path.length !== 3 || location.path[0] !== 'sweep' || location.path[1] !== 'parameters') return [];
    // Lenient parse: the text is being typed.
    const config: unknown = parse(text, [], { allowTrailingComma: true, disallowComments: false });
    const swept = (config as { sweep?: { parameters?: unknown } } | undefined)?.sweep?.parameters;
    const taken = new Set(typeof swept === 'object' && swept !== null ? Object.keys(swept) : []);
    const node = location.previousNode;
    const inString = node?.type === 'string' && node.offset < offset && offset <= node.offset + node.length;
    const range = inString ? new vscode.Range(doc.positionAt(node.offset), doc.positionAt(node.offset + node.length)) : undefined;
    const typed = inString ? text.slice(node.offset + 1, offset) : '';
    return sweepPathCandidates(config)
      .filter((c) => !taken.has(c.key) || c.key === typed)
      .map((c, i) => {
        const item = new vscode.CompletionItem(c.key, vscode.CompletionItemKind.Property);
        item.detail = detailOf(c.value);
        item.documentation = new vscode.MarkdownString(`Sweep \`${c.key}\`: list its \`values\`, or a \`min\`/\`max\` range for a random sweep.`);
        item.sortText = String(i).padStart(4, '0');
        if (range) {
          item.range = range;
          item.insertText = JSON.stringify(c.key);
          item.filterText = JSON.stringify(c.key);
        } else {
          const current = c.value === undefined ? '' : JSON.stringify(c.value).replace(/[$}\\]/g, '\\$&');
          item.insertText = new vscode.SnippetString(`${JSON.stringify(c.key).replace(/[$}\\]/g, '\\$&')}: { "values": [\${1:${current}}] }`);
        }
        return item;
      });
  }
}
