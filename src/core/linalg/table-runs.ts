/**
 * The runs of an im2col table (see ../layers/conv-geometry.ts): along one row of a window the table
 * reads neighbouring input elements, table[t + l] = table[t] + l, and padding comes in stretches of
 * −1. The float32 WebAssembly im2col and col2im (wasm/conv32-runs.ts) move a run of up to four
 * entries as one f32x4; this file lays the runs out for them once per table.
 */

/** The runs of `table`, none longer than `most`, in order, as [start₀, length₀, start₁, length₁, …] (start −1: padding). */
export function tableRuns(table: Int32Array, most = 4): Int32Array {
  const out: number[] = [];
  let t = 0;
  while (t < table.length) {
    const start = table[t];
    let len = 1;
    while (len < most && t + len < table.length && (start < 0 ? table[t + len] < 0 : table[t + len] === start + len)) len++;
    out.push(start < 0 ? -1 : start, len);
    t += len;
  }
  return Int32Array.from(out);
}

/**
 * im2col's code: first, per run in order, the pair (4·start, 4·length) in bytes (start 0 for
 * padding, whose reads are then overwritten), `copies` pairs; then, per padding run, the pair
 * (t, length), `pads` pairs, to be zeroed after the copies.
 */
export interface GatherCode {
  readonly code: Int32Array;
  readonly copies: number;
  readonly pads: number;
}

/** The gather code of `runs` (from tableRuns). */
export function gatherCode(runs: Int32Array): GatherCode {
  const copies: number[] = [];
  const pads: number[] = [];
  let t = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const [start, len] = [runs[r], runs[r + 1]];
    copies.push(start < 0 ? 0 : 4 * start, 4 * len);
    if (start < 0) pads.push(t, len);
    t += len;
  }
  return { code: Int32Array.from([...copies, ...pads]), copies: copies.length / 2, pads: pads.length / 2 };
}

/**
 * col2im's code: per run that reads the input (padding adds nothing), in order, the four numbers
 * (4·(start − shift), 4·(t − shift), shift, shift + length): an f32x4 of dx at the first byte
 * offset gets the f32x4 of dCols at the second added in its lanes [shift, shift + length). The
 * shift (0 unless the run ends within three elements of the sample's or the table's end) keeps
 * the four lanes inside both arrays. Needs inputs ≥ 4 and per ≥ 4.
 */
export function scatterCode(runs: Int32Array, inputs: number, per: number): Int32Array {
  const out: number[] = [];
  let t = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const [start, len] = [runs[r], runs[r + 1]];
    if (start >= 0) {
      const shift = Math.max(0, start + 4 - inputs, t + 4 - per);
      out.push(4 * (start - shift), 4 * (t - shift), shift, shift + len);
    }
    t += len;
  }
  return Int32Array.from(out);
}

/** Runs worth taking: on average at least two table entries per run (else the plain gather is as fast), and room for four lanes. */
export function runsPayOff(runs: Int32Array, per: number, inputs: number): boolean {
  return runs.length > 0 && per >= runs.length && per >= 4 && inputs >= 4;
}
