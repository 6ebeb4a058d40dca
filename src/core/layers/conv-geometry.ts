/**
 * The sizes of a 2-D window operation (convolution, pooling) on one image [channels, height, width]:
 * a window of kh×kw moved by a stride of sh×sw over the image padded with pt rows on top, pb below,
 * pl columns on the left and pr on the right. Along each axis the output size is
 *   out = ⌊(n + p_before + p_after − k)/s⌋ + 1   (PyTorch's, with dilation 1 and ceil_mode off).
 * "same" padding (stride 1 only, as PyTorch's `padding='same'`): the total k − 1 is split with
 * ⌊(k − 1)/2⌋ before and the rest after, so an even kernel pads one more on the bottom / right.
 */

/** A 2-D window operation's geometry. */
export interface WindowGeometry {
  /** Input channels, height and width. */
  readonly c: number;
  readonly h: number;
  readonly w: number;
  /** Window height and width. */
  readonly kh: number;
  readonly kw: number;
  /** Strides along the height and the width. */
  readonly sh: number;
  readonly sw: number;
  /** Zero padding on the top, bottom, left and right. */
  readonly pt: number;
  readonly pb: number;
  readonly pl: number;
  readonly pr: number;
  /** Output height and width. */
  readonly oh: number;
  readonly ow: number;
}

/** How much padding a layer asks for: "valid" (none), "same" (output = input at stride 1) or p on every side. */
export type Padding = 'valid' | 'same' | number;

/** ⌊(n + padding − k)/s⌋ + 1, or 0 when the padded input is smaller than the window. */
export function windowOutputSize(n: number, k: number, s: number, padding: number): number {
  return n + padding < k ? 0 : Math.floor((n + padding - k) / s) + 1;
}

/** Padding before and after along one axis of kernel size k. */
export function paddingPair(padding: Padding, k: number): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (padding === 'same') {
    const total = k - 1;
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }
  return [padding, padding];
}

/** The geometry of a window of `kernel` moved by `stride` with `padding` over an image of `input` = [c, h, w]. */
export function windowGeometry(
  input: readonly number[],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: Padding,
): WindowGeometry {
  const [c, h, w] = input;
  const [kh, kw] = kernel;
  const [sh, sw] = stride;
  const [pt, pb] = paddingPair(padding, kh);
  const [pl, pr] = paddingPair(padding, kw);
  return { c, h, w, kh, kw, sh, sw, pt, pb, pl, pr, oh: windowOutputSize(h, kh, sh, pt + pb), ow: windowOutputSize(w, kw, sw, pl + pr) };
}

/** "[c, h, w]" for messages. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Why a window operation named `what` (e.g. "conv2d", "maxpool2d") cannot take `input`, or undefined:
 * the input must be an image [channels, height, width], and the padded image at least as large as the window.
 */
export function windowProblem(what: string, input: readonly number[], g: WindowGeometry | undefined): string | undefined {
  if (input.length !== 3 || !g)
    return `${what} needs images [channels, height, width] as input, but its input is ${input.length === 1 ? `${input[0]} flat features` : shapeText(input)}: use image data (IDX files, the digits, or "shape" on CSV and inline data) and put ${what} before any dense layer`;
  const rows = g.h + g.pt + g.pb;
  const cols = g.w + g.pl + g.pr;
  if (g.oh < 1 || g.ow < 1)
    return `${what}'s window ${g.kh}×${g.kw} is larger than its input ${shapeText(input)} (${rows}×${cols} with padding): the output size ⌊(n + 2p − k)/s⌋ + 1 would be ${Math.max(0, g.oh)}×${Math.max(0, g.ow)}; use a smaller kernel or size, padding, or fewer pooling layers before it`;
  return undefined;
}

/**
 * For each output position p (row-major over oh×ow) and each window element r (row-major over
 * c×kh×kw), the index in the sample [c, h, w] that the window reads there, or −1 where it reads
 * padding: table[p·(c·kh·kw) + r]. This is the im2col gather pattern.
 */
export function im2colTable(g: WindowGeometry): Int32Array {
  const kk = g.c * g.kh * g.kw;
  const table = new Int32Array(g.oh * g.ow * kk);
  let t = 0;
  for (let oy = 0; oy < g.oh; oy++)
    for (let ox = 0; ox < g.ow; ox++)
      for (let ch = 0; ch < g.c; ch++)
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.sh - g.pt + ky;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.sw - g.pl + kx;
            table[t++] = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w ? (ch * g.h + iy) * g.w + ix : -1;
          }
        }
  return table;
}
