/**
 * The IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed (recognised by its magic bytes
 * 1f 8b). An IDX file is a big-endian header, then the values row-major:
 *
 *   bytes 0–1: 0, 0;  byte 2: value type (0x08 = unsigned byte);  byte 3: number of dimensions d;
 *   then d sizes as 32-bit big-endian integers; then Π sizes values.
 *
 * Images are 0x00000803 (n × rows × cols bytes), labels 0x00000801 (n bytes). Everything is checked
 * before anything is allocated: the declared sizes against the caps and against the file's length
 * (for gzip, the uncompressed length its trailer states), so a huge or truncated file is one clear
 * error rather than an out-of-memory crash. Gunzip: fflate (pure JavaScript, bundled).
 */
import { Gunzip, gunzipSync } from 'fflate';

/** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
export const IDX_IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
export const IDX_LABELS_MAGIC = 0x00000801;
/** Largest uncompressed IDX file accepted (Fashion-MNIST's training images: 47 MB). */
export const MAX_IDX_BYTES = 256 * 1024 * 1024;
/** Largest image side, in pixels. */
export const MAX_IMAGE_SIDE = 1024;

/** What an IDX file must hold. */
export type IdxKind = 'images' | 'labels';

/** The values of an IDX file: its sizes and a view of its bytes (no copy). */
export interface IdxArray {
  dims: number[];
  values: Uint8Array;
}

/** A reading error: one line naming the file and what is wrong. */
export class IdxError extends Error {
  /** `file` is the file at fault; the message starts with it. */
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'IdxError';
  }
}

const HEX = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(1)} MB` : `${bytes} bytes`;
}

/** True when `bytes` start like a gzip stream (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The uncompressed bytes of a raw or gzip file, checked against `maxBytes` before inflating. */
export function ungzip(bytes: Uint8Array, file: string, maxBytes = MAX_IDX_BYTES): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  // RFC 1952: the last 4 bytes are ISIZE, the uncompressed length mod 2³², little-endian.
  if (bytes.length < 18) throw new IdxError(file, `the gzip file is truncated (${bytes.length} bytes)`);
  const at = bytes.length - 4;
  const size = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  if (size > maxBytes)
    throw new IdxError(file, `its gzip trailer announces ${megabytes(size)} of data, more than the ${megabytes(maxBytes)} limit (or the file is truncated)`);
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new IdxError(file, `the gzip data is truncated or corrupt (${reason})`);
  }
  if (out.length !== size) throw new IdxError(file, `the gzip data is truncated or corrupt (${out.length} bytes inflated, the trailer says ${size})`);
  return out;
}

/** The magic number and sizes at the start of uncompressed IDX bytes; throws an IdxError. */
function parseHeader(raw: Uint8Array, kind: IdxKind, file: string): { dims: number[]; header: number } {
  const expected = kind === 'images' ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
  const what = kind === 'images' ? 'an IDX images file' : 'an IDX labels file';
  if (raw.length < 4) throw new IdxError(file, `not ${what}: only ${raw.length} bytes`);
  const magic = ((raw[0] << 24) | (raw[1] << 16) | (raw[2] << 8) | raw[3]) >>> 0;
  if (magic !== expected) {
    const other = magic === IDX_IMAGES_MAGIC ? ' (it holds images)' : magic === IDX_LABELS_MAGIC ? ' (it holds labels)' : '';
    throw new IdxError(file, `not ${what}: magic number ${HEX(magic)}, expected ${HEX(expected)}${other}`);
  }
  const d = raw[3];
  const header = 4 + 4 * d;
  if (raw.length < header) throw new IdxError(file, `truncated: ${raw.length} bytes, the header alone needs ${header}`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return { dims: Array.from({ length: d }, (_, i) => view.getUint32(4 + 4 * i, false)), header };
}

/**
 * The sizes an IDX file declares, from its first bytes only (a prefix of the raw or gzip file, a few
 * kilobytes are plenty): for checks while typing, without reading or inflating the whole file.
 */
export function readIdxHeader(prefix: Uint8Array, kind: IdxKind, file: string): number[] {
  let raw = prefix;
  if (isGzip(prefix)) {
    const parts: Uint8Array[] = [];
    try {
      new Gunzip((chunk) => parts.push(chunk)).push(prefix, false);
    } catch (e) {
      throw new IdxError(file, `the gzip data is corrupt (${e instanceof Error ? e.message : String(e)})`);
    }
    raw = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      raw.set(p, at);
      at += p.length;
    }
  }
  return parseHeader(raw, kind, file).dims;
}

/**
 * Parses an IDX file of the given kind (gzip or raw). `maxItems` caps the number of samples;
 * throws an IdxError naming `file` on any problem.
 */
export function readIdx(bytes: Uint8Array, kind: IdxKind, file: string, maxItems: number): IdxArray {
  const raw = ungzip(bytes, file);
  const { dims, header } = parseHeader(raw, kind, file);
  if (dims[0] > maxItems) throw new IdxError(file, `declares ${dims[0]} ${kind}, more than the limit of ${maxItems} (maxSamples)`);
  if (kind === 'images') {
    const [, rows, cols] = dims;
    if (rows < 1 || cols < 1 || rows > MAX_IMAGE_SIDE || cols > MAX_IMAGE_SIDE)
      throw new IdxError(file, `declares ${rows}×${cols} images; each side must be 1 to ${MAX_IMAGE_SIDE} pixels`);
  }
  // At most 1e6 · 1024 · 1024 ≈ 2⁴⁰ < 2⁵³: the product is exact.
  const count = dims.reduce((p, v) => p * v, 1);
  const need = header + count;
  if (need > MAX_IDX_BYTES) throw new IdxError(file, `declares ${megabytes(count)} of values, more than the ${megabytes(MAX_IDX_BYTES)} limit`);
  if (raw.length < need)
    throw new IdxError(file, `truncated: the header declares ${dims.join('×')} values (${need} bytes) but the file has ${raw.length} bytes`);
  if (raw.length > need) throw new IdxError(file, `${raw.length - need} unexpected bytes after the ${dims.join('×')} values the header declares`);
  return { dims, values: raw.subarray(header, need) };
}
