// AssemblyScript (compiled by asc, not tsc): im2colF32 and col2im32 (conv32.ts) by runs. An im2col
// table (../../layers/conv-geometry.ts) reads, along one row of a window, neighbouring input
// elements: table[t + l] = table[t] + l. Its runs of up to four entries (../table-runs.ts lays
// them out) move as one f32x4 each: the same values to the same places, and since the entries of
// one run hit different input elements, every input element still receives its col2im additions
// in t order, so the numbers stay the table loops' bit for bit.

/**
 * im2colF32 by runs: cols32[i·per + t] = x32[i·inputs + table[t]], or 0 where table[t] < 0, for
 * i < count. `code` holds `copies` pairs (source byte offset, byte length) for the runs in order,
 * then `pads` pairs (t, length) for the padding runs. Each run stores a whole f32x4 at its t; its
 * lanes past the run are overwritten by the runs after it (the next sample's, for a sample's last
 * run), and the padding runs' f32x4 (read from the sample's start) by zeros after the copies. The
 * last sample copies element by element, so nothing is read or written past the arrays.
 */
export function im2colRuns32(x32: usize, code: usize, copies: i32, pads: i32, per: i32, cols32: usize, count: i32, inputs: i32): void {
  const copyEnd = code + (<usize>copies << 3);
  const padEnd = copyEnd + (<usize>pads << 3);
  for (let i = 0; i < count; i++) {
    const src = x32 + ((<usize>i * <usize>inputs) << 2);
    const row = cols32 + ((<usize>i * <usize>per) << 2);
    let dst = row;
    let rp = code;
    if (i < count - 1) {
      while (rp < copyEnd) {
        v128.store(dst, v128.load(src + <usize>load<i32>(rp)));
        dst += <usize>load<i32>(rp, 4);
        rp += 8;
      }
    } else {
      while (rp < copyEnd) {
        const from = src + <usize>load<i32>(rp);
        const bytes = <usize>load<i32>(rp, 4);
        for (let l: usize = 0; l < bytes; l += 4) store<f32>(dst + l, load<f32>(from + l));
        dst += bytes;
        rp += 8;
      }
    }
    for (; rp < padEnd; rp += 8) {
      const at = row + (<usize>load<i32>(rp) << 2);
      const len = load<i32>(rp, 4);
      for (let l = 0; l < len; l++) store<f32>(at + (<usize>l << 2), 0);
    }
  }
}

/**
 * col2im32 by runs: dx zeroed, then dx[i·inputs + table[t]] = f32(dx[…] + dCols[i·per + t]) over t
 * in order. `code` holds `runs` quadruples (dx byte offset, dCols byte offset, first lane, end
 * lane) for the runs that read the input, in order: the f32x4 of dCols is added to the f32x4 of dx
 * in the lanes [first, end), the other lanes written back as they were (all four inside the
 * arrays). f32(a + b) of two float32 values summed in double is their float32 sum (double has
 * more than 2·24 + 2 bits), so f32x4.add gives the scalar loop's numbers.
 */
export function col2imRuns32(dCols: usize, code: usize, runs: i32, per: i32, dx: usize, n: i32, inputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  const lanes = i32x4(0, 1, 2, 3);
  const end = code + (<usize>runs << 4);
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    const src = dCols + ((<usize>i * <usize>per) << 2);
    for (let rp = code; rp < end; rp += 16) {
      const to = dst + <usize>load<i32>(rp);
      const old = v128.load(to);
      const sum = f32x4.add(old, v128.load(src + <usize>load<i32>(rp, 4)));
      const mask = v128.and(i32x4.ge_s(lanes, i32x4.splat(load<i32>(rp, 8))), i32x4.lt_s(lanes, i32x4.splat(load<i32>(rp, 12))));
      v128.store(to, v128.bitselect(sum, old, mask));
    }
  }
}
