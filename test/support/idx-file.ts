/**
 * IDX files for tests: the format of MNIST and Fashion-MNIST. The header is two zero bytes, the
 * element type (0x08 = unsigned byte) and the number of dimensions, then each dimension's size as a
 * big-endian 32-bit integer; the values follow in row-major order.
 */

/** An IDX file of unsigned bytes (or `magicType`) with sizes `dims` and the given values. */
export function idxFile(dims: readonly number[], values: ArrayLike<number>, magicType = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + values.length);
  out[2] = magicType;
  out[3] = dims.length;
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(Array.from(values), 4 + 4 * dims.length);
  return out;
}
