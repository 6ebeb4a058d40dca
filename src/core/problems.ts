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
}

/** Renders a path as `layers[1].activation` (empty path: `(root)`). */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(root)';
}

/** An exception holding one or more problems; its message lists them all with their paths. */
export class NnError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem | string) {
    const list: Problem[] =
      typeof problems === 'string'
        ? [{ path: [], message: problems, severity: 'error' }]
        : Array.isArray(problems)
          ? problems
          : [problems];
    super(list.map((p) => (p.path.length ? `${formatPath(p.path)}: ${p.message}` : p.message)).join('\n'));
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
    ? `Unknown ${kind} "${name}". Did you mean "${suggestion}"? (names are case-sensitive)`
    : `Unknown ${kind} "${name}". Known ${kind}s: ${known.join(', ')}.`;
  return { message, suggestion };
}
