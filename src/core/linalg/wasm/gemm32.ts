// AssemblyScript (compiled by asc, not tsc): float32 matrix products with WebAssembly SIMD (f32x4),
// the same scheme as gemm64.ts with twice the lanes:
//   C[n×m] += Â[n×K] · B[K×m],   Â(r, q) read at a + r·ars + q·aqs (byte strides).
// A 4×8 tile of C lives in eight f32x4 registers: per step 2 vector loads of B, 4 splat loads
// of Â, 8 multiplies and 8 adds (64 flops). Leftover columns use 4×4 then scalar tiles.
// Plus the conversions between the model's float64 storage and the float32 scratch.
//
// Built twice (scripts/build.mjs): the plain SIMD build rounds each step twice,
//   s ← fl(s + fl(a·b)),
// the relaxed-SIMD build (ASC_FEATURE_RELAXED_SIMD) fuses the vector steps with f32x4.relaxed_madd,
//   s ← fl(s + a·b)   (one rounding where the CPU has FMA; the engine may also keep two),
// which changes float32 results by a few units in the last place per product. The last m mod 4
// columns stay unfused (four lanes over a row's last four columns, only the leftover ones stored;
// scalar where m < 4), with the numbers of a scalar loop (WebAssembly has no scalar fma).

/** One multiply–add step of four lanes, s + a·b: fused in the relaxed-SIMD build, two roundings otherwise. */
// @ts-ignore: decorator (AssemblyScript)
@inline
function madd(a: v128, b: v128, s: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, s);
  return f32x4.add(s, f32x4.mul(a, b));
}

/** Rows of B per reduction slice: about 256 KiB of B (65536 floats), at least 16 rows. */
function sliceDepth(m: i32): i32 {
  const d = 65536 / max(m, 1);
  return max(16, d);
}

/** The four lanes of C at p, or +0 in each when `fresh` (C not read: the product overwrites it). */
// @ts-ignore: decorator (AssemblyScript)
@inline
function start4(p: usize, fresh: bool): v128 {
  return fresh ? f32x4.splat(0) : v128.load(p);
}

/** The value of C at p, or +0 when `fresh`. */
// @ts-ignore: decorator (AssemblyScript)
@inline
function start1(p: usize, fresh: bool): f32 {
  return fresh ? 0 : load<f32>(p);
}

/** One unfused multiply–add step, s + a·b rounded twice: the scalar loops' numbers in both builds. */
// @ts-ignore: decorator (AssemblyScript)
@inline
function maddUnfused(a: v128, b: v128, s: v128): v128 {
  return f32x4.add(s, f32x4.mul(a, b));
}

/** Stores lanes 4 − r … 3 of v at p (p the address of lane 0): the last r < 4 columns of a row. */
// @ts-ignore: decorator (AssemblyScript)
@inline
function storeLast(p: usize, v: v128, r: i32): void {
  if (r == 1) v128.store32_lane(p, v, 3, 12);
  else if (r == 2) v128.store64_lane(p, v, 1, 8);
  else {
    v128.store32_lane(p, v, 1, 4);
    v128.store64_lane(p, v, 1, 8);
  }
}

/**
 * Four rows of C += Â rows · B in the last r = m mod 4 columns (m ≥ 4): four lanes over the row's
 * last four columns (inside B's rows: nothing read past them), only the last r stored. Unfused, so
 * each stored lane has the numbers of the scalar column loop.
 */
function last4(a: usize, ars: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32, fresh: bool): void {
  const bp = <usize>m << 2;
  const r = m & 3;
  const c0 = c + (<usize>(m - 4) << 2);
  const c1 = c0 + bp, c2 = c1 + bp, c3 = c2 + bp;
  let s0 = start4(c0, fresh), s1 = start4(c1, fresh), s2 = start4(c2, fresh), s3 = start4(c3, fresh);
  let pa = a;
  let pb = b + (<usize>(m - 4) << 2);
  for (let q = 0; q < qn; q++) {
    const b0 = v128.load(pb);
    s0 = maddUnfused(v128.load32_splat(pa), b0, s0);
    s1 = maddUnfused(v128.load32_splat(pa + ars), b0, s1);
    s2 = maddUnfused(v128.load32_splat(pa + 2 * ars), b0, s2);
    s3 = maddUnfused(v128.load32_splat(pa + 3 * ars), b0, s3);
    pa += aqs;
    pb += bp;
  }
  storeLast(c0, s0, r); storeLast(c1, s1, r); storeLast(c2, s2, r); storeLast(c3, s3, r);
}

/** One row of C += one Â row · B in the last r = m mod 4 columns (m ≥ 4), as last4. */
function last1(a: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32, fresh: bool): void {
  const bp = <usize>m << 2;
  const c0 = c + (<usize>(m - 4) << 2);
  let s0 = start4(c0, fresh);
  let pa = a;
  let pb = b + (<usize>(m - 4) << 2);
  for (let q = 0; q < qn; q++) {
    s0 = maddUnfused(v128.load32_splat(pa), v128.load(pb), s0);
    pa += aqs;
    pb += bp;
  }
  storeLast(c0, s0, m & 3);
}

/**
 * Four rows of C (row pitch 4m bytes) += Â rows (a, ars) · B over q in [0, qn); when `fresh`, the
 * sums start from +0 instead of C (the same numbers as C filled with +0 first: +0 + x = x but for
 * x = −0, where both give +0).
 */
function rows4(a: usize, ars: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32, fresh: bool): void {
  const bp = <usize>m << 2;
  const cp = bp;
  let j = 0;
  for (; j + 8 <= m; j += 8) {
    const c0 = c + (<usize>j << 2);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s00 = start4(c0, fresh), s01 = start4(c0 + 16, fresh);
    let s10 = start4(c1, fresh), s11 = start4(c1 + 16, fresh);
    let s20 = start4(c2, fresh), s21 = start4(c2 + 16, fresh);
    let s30 = start4(c3, fresh), s31 = start4(c3 + 16, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      const b0 = v128.load(pb), b1 = v128.load(pb, 16);
      const a0 = v128.load32_splat(pa);
      const a1 = v128.load32_splat(pa + ars);
      const a2 = v128.load32_splat(pa + 2 * ars);
      const a3 = v128.load32_splat(pa + 3 * ars);
      s00 = madd(a0, b0, s00); s01 = madd(a0, b1, s01);
      s10 = madd(a1, b0, s10); s11 = madd(a1, b1, s11);
      s20 = madd(a2, b0, s20); s21 = madd(a2, b1, s21);
      s30 = madd(a3, b0, s30); s31 = madd(a3, b1, s31);
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s00); v128.store(c0, s01, 16);
    v128.store(c1, s10); v128.store(c1, s11, 16);
    v128.store(c2, s20); v128.store(c2, s21, 16);
    v128.store(c3, s30); v128.store(c3, s31, 16);
  }
  for (; j + 4 <= m; j += 4) {
    const c0 = c + (<usize>j << 2);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s0 = start4(c0, fresh), s1 = start4(c1, fresh), s2 = start4(c2, fresh), s3 = start4(c3, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      const b0 = v128.load(pb);
      s0 = madd(v128.load32_splat(pa), b0, s0);
      s1 = madd(v128.load32_splat(pa + ars), b0, s1);
      s2 = madd(v128.load32_splat(pa + 2 * ars), b0, s2);
      s3 = madd(v128.load32_splat(pa + 3 * ars), b0, s3);
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0); v128.store(c1, s1); v128.store(c2, s2); v128.store(c3, s3);
  }
  if (j < m && m >= 4) {
    last4(a, ars, aqs, b, c, qn, m, fresh);
    return;
  }
  for (; j < m; j++) {
    const c0 = c + (<usize>j << 2);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s0 = start1(c0, fresh), s1 = start1(c1, fresh), s2 = start1(c2, fresh), s3 = start1(c3, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      const b0 = load<f32>(pb);
      s0 += load<f32>(pa) * b0;
      s1 += load<f32>(pa + ars) * b0;
      s2 += load<f32>(pa + 2 * ars) * b0;
      s3 += load<f32>(pa + 3 * ars) * b0;
      pa += aqs;
      pb += bp;
    }
    store<f32>(c0, s0); store<f32>(c1, s1); store<f32>(c2, s2); store<f32>(c3, s3);
  }
}

/** One row of C += one Â row · B over q in [0, qn) (from +0 when `fresh`). */
function rows1(a: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32, fresh: bool): void {
  const bp = <usize>m << 2;
  let j = 0;
  for (; j + 8 <= m; j += 8) {
    const c0 = c + (<usize>j << 2);
    let s0 = start4(c0, fresh), s1 = start4(c0 + 16, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      const av = v128.load32_splat(pa);
      s0 = madd(av, v128.load(pb), s0);
      s1 = madd(av, v128.load(pb, 16), s1);
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0); v128.store(c0, s1, 16);
  }
  for (; j + 4 <= m; j += 4) {
    const c0 = c + (<usize>j << 2);
    let s0 = start4(c0, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      s0 = madd(v128.load32_splat(pa), v128.load(pb), s0);
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0);
  }
  if (j < m && m >= 4) {
    last1(a, aqs, b, c, qn, m, fresh);
    return;
  }
  for (; j < m; j++) {
    const c0 = c + (<usize>j << 2);
    let s0 = start1(c0, fresh);
    let pa = a;
    let pb = b + (<usize>j << 2);
    for (let q = 0; q < qn; q++) {
      s0 += load<f32>(pa) * load<f32>(pb);
      pa += aqs;
      pb += bp;
    }
    store<f32>(c0, s0);
  }
}

/** C[n×m] += Â[n×K] · B[K×m], or C = Â·B (C not read) when `fresh`. */
// @ts-ignore: decorator (AssemblyScript)
@inline
function product32(a: usize, ars: usize, aqs: usize, b: usize, c: usize, n: i32, kk: i32, m: i32, fresh: bool): void {
  const kc = sliceDepth(m);
  const cp = <usize>m << 2;
  if (fresh && kk <= 0) memory.fill(c, 0, <usize>n * cp);
  for (let q0 = 0; q0 < kk; q0 += kc) {
    const qn = min(kc, kk - q0);
    const aq = a + <usize>q0 * aqs;
    const bq = b + <usize>q0 * cp;
    const first = fresh && q0 == 0;
    let i = 0;
    for (; i + 4 <= n; i += 4) rows4(aq + <usize>i * ars, ars, aqs, bq, c + <usize>i * cp, qn, m, first);
    for (; i < n; i++) rows1(aq + <usize>i * ars, aqs, bq, c + <usize>i * cp, qn, m, first);
  }
}

/** C[n×m] += Â[n×K] · B[K×m] in float32 (see the file comment for the strides). */
export function gemm32(a: usize, ars: usize, aqs: usize, b: usize, c: usize, n: i32, kk: i32, m: i32): void {
  product32(a, ars, aqs, b, c, n, kk, m, false);
}

/**
 * C[n×m] = Â[n×K] · B[K×m] in float32, C only written: the numbers of gemm32 on C filled with +0,
 * without the pass over C that the fill was.
 */
export function gemm32to(a: usize, ars: usize, aqs: usize, b: usize, c: usize, n: i32, kk: i32, m: i32): void {
  product32(a, ars, aqs, b, c, n, kk, m, true);
}

/** Every row of C[n×m] (float32) set to bias[m] (float64, rounded), or to zeros when bias is 0. */
export function fillRows32(c: usize, bias: usize, n: i32, m: i32): void {
  const bytes = <usize>m << 2;
  if (bias == 0) {
    memory.fill(c, 0, <usize>n * bytes);
    return;
  }
  if (n == 0) return;
  demote(bias, c, m);
  for (let i = 1; i < n; i++) memory.copy(c + <usize>i * bytes, c, bytes);
}

/** dst[len] (float32) = src[len] (float64) rounded to nearest, two lanes at a time. */
export function demote(src: usize, dst: usize, len: i32): void {
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const v = f32x4.demote_f64x2_zero(v128.load(src + (<usize>i << 3)));
    v128.store64_lane(dst + (<usize>i << 2), v, 0);
  }
  if (i < len) store<f32>(dst + (<usize>i << 2), <f32>load<f64>(src + (<usize>i << 3)));
}

/** dst[len] (float64) = src[len] (float32), exactly, two lanes at a time. */
export function promote(src: usize, dst: usize, len: i32): void {
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const v = f64x2.promote_low_f32x4(v128.load64_zero(src + (<usize>i << 2)));
    v128.store(dst + (<usize>i << 3), v);
  }
  if (i < len) store<f64>(dst + (<usize>i << 3), <f64>load<f32>(src + (<usize>i << 2)));
}

/** dst[cols×rows] = src[rows×cols]ᵀ in float32, in 8×8 blocks. */
export function transpose32(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let i0 = 0; i0 < rows; i0 += 8) {
    const i1 = min(rows, i0 + 8);
    for (let j0 = 0; j0 < cols; j0 += 8) {
      const j1 = min(cols, j0 + 8);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          store<f32>(dst + ((<usize>j * rows + i) << 2), load<f32>(src + ((<usize>i * cols + j) << 2)));
        }
      }
    }
  }
}
