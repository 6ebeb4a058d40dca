// AssemblyScript (compiled by asc, not tsc): one max-pooling window, for float64 (T = f64) and
// float32 (T = f32) planes alike. Comparing two floats gives the same answer in either width, and the
// result is one of the inputs, so the float32 instance gives the TypeScript loop's numbers on
// Float32Array (../../layers/pool2d.ts). The comparisons are masks, not branches: which of a window's
// values is largest is a coin toss on real data, and V8 compiles a float select to a branch.

/** All ones when v takes over from the running maximum (v > value, or v is NaN), else 0. */
// @ts-ignore: decorator
@inline
function takes<T>(v: T, value: T): i32 {
  return -(<i32>(v > value) | <i32>(v != v));
}

/** mask ? v : value through the bits. */
// @ts-ignore: decorator
@inline
function choose<T>(mask: i32, v: T, value: T): T {
  if (sizeof<T>() == 8) {
    const wide = <i64>mask;
    return reinterpret<T>((reinterpret<i64>(v) & wide) | (reinterpret<i64>(value) & ~wide));
  }
  return reinterpret<T>((reinterpret<i32>(v) & mask) | (reinterpret<i32>(value) & ~mask));
}

/**
 * The kh×kw window whose top-left element is `top` (an index into the sample at byte address
 * `sample`, planes of width w): stores its first maximum in row-major order at `yp` (NaN taken over,
 * as in PyTorch) and that element's index at `ap`.
 */
// @ts-ignore: decorator
@inline
export function windowMax<T>(sample: usize, top: i32, w: i32, kh: i32, kw: i32, yp: usize, ap: usize): void {
  const shift = alignof<T>();
  let best = top;
  let value = load<T>(sample + (<usize>top << shift));
  if (kh == 2 && kw == 2) {
    // The common 2×2 window unrolled; its first element is the start (comparing it with itself changes nothing).
    const p = sample + (<usize>top << shift);
    let v = load<T>(p, sizeof<T>());
    let take = takes<T>(v, value);
    value = choose<T>(take, v, value);
    best = ((top + 1) & take) | (best & ~take);
    const below = p + (<usize>w << shift);
    v = load<T>(below);
    take = takes<T>(v, value);
    value = choose<T>(take, v, value);
    best = ((top + w) & take) | (best & ~take);
    v = load<T>(below, sizeof<T>());
    take = takes<T>(v, value);
    value = choose<T>(take, v, value);
    best = ((top + w + 1) & take) | (best & ~take);
  } else {
    for (let ky = 0; ky < kh; ky++) {
      const row = top + ky * w;
      for (let kx = 0; kx < kw; kx++) {
        const v = load<T>(sample + (<usize>(row + kx) << shift));
        const take = takes<T>(v, value);
        value = choose<T>(take, v, value);
        best = ((row + kx) & take) | (best & ~take);
      }
    }
  }
  store<T>(yp, value);
  store<i32>(ap, best);
}
