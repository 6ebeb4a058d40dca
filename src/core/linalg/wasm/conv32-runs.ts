// AssemblyScript (compiled by asc, not tsc): im2colF32 and col2im32 (conv32.ts) by runs. An im2col
// table (../../layers/conv-geometry.ts) reads, along one row of a window, neighbouring input
// elements: table[t + l] = table[t] + l. Its runs list covers t = 0 … per − 1 in order as pairs
// (start, length): `length` entries reading the input from `start` on, or padding (start −1).
// Copying or adding a whole run at once moves the same values to the same places, and since the
// entries of one run hit different input elements, every input element still receives its col2im
// additions in t order: the numbers stay the table loops' bit for bit. Runs of up to four go as one
// f32x4; the lanes past a run (read, or written back unchanged) never leave the arrays.

/** Lane k of the result is all ones where k < len. */
// @ts-ignore: decorator
@inline
function firstLanes(len: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(len));
}

/**
 * im2colF32 by runs: cols32[i·per + t] = x32[i·inputs + table[t]], or 0 where table[t] < 0, for
 * i < count. A run of up to four stores a whole f32x4 at t, its lanes past the run overwritten by
 * the runs after it (the next sample's, for the last run of a sample), except at the very end.
 */
export function im2colRuns32(x32: usize, runs: usize, nruns: i32, per: i32, cols32: usize, count: i32, inputs: i32): void {
  // A 16-byte read from x may pass the last sample's end only within the memory.
  const roomy = x32 + ((<usize>count * <usize>inputs + 4) << 2) <= (<usize>memory.size() << 16);
  let dst = cols32;
  for (let i = 0; i < count; i++) {
    const src = x32 + ((<usize>i * <usize>inputs) << 2);
    // The last sample's f32x4 may not write past cols' end, nor read past the memory's.
    const fence = i < count - 1 ? per + 4 : roomy ? per : 0;
    let t = 0;
    for (let r = 0; r < nruns; r++) {
      const at = load<i32>(runs + (<usize>r << 3));
      const len = load<i32>(runs + (<usize>r << 3), 4);
      if (len <= 4 && t + 4 <= fence) {
        v128.store(dst, at >= 0 ? v128.load(src + (<usize>at << 2)) : i32x4.splat(0));
      } else if (at >= 0) {
        const from = src + (<usize>at << 2);
        let l = 0;
        for (; l + 4 <= len; l += 4) v128.store(dst + (<usize>l << 2), v128.load(from + (<usize>l << 2)));
        for (; l < len; l++) store<f32>(dst + (<usize>l << 2), load<f32>(from + (<usize>l << 2)));
      } else {
        memory.fill(dst, 0, <usize>len << 2);
      }
      dst += <usize>len << 2;
      t += len;
    }
  }
}

/**
 * col2im32 by runs: dx zeroed, then dx[i·inputs + table[t]] = f32(dx[…] + dCols[i·per + t]) over t
 * in order. f32(a + b) of two float32 values summed in double is their float32 sum (double has more
 * than 2·24 + 2 bits), so f32x4.add gives the scalar loop's numbers; a run of up to four adds one
 * f32x4 and keeps the lanes past the run as they were (read and written back within the sample).
 */
export function col2imRuns32(dCols: usize, runs: usize, nruns: i32, per: i32, dx: usize, n: i32, inputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  let src = dCols;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    // The last sample's f32x4 read of dCols may not pass its end.
    const fence = i < n - 1 ? per + 4 : per;
    let t = 0;
    for (let r = 0; r < nruns; r++) {
      const at = load<i32>(runs + (<usize>r << 3));
      const len = load<i32>(runs + (<usize>r << 3), 4);
      if (at >= 0) {
        const to = dst + (<usize>at << 2);
        if (len <= 4 && at + 4 <= inputs && t + 4 <= fence) {
          const old = v128.load(to);
          v128.store(to, v128.bitselect(f32x4.add(old, v128.load(src)), old, firstLanes(len)));
        } else {
          let l = 0;
          for (; l + 4 <= len; l += 4) {
            const p = to + (<usize>l << 2);
            v128.store(p, f32x4.add(v128.load(p), v128.load(src + (<usize>l << 2))));
          }
          for (; l < len; l++) {
            const p = to + (<usize>l << 2);
            store<f32>(p, <f32>(<f64>load<f32>(p) + <f64>load<f32>(src + (<usize>l << 2))));
          }
        }
      }
      src += <usize>len << 2;
      t += len;
    }
  }
}
