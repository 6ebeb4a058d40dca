/**
 * Errors a person can act on: every problem carries the JSON path it concerns,
 * a message, a severity, and where it helps a suggested replacement.
 */

/** A path into a JSON document, e.g. `["layers", 1, "activation"]`. */
export type JsonPath = (string | number)[];

/** `error`: training cannot start; `warning`: it can, but probably should not. */
export type Severity = 'error' | 'warning';

/** One problem found in a model description (or in a call to a registry). */
export interface Problem {
  path: JsonPath;
  message: string;
  severity: Severity;
  /** Machine-readable kind, for quick fixes: 'unknown-name', 'type', 'range', 'loss-mismatch', ... */
  code?: string;
  /** A replacement value the editor may offer as a quick fix. */
  suggestion?: string;
  /** Where in the text the problem is, for problems found before the JSON had a value (syntax, duplicate keys). */
  at?: TextSpan;
  /** The source line at `at`, escaped, with a caret line under the column (for terminals). */
  excerpt?: string;
}

/** A span of a document's text: 0-based offset and length, 1-based line and column (UTF-16 units). */
export interface TextSpan {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** Longest stretch of user text quoted in a message, in characters, before it is cut with "…". */
export const MAX_QUOTED_CHARS = 200;

/**
 * Escapes one UTF-16 unit that must not reach a terminal or a message raw: C0 controls, DEL and
 * C1 controls as `\xHH` (`\n`, `\r`, `\t` by name), and the characters that can disguise text
 * (line/paragraph separators, bidirectional overrides and isolates, the byte-order mark) as
 * `\uHHHH`. Undefined when the unit is safe as it is.
 */
function escapeUnit(code: number): string | undefined {
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff)
    return `\\u${code.toString(16).padStart(4, '0')}`;
  return undefined;
}

/**
 * User-controlled text made safe to quote in a one-line message: control characters (C0, DEL,
 * C1), lone surrogates and invisible format characters escaped (`\x1b`, `\ud800`), and cut with
 * "…" once the result would pass `max` characters (never inside a surrogate pair or an escape).
 * Linear in the output.
 */
export function safeText(text: string, max = MAX_QUOTED_CHARS): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      piece = text[i] + text[i + 1];
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) piece = `\\u${code.toString(16)}`;
    else piece = escapeUnit(code) ?? text[i];
    if (out.length + piece.length > max) return out + '…';
    out += piece;
  }
  return out;
}

/** User text in double quotes for a message: `"lea\x1bky"` (see `safeText`). */
export function quote(text: unknown, max = MAX_QUOTED_CHARS): string {
  return `"${safeText(String(text), max)}"`;
}

/**
 * A whole message made safe for one line of output: every control character, lone surrogate
 * and invisible format character escaped (nothing is cut). Applied where messages leave the core.
 */
export function oneLine(message: string): string {
  return safeText(message, Infinity);
}

/** Renders a path as `layers[1].activation` (empty path: `(root)`). */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${quote(p, 60)}]`;
  }
  return out || '(root)';
}

/** An exception holding one or more problems; its message lists them all with their paths. */
export class NnError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem | string) {
    const list: Problem[] =
      typeof problems === 'string' ? [{ path: [], message: problems, severity: 'error' }] : Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => oneLine(p.path.length ? `${formatPath(p.path)}: ${p.message}` : p.message)).join('\n'));
    this.name = 'NnError';
    this.problems = list;
  }
}

/** Normalises a name for loose comparison: lower case, no `-`, `_`, spaces or dots. */
export function looseName(s: string): string {
  return s.toLowerCase().replace(/[-_\s.]/g, '');
}

/**
 * Edit distance between two strings counting insertions, deletions, substitutions and swaps of
 * two neighbouring characters as one edit each (optimal string alignment), so "tahn" is one
 * edit from "tanh".
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest known name to `name`, or undefined when nothing is close:
 * first a match ignoring case and punctuation (`leaky_relu` → `leaky-ReLU`),
 * then the smallest edit distance on loose forms, if at most a third of the length.
 */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  // A name far longer than any known one is no misspelling (and would make the distance costly).
  if (name.length > 64) return undefined;
  const loose = looseName(name);
  const exact = known.find((k) => looseName(k) === loose);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(loose, looseName(k));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(1, Math.floor(loose.length / 3)) ? best : undefined;
}

/** Message for an unknown name: `Unknown activation "relu". Did you mean "ReLU"?` */
export function unknownNameMessage(kind: string, name: string, known: readonly string[]): { message: string; suggestion?: string } {
  const suggestion = didYouMean(name, known);
  const message = suggestion
    ? `Unknown ${kind} ${quote(name)}. Did you mean "${suggestion}"? (names are case-sensitive)`
    : `Unknown ${kind} ${quote(name)}. Known ${kind.endsWith('s') ? `${kind}es` : `${kind}s`}: ${listNames(known)}.`;
  return { message, suggestion };
}

/** Longest list of names written out in a message before it is cut ("… (26 in all)"). */
const MAX_LISTED_CHARS = 160;

/** `a, b, c` — or the first names that fit in MAX_LISTED_CHARS, then `… (N in all)`. */
export function listNames(names: readonly string[]): string {
  const all = names.join(', ');
  if (all.length <= MAX_LISTED_CHARS) return all;
  let out = '';
  for (const n of names) {
    if (out.length + n.length + 2 > MAX_LISTED_CHARS) break;
    out += (out ? ', ' : '') + n;
  }
  return `${out}, … (${names.length} in all)`;
}
