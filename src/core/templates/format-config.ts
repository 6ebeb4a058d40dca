/**
 * Writes a config the way the examples are written: one top-level key per line, small objects on
 * one line, arrays of objects with one element per line.
 */

/** `value` as compact one-line JSON with spaces after `:` and `,` (as in the examples). */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/** The text of a config object, ending with a newline. */
export function formatConfig(config: Record<string, unknown>): string {
  const lines = Object.entries(config).map(([key, value]) => {
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object'))
      return `${head}[\n${value.map((v) => `    ${inline(v)}`).join(',\n')}\n  ]`;
    return head + inline(value);
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
