/**
 * A small CSV reader (RFC 4180 flavoured): comma-separated (or semicolon/tab when the
 * first line has no comma), double-quoted fields with `""` for a quote, LF, CRLF or CR
 * line ends, a leading byte-order mark and blank lines ignored. It keeps the 1-based
 * file line where each row starts, so later checks can name it.
 */

/** One non-blank record of the file. */
export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** The records, or where the text stops being CSV. */
export interface CsvParseResult {
  rows: CsvRow[];
  error?: { line: number; column: number; message: string };
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

/** Splits CSV text into records of raw (unquoted, untrimmed) cells. */
export function parseCsvText(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell had quotes
  let column = 1;
  const endRow = (): void => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0].trim() === '' && !wasQuoted;
    if (!blank) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      column++;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
      column = 1;
    } else cell += ch;
  }
  if (quoted) return { rows, error: { line: rowLine, column, message: 'a quoted field is never closed (missing ")' } };
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return { rows };
}

/** A decimal number as people write it: `-1`, `2.5`, `.5`, `1e-3` (no hex, no Infinity, no empty). */
export function parseNumberCell(cell: string): number | undefined {
  const s = cell.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}
