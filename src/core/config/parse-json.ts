/**
 * JSON text → value, with a syntax error turned into a `Problem` that names its line and column.
 */
import type { Problem } from '../problems';

/** Where a JSON syntax error is: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** Line and column (1-based) of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++)
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

/** Parses JSON text (a leading byte-order mark is ignored); never throws. */
export function parseConfigText(text: string): { value?: unknown; problems: Problem[]; syntaxError?: TextPosition } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') return { problems: [{ path: [], severity: 'error', code: 'json-syntax', message: 'the file is empty: it should hold a JSON object with "data" and "layers"' }] };
  try {
    return { value: JSON.parse(src), problems: [] };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(raw);
    const pos = positionAt(src, m ? Number(m[1]) : src.length);
    const reason = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    const hint = /'/.test(src.slice(Math.max(0, pos.offset - 1), pos.offset + 1)) ? ' (JSON strings need double quotes)' : '';
    return {
      problems: [{ path: [], severity: 'error', code: 'json-syntax', message: `JSON syntax error at line ${pos.line}, column ${pos.column}: ${reason}${hint}` }],
      syntaxError: pos,
    };
  }
}
