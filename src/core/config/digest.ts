/**
 * A short stable fingerprint of a resolved run (config and data block), so two runs can be
 * recognised as the same experiment: FNV-1a (32 bit) over canonical JSON with sorted keys.
 */

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units: h = (h ⊕ c) · 16777619 mod 2³², from 2166136261. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Eight hex digits identifying `value` up to key order. */
export function digestOf(value: unknown): string {
  return fnv1a(canonicalJson(value)).toString(16).padStart(8, '0');
}
