/**
 * Weight initialisers. All draw from the run's seeded `Rng`, so initial weights are
 * reproducible; W is drawn row by row (row-major order), then b.
 *
 * - `normal`: the reference's scaled normal, W, b ~ initScale · N(0, 1) (initScale default 0.05).
 * - `xavier` (Glorot normal): W ~ N(0, σ²) with σ = √(2 / (fanIn + fanOut)); b = 0.
 * - `he`: W ~ N(0, σ²) with σ = √(2 / fanIn); b = 0.
 */
import type { FloatArray } from '../linalg/float-array';
import type { Rng } from '../rng';

/** Initialiser names after config resolution (`auto` and `glorot` are resolved away). */
export type InitKind = 'normal' | 'xavier' | 'he';

/** The reference's default weight scale ("wb_width"). */
export const DEFAULT_INIT_SCALE = 0.05;

/** Standard deviation of the weights drawn by `kind` for a W[fanIn×fanOut]. */
export function initStd(kind: InitKind, fanIn: number, fanOut: number, initScale = DEFAULT_INIT_SCALE): number {
  switch (kind) {
    case 'normal':
      return initScale;
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
  }
}

/**
 * Fills w[fanIn×fanOut] and b[fanOut] in place: w ~ N(0, initStd²); b ~ N(0, initScale²)
 * for `normal` (as the reference does), b = 0 for `xavier` and `he`.
 */
export function initialize(w: FloatArray, b: FloatArray, kind: InitKind, fanIn: number, fanOut: number, rng: Rng, initScale = DEFAULT_INIT_SCALE): void {
  const std = initStd(kind, fanIn, fanOut, initScale);
  for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
  if (kind === 'normal') {
    for (let j = 0; j < b.length; j++) b[j] = initScale * rng.normal();
  } else {
    b.fill(0);
  }
}
