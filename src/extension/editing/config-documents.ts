/**
 * Which open documents are NN Lab model configs: `*.nn.json` files (saved or untitled), and
 * untitled JSON whose `$schema` points at nn.schema.json.
 */
import * as vscode from 'vscode';
import { isConfigFile } from '../../core/config/file-names';

/** The selector for the language features (CodeLens, hover, code actions). */
export const CONFIG_SELECTOR: vscode.DocumentSelector = [
  { language: 'json', pattern: '**/*.nn.json' },
  { language: 'jsonc', pattern: '**/*.nn.json' },
  { language: 'json', scheme: 'untitled' },
];

/** True when the document is a model config NN Lab should check and offer to train. */
export function isConfigDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return false;
  if (isConfigFile(doc.uri.path)) return true;
  if (doc.uri.scheme !== 'untitled') return false;
  return /"\$schema"\s*:\s*"[^"]*nn\.schema\.json"/.test(doc.getText(new vscode.Range(0, 0, 5, 0)));
}
