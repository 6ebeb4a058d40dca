// AssemblyScript (compiled by asc, not tsc): the passes of conv.ts over float32 arrays (a float32
// model's inputs, activations and gradients), with the numbers the layers' TypeScript loops
// (../../layers/conv2d.ts, pool2d.ts) give on Float32Array: each read widened to double, each
// expression evaluated in double, each store rounded to float32 once. So `a[k] += v` rounds at
// every addition (load, add in f64, round, store), and a local sum `s += v` stays double.
// Index tables and arg-max indices are int32 arrays; every pointer is a byte address.
import { high, low } from './lanes32';
import { windowMax } from './max-pool-window';

/** im2col64 from and to float32: cols32[i·per + t] = table[t] ≥ 0 ? x32[i·inputs + table[t]] : 0. */
export function im2colF32(x32: usize, table: usize, per: i32, cols32: usize, count: i32, inputs: i32): void {
  let dst = cols32;
  for (let i = 0; i < count; i++) {
    const src = x32 + ((<usize>i * <usize>inputs) << 2);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      store<f32>(dst, at >= 0 ? load<f32>(src + (<usize>at << 2)) : 0);
      dst += 4;
    }
  }
}

/** col2im64 over float32: dx zeroed, then dx[i·inputs + table[t]] = f32(dx[…] + dCols[i·per + t]) over t in order. */
export function col2im32(dCols: usize, table: usize, per: i32, dx: usize, n: i32, inputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  let src = dCols;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      if (at >= 0) {
        const p = dst + (<usize>at << 2);
        store<f32>(p, <f32>(<f64>load<f32>(p) + <f64>load<f32>(src)));
      }
      src += 4;
    }
  }
}

// A 4×4 block of float32 rows r0…r3 transposes in two steps: t01 = [r0ₐ, r1ₐ, r0ᵦ, r1ᵦ] and
// t23 = [r2ₐ, r3ₐ, r2ᵦ, r3ᵦ] (a, b = lanes 0, 1 or 2, 3), then column a = [t01's low half, t23's low half]
// and column b their high halves.

/** Column a of the block: the low 64-bit halves of t01 and t23. */
// @ts-ignore: decorator
@inline
function columnA(t01: v128, t23: v128): v128 {
  return v128.shuffle<i64>(t01, t23, 0, 2);
}

/** Column b of the block: the high 64-bit halves of t01 and t23. */
// @ts-ignore: decorator
@inline
function columnB(t01: v128, t23: v128): v128 {
  return v128.shuffle<i64>(t01, t23, 1, 3);
}

/**
 * Filter j's last positions q ≥ from (p mod 4 of them) moved to dzCol and added to its double sum s,
 * then db[j] = f32(db[j] + s).
 */
// @ts-ignore: decorator
@inline
function finishFilter(inBase: usize, colBase: usize, db: usize, j: i32, s: f64, from: i32, f: i32, p: i32): void {
  for (let q = from; q < p; q++) {
    const v = load<f32>(inBase + ((<usize>j * <usize>p + <usize>q) << 2));
    store<f32>(colBase + ((<usize>q * <usize>f + <usize>j) << 2), v);
    s += <f64>v;
  }
  const pb = db + (<usize>j << 2);
  store<f32>(pb, <f32>(<f64>load<f32>(pb) + s));
}

/**
 * convOutput64 over float32: z[((first + i)·f + j)·p + q] = f32(zCol[(i·p + q)·f + j] + b[j]).
 * Blocks of 4 filters × 4 positions are transposed in registers; f32(a + b) of two float32 values
 * summed in double is the float32 sum f32x4.add gives (double has more than 2·24 + 2 bits), so the
 * numbers are the scalar loop's.
 */
export function convOutput32(zCol: usize, b: usize, z: usize, first: i32, count: i32, f: i32, p: i32): void {
  const step = <usize>f << 2;
  const f4 = f & ~3,
    p4 = p & ~3;
  const rowBytes = <usize>p << 2;
  for (let i = 0; i < count; i++) {
    const colBase = zCol + ((<usize>i * <usize>p * <usize>f) << 2);
    const outBase = z + ((<usize>(first + i) * <usize>f * <usize>p) << 2);
    for (let j = 0; j < f4; j += 4) {
      const bv = v128.load(b + (<usize>j << 2));
      const b0 = v128.shuffle<f32>(bv, bv, 0, 0, 0, 0),
        b1 = v128.shuffle<f32>(bv, bv, 1, 1, 1, 1),
        b2 = v128.shuffle<f32>(bv, bv, 2, 2, 2, 2),
        b3 = v128.shuffle<f32>(bv, bv, 3, 3, 3, 3);
      let src = colBase + (<usize>j << 2);
      let dst = outBase + ((<usize>j * <usize>p) << 2);
      for (let q = 0; q < p4; q += 4) {
        // Rows q … q + 3 of Z_col, filters j … j + 3.
        const r0 = v128.load(src),
          r1 = v128.load(src + step),
          r2 = v128.load(src + 2 * step),
          r3 = v128.load(src + 3 * step);
        const lo01 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5),
          hi01 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7),
          lo23 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5),
          hi23 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
        v128.store(dst, f32x4.add(columnA(lo01, lo23), b0));
        v128.store(dst + rowBytes, f32x4.add(columnB(lo01, lo23), b1));
        v128.store(dst + 2 * rowBytes, f32x4.add(columnA(hi01, hi23), b2));
        v128.store(dst + 3 * rowBytes, f32x4.add(columnB(hi01, hi23), b3));
        src += step << 2;
        dst += 16;
      }
      // The last p mod 4 positions.
      for (let q = p4; q < p; q++)
        for (let k = 0; k < 4; k++) {
          const v = <f64>load<f32>(colBase + ((<usize>q * <usize>f + <usize>(j + k)) << 2));
          store<f32>(outBase + ((<usize>(j + k) * <usize>p + <usize>q) << 2), <f32>(v + <f64>load<f32>(b + (<usize>(j + k) << 2))));
        }
    }
    // The last f mod 4 filters.
    for (let j = f4; j < f; j++) {
      const bj = <f64>load<f32>(b + (<usize>j << 2));
      let dst = outBase + ((<usize>j * <usize>p) << 2);
      let src = colBase + (<usize>j << 2);
      for (let q = 0; q < p; q++) {
        store<f32>(dst, <f32>(<f64>load<f32>(src) + bj));
        dst += 4;
        src += step;
      }
    }
  }
}

/**
 * convOutputGrad64 over float32: dzCol[(i·p + q)·f + j] = dz[(i·f + j)·p + q]; per sample i and
 * filter j the double sum s = Σ_q dz[i, j, q] (q ascending), then db[j] = f32(db[j] + s) (db zeroed
 * first), as the TypeScript `db[j] += s` on a Float32Array. Four filters at a time: their rows are
 * transposed in blocks of 4 positions, and their four sums run in two f64x2 lanes pairs, each lane
 * adding its own filter's values in q order.
 */
export function convOutputGrad32f(dz: usize, dzCol: usize, db: usize, n: i32, f: i32, p: i32): void {
  memory.fill(db, 0, <usize>f << 2);
  const step = <usize>f << 2;
  const f4 = f & ~3,
    p4 = p & ~3;
  const rowBytes = <usize>p << 2;
  for (let i = 0; i < n; i++) {
    const inBase = dz + ((<usize>i * <usize>f * <usize>p) << 2);
    const colBase = dzCol + ((<usize>i * <usize>p * <usize>f) << 2);
    for (let j = 0; j < f4; j += 4) {
      let src = inBase + ((<usize>j * <usize>p) << 2);
      let dst = colBase + (<usize>j << 2);
      let s01 = f64x2.splat(0),
        s23 = f64x2.splat(0);
      for (let q = 0; q < p4; q += 4) {
        // Rows j … j + 3 of dz, positions q … q + 3.
        const r0 = v128.load(src),
          r1 = v128.load(src + rowBytes),
          r2 = v128.load(src + 2 * rowBytes),
          r3 = v128.load(src + 3 * rowBytes);
        const lo01 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5),
          hi01 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7),
          lo23 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5),
          hi23 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
        const c0 = columnA(lo01, lo23),
          c1 = columnB(lo01, lo23),
          c2 = columnA(hi01, hi23),
          c3 = columnB(hi01, hi23);
        v128.store(dst, c0);
        v128.store(dst + step, c1);
        v128.store(dst + 2 * step, c2);
        v128.store(dst + 3 * step, c3);
        s01 = f64x2.add(s01, low(c0));
        s23 = f64x2.add(s23, high(c0));
        s01 = f64x2.add(s01, low(c1));
        s23 = f64x2.add(s23, high(c1));
        s01 = f64x2.add(s01, low(c2));
        s23 = f64x2.add(s23, high(c2));
        s01 = f64x2.add(s01, low(c3));
        s23 = f64x2.add(s23, high(c3));
        src += 16;
        dst += step << 2;
      }
      finishFilter(inBase, colBase, db, j, f64x2.extract_lane(s01, 0), p4, f, p);
      finishFilter(inBase, colBase, db, j + 1, f64x2.extract_lane(s01, 1), p4, f, p);
      finishFilter(inBase, colBase, db, j + 2, f64x2.extract_lane(s23, 0), p4, f, p);
      finishFilter(inBase, colBase, db, j + 3, f64x2.extract_lane(s23, 1), p4, f, p);
    }
    // The last f mod 4 filters.
    for (let j = f4; j < f; j++) {
      let src = inBase + ((<usize>j * <usize>p) << 2);
      let dst = colBase + (<usize>j << 2);
      let s: f64 = 0;
      for (let q = 0; q < p; q++) {
        const v = load<f32>(src);
        store<f32>(dst, v);
        s += <f64>v;
        src += 4;
        dst += step;
      }
      const pb = db + (<usize>j << 2);
      store<f32>(pb, <f32>(<f64>load<f32>(pb) + s));
    }
  }
}

/**
 * maxPoolForward64 over float32 x and y: the window's first maximum in row-major order (NaN taken
 * over), its index within the sample in arg. 2×2 windows at stride 2 run four outputs per f32x4,
 * taking over with the same test lane by lane (v > value or v ≠ v) in the same order. Comparing floats in float32 or widened to double
 * orders them the same, and y is one of the inputs, so these are the TypeScript loop's numbers.
 */
export function maxPoolForward32(
  x: usize,
  y: usize,
  arg: usize,
  n: i32,
  c: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
): void {
  const inputs = c * h * w;
  // 2×2 windows at stride 2 go four at a time (the windows of a row read eight neighbouring columns).
  const pairs = kh == 2 && kw == 2 && sh == 2 && sw == 2;
  let yp = y;
  let ap = arg;
  for (let i = 0; i < n; i++) {
    const sample = x + ((<usize>i * <usize>inputs) << 2);
    for (let ch = 0; ch < c; ch++) {
      const plane = ch * h * w;
      for (let oy = 0; oy < oh; oy++) {
        let ox = 0;
        if (pairs) {
          // Four 2×2 stride-2 windows side by side: their eight columns from two rows.
          const rowTop = plane + oy * 2 * w;
          for (; ox < ow; ox += 4) {
            // The row's last group (when ow is not a multiple of 4) ends at ow − 1, redoing a few
            // outputs with the same numbers: the windows are read only.
            if (ox + 4 > ow) {
              if (ow < 4) break;
              const back = ox + 4 - ow;
              ox -= back;
              yp -= <usize>back << 2;
              ap -= <usize>back << 2;
            }
            const top = rowTop + 2 * ox;
            const p = sample + (<usize>top << 2);
            const below = p + (<usize>w << 2);
            const index = i32x4.add(i32x4.splat(top), i32x4(0, 2, 4, 6));
            const a0 = v128.load(p),
              a1 = v128.load(p, 16),
              b0 = v128.load(below),
              b1 = v128.load(below, 16);
            let value = v128.shuffle<f32>(a0, a1, 0, 2, 4, 6);
            let best = index;
            let v = v128.shuffle<f32>(a0, a1, 1, 3, 5, 7);
            let take = v128.or(f32x4.gt(v, value), f32x4.ne(v, v));
            value = v128.bitselect(v, value, take);
            best = v128.bitselect(i32x4.add(index, i32x4.splat(1)), best, take);
            v = v128.shuffle<f32>(b0, b1, 0, 2, 4, 6);
            take = v128.or(f32x4.gt(v, value), f32x4.ne(v, v));
            value = v128.bitselect(v, value, take);
            best = v128.bitselect(i32x4.add(index, i32x4.splat(w)), best, take);
            v = v128.shuffle<f32>(b0, b1, 1, 3, 5, 7);
            take = v128.or(f32x4.gt(v, value), f32x4.ne(v, v));
            value = v128.bitselect(v, value, take);
            best = v128.bitselect(i32x4.add(index, i32x4.splat(w + 1)), best, take);
            v128.store(yp, value);
            v128.store(ap, best);
            yp += 16;
            ap += 16;
          }
        }
        for (; ox < ow; ox++) {
          windowMax<f32>(sample, plane + oy * sh * w + ox * sw, w, kh, kw, yp, ap);
          yp += 4;
          ap += 4;
        }
      }
    }
  }
}

/** maxPoolBackward64 over float32: dx zeroed, then dx[i·inputs + arg[o]] = f32(dx[…] + dy[o]) in order. */
export function maxPoolBackward32(arg: usize, dy: usize, dx: usize, n: i32, inputs: i32, outputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  let o: usize = 0;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    for (let k = 0; k < outputs; k++, o++) {
      const p = dst + (<usize>load<i32>(arg + (o << 2)) << 2);
      store<f32>(p, <f32>(<f64>load<f32>(p) + <f64>load<f32>(dy + (o << 2))));
    }
  }
}
