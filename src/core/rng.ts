/**
 * Seeded pseudo-random numbers, so that the same config and seed give a bit-identical run.
 *
 * Generator: xoshiro128** (Blackman & Vigna), 128-bit state of four uint32 words,
 * seeded from one 32-bit integer through splitmix32. Uniform doubles use 53 random bits.
 * Normals use Box–Muller without caching: z = sqrt(-2 ln u1) · cos(2π u2), u1 ∈ (0, 1].
 * `src/core/export/pytorch/python/rng.py` reimplements exactly this (the exported PyTorch script embeds it and
 * the test fixtures import it), so Python references can share draws.
 */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** Creates a generator from an integer seed (any finite number; it is reduced to 32 bits). */
  constructor(seed: number) {
    let x = (Math.trunc(seed) >>> 0) | 0;
    const next = (): number => {
      // splitmix32
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Writes the four state words s0..s3 into out[at..at + 3], so that another implementation of
   * xoshiro128** (the WebAssembly dropout pass) can continue this stream; `loadState` takes it back.
   */
  saveState(out: Int32Array, at = 0): void {
    out[at] = this.s0;
    out[at + 1] = this.s1;
    out[at + 2] = this.s2;
    out[at + 3] = this.s3;
  }

  /** Continues from the state words in src[at..at + 3] (as written by `saveState`, possibly advanced elsewhere). */
  loadState(src: Int32Array, at = 0): void {
    this.s0 = src[at];
    this.s1 = src[at + 1];
    this.s2 = src[at + 2];
    this.s3 = src[at + 3];
  }

  /** Uniform double in [0, 1) with 53 random bits: (a·2^26 + b) / 2^53 with a = u32 >>> 5, b = u32 >>> 6 */
  uniform(): number {
    const a = this.nextU32() >>> 5; // 27 bits
    const b = this.nextU32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal draw by Box–Muller (no cached second value). */
  normal(): number {
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Fisher–Yates shuffle of `a` in place, drawing from this generator. */
  shuffle(a: Uint32Array | number[]): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
