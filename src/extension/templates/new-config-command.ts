/**
 * "NN Lab: New Model Config": pick a template, get a new untitled `<name>.nn.json` editor with it,
 * ready to train (the untitled document's name ends in .nn.json, so the schema, the checks and
 * "Train Model" all apply before it is ever saved).
 */
import { existsSync } from 'fs';
import * as vscode from 'vscode';
import { TEMPLATES, templateText, type ConfigTemplate } from '../../core/templates/templates';

/** The command id, as contributed in package.json. */
export const NEW_CONFIG_COMMAND = 'nnLab.newConfig';

/** An untitled URI `…/<id>.nn.json` (then `<id>-2.nn.json`, …) that names no open document and no file. */
export function freshUntitledUri(id: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let i = 1; ; i++) {
    const file = `${id}${i === 1 ? '' : `-${i}`}.nn.json`;
    const target = folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(`/${file}`);
    const taken = open.has(target.path) || (target.scheme === 'file' && existsSync(target.fsPath));
    if (!taken) return target.with({ scheme: 'untitled' });
  }
}

/** Opens a new untitled editor holding `template`; resolves with its document. */
export async function openTemplate(template: ConfigTemplate): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(freshUntitledUri(template.id));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), templateText(template));
  await vscode.workspace.applyEdit(edit);
  if (doc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Registers the command. Its optional argument is a template id (for tests and the walkthrough); without it a quick pick asks. */
export function registerNewConfigCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_CONFIG_COMMAND, async (templateId?: unknown): Promise<vscode.Uri | undefined> => {
    let template = typeof templateId === 'string' ? TEMPLATES.find((t) => t.id === templateId) : undefined;
    if (!template) {
      const picked = await vscode.window.showQuickPick(
        TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
        { title: 'New NN Lab model config', placeHolder: 'Start from a template' },
      );
      template = picked?.template;
    }
    if (!template) return undefined;
    return (await openTemplate(template)).uri;
  });
}
