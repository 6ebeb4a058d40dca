/**
 * Pixel colours of the convolution tiles (filters and feature maps), as plain RGBA bytes so they can be
 * tested without a DOM. The end colours come from the VS Code theme (see conv-tiles.ts).
 */

/** A colour as [r, g, b], each 0–255. */
export type Rgb = readonly [number, number, number];

/** `a` + s·(`b` − `a`) per channel, rounded. */
function mix(a: Rgb, b: Rgb, s: number): [number, number, number] {
  return [Math.round(a[0] + s * (b[0] - a[0])), Math.round(a[1] + s * (b[1] - a[1])), Math.round(a[2] + s * (b[2] - a[2]))];
}

/**
 * The diverging map: t ∈ [−1, 1] (clamped; not finite: 0) → `mid` + |t|·(end − `mid`), the end being `neg`
 * for t < 0 and `pos` for t > 0. Equal magnitudes of opposite sign get equally strong colours.
 */
export function diverging(t: number, neg: Rgb, mid: Rgb, pos: Rgb): [number, number, number] {
  const c = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return c < 0 ? mix(mid, neg, -c) : mix(mid, pos, c);
}

/** The sequential map: level q ∈ 0..255 → `low` + (q/255)·(`high` − `low`). */
export function ramp(q: number, low: Rgb, high: Rgb): [number, number, number] {
  return mix(low, high, Math.max(0, Math.min(255, q)) / 255);
}

/** RGBA bytes of `count` weights values[offset ..] coloured by `diverging`(w / scale) (all `mid` when scale is 0). */
export function filterPixels(values: readonly number[], offset: number, count: number, scale: number, neg: Rgb, mid: Rgb, pos: Rgb): Uint8ClampedArray {
  const out = new Uint8ClampedArray(4 * count);
  for (let i = 0; i < count; i++) {
    out.set(diverging(scale > 0 ? (values[offset + i] ?? 0) / scale : 0, neg, mid, pos), 4 * i);
    out[4 * i + 3] = 255;
  }
  return out;
}

/** RGBA bytes of `count` levels[offset ..] coloured by `ramp`. */
export function levelPixels(levels: readonly number[], offset: number, count: number, low: Rgb, high: Rgb): Uint8ClampedArray {
  const out = new Uint8ClampedArray(4 * count);
  for (let i = 0; i < count; i++) {
    out.set(ramp(levels[offset + i] ?? 0, low, high), 4 * i);
    out[4 * i + 3] = 255;
  }
  return out;
}
