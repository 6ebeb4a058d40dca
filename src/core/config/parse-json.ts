/**
 * The one JSON front end of NN Lab: the CLI, the training worker and the editor read every
 * `*.nn.json` description and every exported model file through `parseConfigText`.
 *
 * Dialect: strict JSON (RFC 8259), as VS Code's "json" language checks a `.json` file. Comments,
 * trailing commas, single quotes, NaN/Infinity and control characters inside strings are errors;
 * a leading byte-order mark is ignored. Duplicate keys are errors too (JSON.parse would silently
 * keep the last one), reported with the line:column of both occurrences.
 *
 * Built on jsonc-parser's scanner (pure JS, linear time): the value is assembled from its visitor
 * with own data properties, so keys such as `__proto__` or `constructor` are ordinary keys, never
 * a prototype. Nesting deeper than `MAX_JSON_DEPTH` is refused before it can exhaust the stack.
 */
import { parseTree, printParseErrorCode, visit, type Node, type ParseErrorCode } from 'jsonc-parser';
import { quote, safeText, type Problem, type TextSpan } from '../problems';

/** Where a JSON syntax error is: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** Deepest nesting of arrays and objects accepted (a description needs 4). */
export const MAX_JSON_DEPTH = 64;

/** What `parseConfigText` found: the value (only when there is no problem), the problems, where the first syntax error is. */
export interface ParsedJsonText {
  value?: unknown;
  problems: Problem[];
  syntaxError?: TextPosition;
}

/** Line and column (1-based) of `offset` in `text` (linear in the offset). */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

/** Widest excerpt of a source line shown under a message, in characters. */
const EXCERPT_WIDTH = 72;

/**
 * The line of `text` holding `offset`, as two lines: the source (escaped, cut to a window around
 * the column) and a caret under the column: `  "units": 8,}` / `              ^`.
 */
export function excerptAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  const col = Math.min(offset, end) - start;
  const length = end - start;
  // The whole line when it fits, else a window around the column.
  const from = length <= EXCERPT_WIDTH ? 0 : Math.max(0, Math.min(col - EXCERPT_WIDTH / 2, length - EXCERPT_WIDTH));
  const to = Math.min(length, from + EXCERPT_WIDTH);
  const line = text.slice(start, end);
  const show = (s: string): string => safeText(s.replace(/\t/g, ' '), Infinity);
  const before = (from > 0 ? '…' : '') + show(line.slice(from, col));
  const after = show(line.slice(col, to)) + (to < line.length ? '…' : '');
  return `${before}${after}\n${' '.repeat(before.length)}^`;
}

/** A human sentence for a jsonc-parser error code at `offset`. */
function describeError(code: ParseErrorCode, text: string, offset: number, length: number): string {
  const token = text.slice(offset, offset + Math.min(length, 20));
  const prevChar = text.slice(0, offset).trimEnd().slice(-1);
  const atClose = token.startsWith('}') || token.startsWith(']');
  if (atClose && prevChar === ',') return `trailing comma before "${token[0]}" (JSON allows none: delete the comma)`;
  switch (printParseErrorCode(code)) {
    case 'InvalidCommentToken':
      return 'comments are not allowed in a *.nn.json file (it is strict JSON): delete the comment or move it into "description"';
    case 'UnexpectedEndOfString':
      return 'a string is not closed (or holds a raw line break: write \\n)';
    case 'InvalidCharacter':
      return 'a string holds a raw control character: write it escaped (\\n, \\t, \\u001b, …)';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';
    case 'InvalidUnicode':
      return 'invalid \\u escape in a string (it needs four hex digits)';
    case 'UnexpectedEndOfNumber':
    case 'InvalidNumberFormat':
      return `invalid number ${quote(token, 20)}`;
    case 'UnexpectedEndOfComment':
      return 'a comment is not closed (and comments are not allowed in a *.nn.json file)';
    case 'InvalidSymbol': {
      if (token.startsWith("'")) return 'JSON strings need double quotes, not single quotes';
      const word = /^(NaN|-?Infinity|undefined)\b/.exec(text.slice(offset, offset + 12));
      if (word) return `${quote(word[1])} is not a JSON value: write a finite number`;
      return `unexpected character ${quote(token.slice(0, 1))}`;
    }
    case 'PropertyNameExpected':
      return token === '' ? 'the file ends inside an object (a key or "}" is missing)' : 'a key in double quotes is expected here';
    case 'ValueExpected':
      return token === '' ? 'the file ends where a value is expected' : 'a value is expected here';
    case 'ColonExpected':
      return 'a ":" is expected after the key';
    case 'CommaExpected':
      if (/^\d/.test(token) && /[-\s:,[]0$/.test(text.slice(Math.max(0, offset - 2), offset))) return 'numbers cannot start with 0 in JSON (write 1, not 01)';
      return token === '' ? 'the file ends too early (a "," or a closing bracket is missing)' : 'a "," is expected between the items';
    case 'CloseBraceExpected':
      return 'a "}" is missing (the file ends inside an object)';
    case 'CloseBracketExpected':
      return 'a "]" is missing (the file ends inside an array)';
    case 'EndOfFileExpected':
      return 'unexpected text after the JSON value (one file holds one object)';
    default:
      return `invalid JSON (${printParseErrorCode(code)})`;
  }
}

/** Offset of the first C0 control character in text[offset, offset + length), or -1. */
function firstControl(text: string, offset: number, length: number): number {
  for (let i = offset; i < offset + length && i < text.length; i++) if (text.charCodeAt(i) < 0x20) return i;
  return -1;
}

/** Thrown inside the visitor to stop at a nesting that is too deep. */
class TooDeep {
  constructor(readonly span: TextSpan) {}
}

/** An object or array being assembled, with the positions of its keys (objects). */
type Frame = { kind: 'array'; value: unknown[] } | { kind: 'object'; value: Record<string, unknown>; keys: Map<string, TextSpan>; key?: string };

/** A span from the visitor's 0-based line and character. */
function spanOf(offset: number, length: number, line: number, character: number): TextSpan {
  return { offset, length, line: line + 1, column: character + 1 };
}

/**
 * Parses the text of a `*.nn.json` file or a model file; never throws. Every syntax error is
 * reported by its first occurrence (`JSON syntax error at line L, column C: …`), each duplicate
 * key with both positions. `value` is set only when there is no problem.
 */
export function parseConfigText(text: string): ParsedJsonText {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '')
    return {
      problems: [{ path: [], severity: 'error', code: 'json-syntax', message: 'the file is empty: it should hold a JSON object with "data" and "layers"' }],
    };
  const problems: Problem[] = [];
  let firstError: TextSpan | undefined;
  let root: unknown;
  let hasRoot = false;
  const stack: Frame[] = [];
  const attach = (value: unknown): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      hasRoot = true;
    } else if (top.kind === 'array') top.value.push(value);
    else if (top.key !== undefined) {
      // An own data property, whatever the key: JSON.parse does the same for "__proto__", which a
      // plain assignment would take as the object's prototype.
      if (top.key === '__proto__') Object.defineProperty(top.value, top.key, { value, writable: true, enumerable: true, configurable: true });
      else top.value[top.key] = value;
      top.key = undefined;
    }
  };
  const open = (frame: Frame, offset: number, length: number, line: number, character: number): void => {
    if (stack.length >= MAX_JSON_DEPTH) throw new TooDeep(spanOf(offset, length, line, character));
    stack.push(frame);
  };
  const close = (): void => {
    const frame = stack.pop();
    if (frame) attach(frame.value);
  };
  const syntax = (span: TextSpan, message: string): void => {
    if (firstError) return;
    firstError = span;
    problems.push({
      path: [],
      severity: 'error',
      code: 'json-syntax',
      at: span,
      excerpt: excerptAt(src, span.offset),
      message: `JSON syntax error at line ${span.line}, column ${span.column}: ${message}`,
    });
  };
  try {
    visit(
      src,
      {
        onObjectBegin: (offset, length, line, character) => open({ kind: 'object', value: {}, keys: new Map() }, offset, length, line, character),
        onObjectEnd: close,
        onArrayBegin: (offset, length, line, character) => open({ kind: 'array', value: [] }, offset, length, line, character),
        onArrayEnd: close,
        onObjectProperty: (property, offset, length, line, character) => {
          const top = stack[stack.length - 1];
          if (top?.kind !== 'object') return;
          const here = spanOf(offset, length, line, character);
          const first = top.keys.get(property);
          if (first) {
            problems.push({
              path: [],
              severity: 'error',
              code: 'duplicate-key',
              at: here,
              excerpt: excerptAt(src, offset),
              message: `duplicate key ${quote(property)} at line ${here.line}, column ${here.column} (first at line ${first.line}, column ${first.column}): keep one`,
            });
          } else top.keys.set(property, here);
          top.key = property;
        },
        onLiteralValue: (value) => attach(value),
        onError: (code, offset, length, line, character) => {
          if (firstError) return;
          // Point at the offending character inside a string, not at the string's start.
          const name = printParseErrorCode(code);
          const inside =
            name === 'InvalidCharacter'
              ? firstControl(src, offset, length)
              : name === 'InvalidEscapeCharacter' || name === 'InvalidUnicode'
                ? src.indexOf('\\', offset + 1)
                : -1;
          const shift = inside > offset && inside < offset + length ? inside - offset : 0;
          const message =
            name === 'InvalidCharacter' && shift
              ? `a string holds the raw control character ${quote(src[inside])}: write it escaped (\\n, \\t, \\u001b, …)`
              : describeError(code, src, offset, length);
          syntax(spanOf(offset + shift, shift ? 1 : length, line, character + shift), message);
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    syntax(e.span, `nesting deeper than ${MAX_JSON_DEPTH} levels of arrays and objects: a description needs only a few`);
  }
  if (firstError) return { problems, syntaxError: { offset: firstError.offset, line: firstError.line, column: firstError.column } };
  if (problems.length || !hasRoot) return { problems };
  return { value: root, problems };
}

/**
 * The syntax tree of a document's text for locating paths in the editor (lenient: a document
 * being typed still gets ranges). Undefined for text that is not JSON at all.
 */
export function parseJsonTree(text: string): Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}
