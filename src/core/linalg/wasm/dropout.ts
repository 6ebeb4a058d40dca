// AssemblyScript (compiled by asc, not tsc): inverted dropout over float64 arrays, drawing its
// mask from the run's generator exactly as the TypeScript layer (../../layers/dropout.ts) does.
//
// Generator: xoshiro128** as in ../../rng.ts, its four u32 state words s0..s3 at `state`
// (written there by Rng.saveState and read back by Rng.loadState after the pass):
//   result = rotl(s1·5, 7)·9   (mod 2³²),  t = s1 << 9,
//   s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3, s2 ^= t, s3 = rotl(s3, 11).
// One uniform per element from two results a, b: u = ((a >>> 5)·2²⁶ + (b >>> 6)) / 2⁵³, exact in f64.
// Mask and output, element by element in array (row-major) order:
//   m_k = u_k ≥ rate ? keep : 0,   y_k = x_k·m_k        (keep = 1/(1 − rate))
// Backward: dx_k = dy_k·m_k (f64x2).
// Float32 arrays (…32): the same draws; the mask holds f32(keep) or 0 (what a Float32Array stores) and
// y_k = f32(x_k·m_k) with m_k read back as stored, as the TypeScript loop's `y[k] = x[k] * m[k]`.

/** Forward in training: one uniform per element of x[0..len), mask and y written; the state advances 2·len steps. */
export function dropoutForward64(state: usize, x: usize, mask: usize, y: usize, len: i32, rate: f64, keep: f64): void {
  let s0 = load<u32>(state),
    s1 = load<u32>(state, 4),
    s2 = load<u32>(state, 8),
    s3 = load<u32>(state, 12);
  for (let k = 0; k < len; k++) {
    // First 32-bit result: its top 27 bits.
    const a = (rotl<u32>(s1 * 5, 7) * 9) >>> 5;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl<u32>(s3, 11);
    // Second result: its top 26 bits.
    const b = (rotl<u32>(s1 * 5, 7) * 9) >>> 6;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl<u32>(s3, 11);
    const u = (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
    const m: f64 = u >= rate ? keep : 0.0;
    const off = <usize>k << 3;
    store<f64>(mask + off, m);
    store<f64>(y + off, load<f64>(x + off) * m);
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
}

/** Backward: dx[k] = dy[k]·mask[k] for k < len. */
export function dropoutBackward64(mask: usize, dy: usize, dx: usize, len: i32): void {
  let k = 0;
  for (; k + 2 <= len; k += 2) {
    const off = <usize>k << 3;
    v128.store(dx + off, f64x2.mul(v128.load(dy + off), v128.load(mask + off)));
  }
  if (k < len) {
    const off = <usize>k << 3;
    store<f64>(dx + off, load<f64>(dy + off) * load<f64>(mask + off));
  }
}

/** The 2·len-step generator advance of dropoutForward64 and its uniforms, with float32 x, mask and y. */
export function dropoutForward32(state: usize, x: usize, mask: usize, y: usize, len: i32, rate: f64, keep: f64): void {
  let s0 = load<u32>(state),
    s1 = load<u32>(state, 4),
    s2 = load<u32>(state, 8),
    s3 = load<u32>(state, 12);
  // keep as the mask array stores it.
  const kept = <f32>keep;
  for (let k = 0; k < len; k++) {
    const a = (rotl<u32>(s1 * 5, 7) * 9) >>> 5;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl<u32>(s3, 11);
    const b = (rotl<u32>(s1 * 5, 7) * 9) >>> 6;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl<u32>(s3, 11);
    const u = (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
    const m: f32 = u >= rate ? kept : 0;
    const off = <usize>k << 2;
    store<f32>(mask + off, m);
    store<f32>(y + off, <f32>(<f64>load<f32>(x + off) * <f64>m));
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
}

/**
 * Backward over float32 arrays: dx[k] = dy[k]·mask[k] for k < len; one product of two floats, whose
 * double result rounds to the float32 product, so f32x4.mul gives the TypeScript numbers.
 */
export function dropoutBackward32(mask: usize, dy: usize, dx: usize, len: i32): void {
  let k = 0;
  for (; k + 4 <= len; k += 4) {
    const off = <usize>k << 2;
    v128.store(dx + off, f32x4.mul(v128.load(dy + off), v128.load(mask + off)));
  }
  for (; k < len; k++) {
    const off = <usize>k << 2;
    store<f32>(dx + off, load<f32>(dy + off) * load<f32>(mask + off));
  }
}
