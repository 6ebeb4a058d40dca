/**
 * Writing Python source from TypeScript values: number and string literals that Python reads
 * back as exactly the same values.
 */

/**
 * A Python float literal for a finite double that parses back to the same double
 * (JavaScript's shortest round-trip digits; integers get a ".0").
 */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write ${x} as a Python float literal`);
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A Python int literal for a safe integer. */
export function pyInt(x: number): string {
  if (!Number.isSafeInteger(x)) throw new Error(`cannot write ${x} as a Python int literal`);
  return String(x);
}

/** A Python string literal (JSON's escapes are valid Python escapes). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** True/False. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Indents every non-empty line of `text` by `spaces`. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
}

/** Python's reserved words, which cannot name a keyword argument. */
const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda ' +
    'nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** `name` as a Python identifier: a reserved word gets a trailing underscore (`lambda` → `lambda_`). */
export function pyIdentifier(name: string): string {
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}
