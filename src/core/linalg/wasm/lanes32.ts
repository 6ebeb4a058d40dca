// AssemblyScript (compiled by asc, not tsc): moving four float32 lanes through float64 arithmetic,
// the way TypeScript computes on a Float32Array (each read widened to double exactly, the
// expression evaluated in double, each store rounded to float32 once):
//   [a, b, c, d] (f32x4)  →  [a, b] and [c, d] (f64x2, exact)  →  …f64x2 arithmetic…  →  f32x4 (rounded once).

/** The low two float32 lanes of v widened to float64 (exact). */
// @ts-ignore: decorator
@inline
export function low(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

/** The high two float32 lanes of v widened to float64 (exact). */
// @ts-ignore: decorator
@inline
export function high(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 0));
}

/** [lo₀, lo₁, hi₀, hi₁] rounded to float32 (to nearest, ties to even): the inverse of low/high. */
// @ts-ignore: decorator
@inline
export function pack(lo: v128, hi: v128): v128 {
  return v128.shuffle<i64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}
