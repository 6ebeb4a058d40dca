/**
 * Hovers over activation and optimizer names in a config. VS Code's JSON support already shows
 * the schema's description; this hover adds what the schema cannot: a plot of the activation and
 * its derivative with the parameters as written, and the optimizer's effective hyper-parameters.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import * as vscode from 'vscode';
import { activationRegistry } from '../../core/activations/index';
import { optimizerRegistry } from '../../core/optimizers/index';
import type { JsonPath } from '../../core/problems';
import type { ParamSpec } from '../../core/registry';
import { activationPlotDataUri, PLOT_HEIGHT, PLOT_WIDTH } from '../../core/editing/activation-plot';
import { isConfigDocument } from './config-documents';
import { stringAt, treeOf } from '../../core/editing/json-locations';

/** What a name in the document refers to. */
export type NameKind = 'activation' | 'optimizer';

/** Whether the string value at `path` names an activation or an optimizer, and the path of its object form. */
export function nameKindAt(path: JsonPath): { kind: NameKind; objectPath?: JsonPath } | undefined {
  const n = path.length;
  if (path[0] === 'layers' && typeof path[1] === 'number' && path[2] === 'activation') {
    if (n === 3) return { kind: 'activation' };
    if (n === 4 && path[3] === 'name') return { kind: 'activation', objectPath: path.slice(0, 3) };
  }
  if (path[0] === 'optimizer' && n === 1) return { kind: 'optimizer' };
  if (path[0] === 'optimizer' && n === 2 && path[1] === 'name') return { kind: 'optimizer', objectPath: ['optimizer'] };
  return undefined;
}

/** The numeric members written beside `name` in an object form. */
function writtenParams(root: Node, objectPath: JsonPath | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const object = objectPath ? findNodeAtLocation(root, objectPath) : undefined;
  for (const member of object?.children ?? []) {
    const [key, value] = member.children ?? [];
    if (key && value?.type === 'number' && typeof value.value === 'number') out[String(key.value)] = value.value;
  }
  return out;
}

/** One table row per parameter: the value in effect and whether it is the default. */
function paramTable(specs: readonly ParamSpec[], written: Record<string, number>, none: string): string[] {
  if (specs.length === 0) return [none];
  const rows = ['| parameter | value | default |', '|---|---|---|'];
  for (const p of specs) {
    const given = written[p.name];
    rows.push(`| \`${p.name}\` | ${given === undefined ? `${p.default}` : `**${given}**`} | ${p.default} |`);
  }
  return rows;
}

/** The hover markdown for an activation (with its plot) or an optimizer, or undefined for unknown names. */
export function nameHoverMarkdown(kind: NameKind, name: string, written: Record<string, number>): vscode.MarkdownString | undefined {
  const registry = kind === 'activation' ? activationRegistry : optimizerRegistry;
  if (!registry.has(name) && registry.canonical(name) === undefined) return undefined;
  const entry = kind === 'activation' ? activationRegistry.entry(name) : optimizerRegistry.entry(name);
  const md = new vscode.MarkdownString();
  if (kind === 'activation') {
    let params: Record<string, number> = {};
    try {
      params = activationRegistry.resolveParams(entry.name, written);
    } catch {
      params = activationRegistry.resolveParams(entry.name, {});
    }
    md.appendMarkdown(`**${entry.name}**: ${entry.summary}\n\n\`${entry.formula}\`\n\n`);
    md.appendMarkdown(
      `![plot of ${entry.name} and its derivative](${activationPlotDataUri(entry.name, params)}|width=${PLOT_WIDTH},height=${PLOT_HEIGHT})\n\n`,
    );
    md.appendMarkdown('f(x) solid, f′(x) dashed\n\n');
  } else {
    md.appendMarkdown(`**${entry.name}**: ${entry.summary}\n\nUpdate: \`${entry.formula}\`\n\n`);
  }
  md.appendMarkdown(paramTable(entry.params, written, kind === 'activation' ? 'No parameters.' : 'No hyper-parameters.').join('\n'));
  return md;
}

/** The hover provider registered for config documents. */
export class ConfigHover implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isConfigDocument(doc)) return undefined;
    const root = treeOf(doc.getText());
    const at = stringAt(root, doc.offsetAt(position));
    if (!root || !at || at.isKey || typeof at.node.value !== 'string') return undefined;
    const kind = nameKindAt(at.path);
    if (!kind) return undefined;
    const md = nameHoverMarkdown(kind.kind, at.node.value, writtenParams(root, kind.objectPath));
    if (!md) return undefined;
    const range = new vscode.Range(doc.positionAt(at.node.offset), doc.positionAt(at.node.offset + at.node.length));
    return new vscode.Hover(md, range);
  }
}
