/**
 * The runs of an im2col table (see ../layers/conv-geometry.ts): along one row of a window the table
 * reads neighbouring input elements, table[t + l] = table[t] + l, and padding comes in stretches of
 * −1. The runs cover t = 0 … per − 1 in order as pairs (start, length): `length` entries reading the
 * input from `start` on, or `length` entries of padding (start −1). The float32 WebAssembly im2col
 * and col2im copy and add a run at a time (wasm/conv32-runs.ts).
 */

/** The runs of `table` as [start₀, length₀, start₁, length₁, …]. */
export function tableRuns(table: Int32Array): Int32Array {
  const out: number[] = [];
  let t = 0;
  while (t < table.length) {
    const start = table[t];
    let len = 1;
    while (t + len < table.length && (start < 0 ? table[t + len] < 0 : table[t + len] === start + len)) len++;
    out.push(start < 0 ? -1 : start, len);
    t += len;
  }
  return Int32Array.from(out);
}

/** Runs worth taking: on average at least two table entries per run (else the plain gather is as fast). */
export function runsPayOff(runs: Int32Array, per: number): boolean {
  return runs.length > 0 && per >= runs.length;
}
