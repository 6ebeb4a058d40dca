// AssemblyScript (compiled by asc, not tsc): the divergence check after every step, over a float64 or
// float32 array: the first value that is NaN or beyond ±limit, as the trainer's TypeScript scan
// (../../train/divergence.ts, `firstRunaway`) finds it. "Within" is limit ≥ x ≥ −limit, false for NaN.

/** Lanes of v (f64x2) within [−limit, limit]: all ones; NaN and values beyond: zeros. */
// @inline
function inside64(v: v128, hi: v128, lo: v128): v128 {
  return v128.and(f64x2.le(v, hi), f64x2.ge(v, lo));
}

/** Index of the first x in a[0..len) (float64) with !(x ≤ limit && x ≥ −limit), or -1. */
export function firstRunaway64(a: usize, len: i32, limit: f64): i32 {
  let i = 0;
  const hi = f64x2.splat(limit),
    lo = f64x2.splat(-limit);
  for (; i + 8 <= len; i += 8) {
    const p = a + (<usize>i << 3);
    const ok = v128.and(
      v128.and(inside64(v128.load(p), hi, lo), inside64(v128.load(p, 16), hi, lo)),
      v128.and(inside64(v128.load(p, 32), hi, lo), inside64(v128.load(p, 48), hi, lo)),
    );
    if (!i64x2.all_true(ok)) break;
  }
  for (; i < len; i++) {
    const x = load<f64>(a + (<usize>i << 3));
    if (!(x <= limit && x >= -limit)) return i;
  }
  return -1;
}

/** firstRunaway64 over a float32 array: each value widened exactly and compared with the float64 limit. */
export function firstRunaway32(a: usize, len: i32, limit: f64): i32 {
  let i = 0;
  const hi = f64x2.splat(limit),
    lo = f64x2.splat(-limit);
  for (; i + 8 <= len; i += 8) {
    const p = a + (<usize>i << 2);
    const v0 = v128.load(p),
      v1 = v128.load(p, 16);
    const w0 = f64x2.promote_low_f32x4(v0),
      w1 = f64x2.promote_low_f32x4(i32x4.shuffle(v0, v0, 2, 3, 0, 1)),
      w2 = f64x2.promote_low_f32x4(v1),
      w3 = f64x2.promote_low_f32x4(i32x4.shuffle(v1, v1, 2, 3, 0, 1));
    const ok = v128.and(v128.and(inside64(w0, hi, lo), inside64(w1, hi, lo)), v128.and(inside64(w2, hi, lo), inside64(w3, hi, lo)));
    if (!i64x2.all_true(ok)) break;
  }
  for (; i < len; i++) {
    const x = <f64>load<f32>(a + (<usize>i << 2));
    if (!(x <= limit && x >= -limit)) return i;
  }
  return -1;
}
