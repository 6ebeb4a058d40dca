/**
 * A small CSV reader (RFC 4180 flavoured): comma-separated (or semicolon/tab when the
 * first line has no comma), double-quoted fields with `""` for a quote, LF, CRLF or CR
 * line ends, a leading byte-order mark and blank lines ignored. It keeps the 1-based
 * file line where each row starts, so later checks can name it.
 *
 * It reads incrementally: `scanCsv` hands each record to a callback as soon as it is complete
 * and stops when the callback says so, so callers apply their row and size limits while
 * parsing instead of after building every row. Text that cannot be CSV stops the scan with its
 * line and character: a NUL byte (a binary file), other control characters, and U+FFFD (bytes
 * that were not UTF-8).
 */
import { grouped, shownText } from './shown-text';

/** One non-blank record of the file. */
export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** Where the text stops being CSV: 1-based line, and the 1-based field (`column`) or `character` on that line. */
export interface CsvSyntaxError {
  line: number;
  column?: number;
  character?: number;
  message: string;
}

/** The records, or where the text stops being CSV. */
export interface CsvParseResult {
  rows: CsvRow[];
  error?: CsvSyntaxError;
}

/** Picks the delimiter from the first line: `,` unless only `;` or a tab occurs. */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}

/** Why a character cannot be in CSV text, or undefined when it can (tab, CR and LF are fine). */
function badCharacter(c: number): string | undefined {
  if (c === 0) return 'a NUL byte: this is a binary file, not CSV text';
  if (c === 0xfffd) return 'bytes that are not UTF-8 text (save the file as UTF-8; NN Lab reads CSV files as UTF-8, not UTF-16 or Latin-1)';
  if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) {
    const name = c === 0x1b ? 'ESC ' : c === 0x7f ? 'DEL ' : '';
    return `control character ${name}(${shownText(String.fromCharCode(c))}): a CSV file holds plain text only`;
  }
  return undefined;
}

/**
 * Scans CSV text record by record: `onRow` gets each non-blank record and returns false to stop.
 * Returns the error that stopped the scan, if the text is not CSV or a record has more than
 * `maxColumns` fields (checked as the fields are split, so a line of commas cannot fill memory).
 */
export function scanCsv(
  text: string,
  onRow: (row: CsvRow) => boolean | void,
  delimiter = detectDelimiter(text),
  maxColumns = Infinity,
): CsvSyntaxError | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let line = 1;
  let lineStart = start; // index of the current line's first character
  let rowLine = 1;
  let cells: string[] = [];
  let pending = ''; // quoted content (and text around it) of the current cell
  let runStart = start; // start of the current unquoted run of the cell
  let wasQuoted = false;
  let blankSoFar = true; // the cell holds only spaces and tabs so far (a quote there opens a quoted field)
  let stopped = false;
  const endRow = (end: number): void => {
    cells.push(pending + text.slice(runStart, end));
    const blank = cells.length === 1 && cells[0].trim() === '' && !wasQuoted;
    if (!blank && onRow({ line: rowLine, cells }) === false) stopped = true;
    cells = [];
    pending = '';
    wasQuoted = false;
    blankSoFar = true;
  };
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && blankSoFar) {
      // A quoted field: up to the closing quote, "" standing for one quote; line breaks allowed.
      wasQuoted = true;
      pending = '';
      const quoteLine = line;
      const column = cells.length + 1;
      let j = i + 1;
      let content = '';
      let from = j;
      for (;;) {
        if (j >= n) return { line: quoteLine, column, message: 'a quoted field is never closed (missing ")' };
        const d = text.charCodeAt(j);
        if (d === 34) {
          if (text.charCodeAt(j + 1) === 34) {
            content += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
        if (d === 10 || (d === 13 && text.charCodeAt(j + 1) !== 10)) {
          line++;
          lineStart = j + 1;
        } else {
          const bad = badCharacter(d);
          if (bad) return { line, character: j - lineStart + 1, message: bad };
        }
        j++;
      }
      pending = content + text.slice(from, j);
      blankSoFar = pending.trim() === '';
      i = j;
      runStart = j + 1;
      continue;
    }
    if (c === delim) {
      // A delimiter means one more field after it: stop once the record would pass the limit.
      if (cells.length + 2 > maxColumns) return { line: rowLine, message: `more than ${grouped(maxColumns)} columns, the limit for a CSV file` };
      cells.push(pending + text.slice(runStart, i));
      pending = '';
      runStart = i + 1;
      blankSoFar = true;
    } else if (c === 13 || c === 10) {
      endRow(i);
      if (stopped) return undefined;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
      rowLine = line;
      runStart = i + 1;
    } else {
      if (c !== 32 && c !== 9) blankSoFar = false;
      if (c < 0x20 || c >= 0x7f) {
        const bad = badCharacter(c);
        if (bad) return { line, character: i - lineStart + 1, message: bad };
      }
    }
  }
  if (pending !== '' || runStart < n || cells.length > 0 || wasQuoted) endRow(n);
  return undefined;
}

/** Splits CSV text into records of raw (unquoted, untrimmed) cells (all of them; see `scanCsv` to stop early). */
export function parseCsvText(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const rows: CsvRow[] = [];
  const error = scanCsv(text, (row) => void rows.push(row), delimiter);
  return error ? { rows, error } : { rows };
}

/** ASCII white space as `String.prototype.trim` removes it (tab, line feed, VT, FF, CR, space). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The end of a run of ASCII digits starting at `i`. */
function digitsEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** True when `s[a, b)` is `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`. */
function isDecimal(s: string, a: number, b: number): boolean {
  let i = a;
  if (i < b && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
  const intEnd = digitsEnd(s, i, b);
  let fracDigits = 0;
  let j = intEnd;
  if (j < b && s.charCodeAt(j) === 46) {
    const fracEnd = digitsEnd(s, j + 1, b);
    fracDigits = fracEnd - j - 1;
    j = fracEnd;
  }
  if (intEnd === i && fracDigits === 0) return false;
  if (j < b && (s.charCodeAt(j) === 101 || s.charCodeAt(j) === 69)) {
    let k = j + 1;
    if (k < b && (s.charCodeAt(k) === 43 || s.charCodeAt(k) === 45)) k++;
    const expEnd = digitsEnd(s, k, b);
    if (expEnd === k) return false;
    j = expEnd;
  }
  return j === b;
}

/** A decimal number as people write it: `-1`, `2.5`, `.5`, `1e-3` (no hex, no Infinity, no empty). */
export function parseNumberCell(cell: string): number | undefined {
  // Cells with non-ASCII characters take the general path (trim removes Unicode spaces too).
  let a = 0;
  let b = cell.length;
  while (a < b && isAsciiSpace(cell.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(cell.charCodeAt(b - 1))) b--;
  if (a < b && (cell.charCodeAt(a) > 127 || cell.charCodeAt(b - 1) > 127)) {
    const t = cell.trim();
    return t.length !== b - a || t !== cell.slice(a, b) ? parseNumberCell(t) : undefined;
  }
  if (!isDecimal(cell, a, b)) return undefined;
  const v = Number(a === 0 && b === cell.length ? cell : cell.slice(a, b));
  return Number.isFinite(v) ? v : undefined;
}
