// AssemblyScript (compiled by asc, not tsc): the divergence check over a float64 array.

/** Index of the first NaN or ±Infinity in a[0..len), or -1. x − x is 0 exactly for finite x. */
export function firstNonFinite64(a: usize, len: i32): i32 {
  let i = 0;
  const zero = f64x2.splat(0);
  for (; i + 8 <= len; i += 8) {
    const p = a + (<usize>i << 3);
    const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
    const d = v128.or(
      v128.or(f64x2.ne(f64x2.sub(v0, v0), zero), f64x2.ne(f64x2.sub(v1, v1), zero)),
      v128.or(f64x2.ne(f64x2.sub(v2, v2), zero), f64x2.ne(f64x2.sub(v3, v3), zero)),
    );
    if (v128.any_true(d)) break;
  }
  for (; i < len; i++) {
    const x = load<f64>(a + (<usize>i << 3));
    if (x - x != 0) return i;
  }
  return -1;
}

/** firstNonFinite64 over a float32 array: index of the first NaN or ±Infinity in a[0..len), or -1. */
export function firstNonFinite32(a: usize, len: i32): i32 {
  let i = 0;
  const zero = f32x4.splat(0);
  for (; i + 16 <= len; i += 16) {
    const p = a + (<usize>i << 2);
    const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
    const d = v128.or(
      v128.or(f32x4.ne(f32x4.sub(v0, v0), zero), f32x4.ne(f32x4.sub(v1, v1), zero)),
      v128.or(f32x4.ne(f32x4.sub(v2, v2), zero), f32x4.ne(f32x4.sub(v3, v3), zero)),
    );
    if (v128.any_true(d)) break;
  }
  for (; i < len; i++) {
    const x = load<f32>(a + (<usize>i << 2));
    if (x - x != 0) return i;
  }
  return -1;
}
