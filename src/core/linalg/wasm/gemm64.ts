// AssemblyScript (compiled by asc, not tsc): float64 matrix products with WebAssembly SIMD (f64x2).
//
// One routine serves all three products of a dense layer:
//   C[n×m] += Â[n×K] · B[K×m],   Â(r, q) read at a + r·ars + q·aqs (byte strides),
// B and C row-major with m columns. Plain A has (ars, aqs) = (8K, 8); Aᵀ of an A[K×n] has (8, 8n).
//
// Blocking: the reduction runs in slices of `kc` rows of B sized so the slice (kc×m) stays in
// L2; inside a slice, a 4×4 tile of C lives in eight f64x2 registers while q walks the slice:
//   c[r][j..j+3] += Â(r, q) · B[q, j..j+3]   for r = 0..3,
// i.e. per step 2 vector loads of B, 4 splat loads of Â, 8 multiplies and 8 adds.
// Leftover columns use a 4×2 tile then a 4×1 scalar tile; leftover rows a 1×4 / 1×2 / 1×1 tile.
// Each C element accumulates its products in increasing q, one multiply–add at a time.

/** Rows of B per reduction slice: about 256 KiB of B (32768 doubles), at least 16 rows. */
function sliceDepth(m: i32): i32 {
  const d = 32768 / max(m, 1);
  return max(16, d);
}

/** Four rows of C (starting at c, row pitch cp bytes) += Â rows (a, ars) · B over q in [0, qn). */
function rows4(a: usize, ars: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32): void {
  const bp = <usize>m << 3;
  const cp = bp;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = c + (<usize>j << 3);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s00 = v128.load(c0), s01 = v128.load(c0, 16);
    let s10 = v128.load(c1), s11 = v128.load(c1, 16);
    let s20 = v128.load(c2), s21 = v128.load(c2, 16);
    let s30 = v128.load(c3), s31 = v128.load(c3, 16);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      const b0 = v128.load(pb), b1 = v128.load(pb, 16);
      const a0 = v128.load64_splat(pa);
      const a1 = v128.load64_splat(pa + ars);
      const a2 = v128.load64_splat(pa + 2 * ars);
      const a3 = v128.load64_splat(pa + 3 * ars);
      s00 = f64x2.add(s00, f64x2.mul(a0, b0)); s01 = f64x2.add(s01, f64x2.mul(a0, b1));
      s10 = f64x2.add(s10, f64x2.mul(a1, b0)); s11 = f64x2.add(s11, f64x2.mul(a1, b1));
      s20 = f64x2.add(s20, f64x2.mul(a2, b0)); s21 = f64x2.add(s21, f64x2.mul(a2, b1));
      s30 = f64x2.add(s30, f64x2.mul(a3, b0)); s31 = f64x2.add(s31, f64x2.mul(a3, b1));
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s00); v128.store(c0, s01, 16);
    v128.store(c1, s10); v128.store(c1, s11, 16);
    v128.store(c2, s20); v128.store(c2, s21, 16);
    v128.store(c3, s30); v128.store(c3, s31, 16);
  }
  for (; j + 2 <= m; j += 2) {
    const c0 = c + (<usize>j << 3);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s0 = v128.load(c0), s1 = v128.load(c1), s2 = v128.load(c2), s3 = v128.load(c3);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      const b0 = v128.load(pb);
      s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(pa), b0));
      s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(pa + ars), b0));
      s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(pa + 2 * ars), b0));
      s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(pa + 3 * ars), b0));
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0); v128.store(c1, s1); v128.store(c2, s2); v128.store(c3, s3);
  }
  for (; j < m; j++) {
    const c0 = c + (<usize>j << 3);
    const c1 = c0 + cp, c2 = c1 + cp, c3 = c2 + cp;
    let s0 = load<f64>(c0), s1 = load<f64>(c1), s2 = load<f64>(c2), s3 = load<f64>(c3);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      const b0 = load<f64>(pb);
      s0 += load<f64>(pa) * b0;
      s1 += load<f64>(pa + ars) * b0;
      s2 += load<f64>(pa + 2 * ars) * b0;
      s3 += load<f64>(pa + 3 * ars) * b0;
      pa += aqs;
      pb += bp;
    }
    store<f64>(c0, s0); store<f64>(c1, s1); store<f64>(c2, s2); store<f64>(c3, s3);
  }
}

/** One row of C += one Â row · B over q in [0, qn). */
function rows1(a: usize, aqs: usize, b: usize, c: usize, qn: i32, m: i32): void {
  const bp = <usize>m << 3;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const c0 = c + (<usize>j << 3);
    let s0 = v128.load(c0), s1 = v128.load(c0, 16);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      const av = v128.load64_splat(pa);
      s0 = f64x2.add(s0, f64x2.mul(av, v128.load(pb)));
      s1 = f64x2.add(s1, f64x2.mul(av, v128.load(pb, 16)));
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0); v128.store(c0, s1, 16);
  }
  for (; j + 2 <= m; j += 2) {
    const c0 = c + (<usize>j << 3);
    let s0 = v128.load(c0);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(pa), v128.load(pb)));
      pa += aqs;
      pb += bp;
    }
    v128.store(c0, s0);
  }
  for (; j < m; j++) {
    const c0 = c + (<usize>j << 3);
    let s0 = load<f64>(c0);
    let pa = a;
    let pb = b + (<usize>j << 3);
    for (let q = 0; q < qn; q++) {
      s0 += load<f64>(pa) * load<f64>(pb);
      pa += aqs;
      pb += bp;
    }
    store<f64>(c0, s0);
  }
}

/** C[n×m] += Â[n×K] · B[K×m] (see the file comment for the strides). */
export function gemm64(a: usize, ars: usize, aqs: usize, b: usize, c: usize, n: i32, kk: i32, m: i32): void {
  const kc = sliceDepth(m);
  const cp = <usize>m << 3;
  for (let q0 = 0; q0 < kk; q0 += kc) {
    const qn = min(kc, kk - q0);
    const aq = a + <usize>q0 * aqs;
    const bq = b + <usize>q0 * cp;
    let i = 0;
    for (; i + 4 <= n; i += 4) rows4(aq + <usize>i * ars, ars, aqs, bq, c + <usize>i * cp, qn, m);
    for (; i < n; i++) rows1(aq + <usize>i * ars, aqs, bq, c + <usize>i * cp, qn, m);
  }
}

/** Every row of C[n×m] set to bias[m], or to zeros when bias is 0. */
export function fillRows64(c: usize, bias: usize, n: i32, m: i32): void {
  const bytes = <usize>m << 3;
  for (let i = 0; i < n; i++) {
    const row = c + <usize>i * bytes;
    if (bias == 0) memory.fill(row, 0, bytes);
    else memory.copy(row, bias, bytes);
  }
}

/** dst[cols×rows] = src[rows×cols]ᵀ, in 8×8 blocks so both sides stay in cache. */
export function transpose64(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let i0 = 0; i0 < rows; i0 += 8) {
    const i1 = min(rows, i0 + 8);
    for (let j0 = 0; j0 < cols; j0 += 8) {
      const j1 = min(cols, j0 + 8);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          store<f64>(dst + ((<usize>j * rows + i) << 3), load<f64>(src + ((<usize>i * cols + j) << 3)));
        }
      }
    }
  }
}
