/**
 * Text from a user's file, made safe to put in a one-line message: control characters (C0, DEL,
 * C1, line and paragraph separators, bidirectional overrides) are written as `\xNN` / `\uNNNN`
 * escapes and long text is cut with an ellipsis, so a hostile CSV cannot recolour a terminal,
 * move its cursor or flood a message.
 * Local to the data loaders for now; meant to be replaced by the shared message helper of
 * `problems.ts` once it exists.
 */

/** Code points written as escapes: C0 controls, DEL, C1 controls, U+2028/2029, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `text` with unsafe characters escaped and cut to at most `max` characters (then `…`). */
export function shownText(text: string, max = 60): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const escaped = cut.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${escaped}…` : escaped;
}

/** A list of names for a message: each shown safely, at most `maxItems` of them and about `maxChars` in all. */
export function shownList(names: readonly string[], maxItems = 20, maxChars = 400): string {
  const out: string[] = [];
  let used = 0;
  for (const name of names) {
    const s = shownText(name, 40);
    if (out.length >= maxItems || used + s.length > maxChars) break;
    out.push(s);
    used += s.length + 2;
  }
  const rest = names.length - out.length;
  return rest > 0 ? `${out.join(', ')} and ${rest.toLocaleString('en-US')} more` : out.join(', ');
}

/** A whole number with thousands separators: 1000000 → `1,000,000`. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
