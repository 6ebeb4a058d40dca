/**
 * The text of a sweep's best configuration: the original file's text with the combination's
 * values written in and the `sweep` block removed, its layout kept (edits through jsonc-parser,
 * indented like the file). The result always parses to exactly the resolved config; if an edit
 * could not keep the layout, the resolved config is written out whole (2-space JSON).
 */
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonPath } from '../problems';
import { isObject } from '../config/checks';
import { parseConfigText } from '../config/parse-json';
import { valueAt } from './sweep-path';
import type { SweepSpec } from './sweep-types';

/**
 * `text` (the config file, with its `sweep` block) turned into the text of `resolved` (the
 * config as `resolveCombination` made it for the combination). With `keepSweep` the file's
 * `sweep` block stays (the combination's values applied to the swept file itself).
 */
export function bestConfigText(text: string, spec: SweepSpec, resolved: Record<string, unknown>, options: { keepSweep?: boolean } = {}): string {
  const original = parseConfigText(text).value;
  const sweep = options.keepSweep && isObject(original) && Object.hasOwn(original, 'sweep') ? original.sweep : undefined;
  if (sweep !== undefined) resolved = { ...resolved, sweep };
  const formatting = formattingOf(text);
  let out = text;
  try {
    for (const p of spec.parameters) {
      const at = editPoint(original, p.path);
      out = applyEdits(out, modify(out, at, valueAt(resolved, at), { formattingOptions: formatting }));
    }
    // The repeat's seed, when the resolved config is a later repeat.
    const seed = valueAt(resolved, ['training', 'seed']);
    if (seed !== undefined && seed !== valueAt(parseConfigText(out).value, ['training', 'seed']))
      out = applyEdits(out, modify(out, ['training', 'seed'], seed, { formattingOptions: formatting }));
    if (sweep === undefined) out = applyEdits(out, modify(out, ['sweep'], undefined, { formattingOptions: formatting }));
  } catch {
    out = '';
  }
  const reread = parseConfigText(out);
  if (reread.problems.length === 0 && sameJson(reread.value, resolved)) return out.endsWith('\n') ? out : `${out}\n`;
  return JSON.stringify(resolved, null, 2) + '\n';
}

/**
 * Where to edit for a parameter at `path`: the path itself when every container on the way
 * exists, else the first step that is absent or must change shape (a name that becomes
 * `{ "name": … }`), so the whole new part is written at once.
 */
function editPoint(original: unknown, path: JsonPath): JsonPath {
  let node = original;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i];
    const child =
      typeof step === 'number' ? (Array.isArray(node) ? node[step] : undefined) : isObject(node) && Object.hasOwn(node, step) ? node[step] : undefined;
    if (!Array.isArray(child) && !isObject(child)) return path.slice(0, i + 1);
    node = child;
  }
  return path;
}

/** The file's indentation: a tab, or the width of its first indented line (2 by default). */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

/** Deep equality of two JSON values (key order ignored, numbers compared exactly). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return Object.is(a, b) || a === b;
}
