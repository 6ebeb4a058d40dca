/**
 * Markdown for registry entries, shared by the JSON Schema hovers and docs/reference.md.
 */
import type { ParamSpec, RegistryEntry } from '../registry';

/** A registry entry's documentation, independent of what it builds. */
export type EntryDoc = Pick<RegistryEntry<unknown>, 'name' | 'summary' | 'formula' | 'params' | 'aliases'> & {
  /** An activation's default initialiser (what `init: "auto"` picks). */
  init?: 'he' | 'xavier';
};

/** The allowed range of a parameter in words: `≥ 0`, `0 ≤ α < 1`, `whole number ≥ 1`, … */
export function paramRange(p: ParamSpec): string {
  const parts: string[] = [];
  if (p.min !== undefined) parts.push(`${p.exclusiveMin ? '>' : '≥'} ${p.min}`);
  if (p.max !== undefined) parts.push(`${p.exclusiveMax ? '<' : '≤'} ${p.max}`);
  const range = parts.join(' and ');
  return p.integer ? `whole number${range ? ` ${range}` : ''}` : range;
}

/** One line per parameter: `` `alpha` (default 0.01, ≥ 0): doc ``. */
export function paramLines(params: readonly ParamSpec[]): string[] {
  return params.map((p) => {
    const range = paramRange(p);
    return `- \`${p.name}\` (default ${p.default}${range ? `; ${range}` : ''}): ${p.doc}`;
  });
}

/** Hover text of an entry: summary, formula, parameters and their defaults. */
export function entryMarkdown(e: EntryDoc): string {
  const lines = [`**${e.name}**: ${e.summary}`, '', `\`${e.formula}\``];
  if (e.params.length) lines.push('', 'Parameters:', ...paramLines(e.params));
  else lines.push('', 'No parameters.');
  if (e.aliases?.length) lines.push('', `Also accepted (with a warning): ${e.aliases.map((a) => `"${a}"`).join(', ')}.`);
  return lines.join('\n');
}
