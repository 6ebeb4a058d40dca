/**
 * Test helpers for the layer, model and trainer tests: random arrays and central finite
 * differences, d f/d p_i ≈ (f(p + h e_i) − f(p − h e_i)) / 2h.
 */
import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { Rng } from '../../src/core/rng';

/** Array of `len` uniforms in [lo, hi). */
export function randomArray(rng: Rng, len: number, lo = -1, hi = 1): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = lo + (hi - lo) * rng.uniform();
  return a;
}

/** Central-difference gradient of the scalar `f` with respect to every entry of `p` (restored afterwards). */
export function numericGradient(p: FloatArray, f: () => number, h = 1e-6): Float64Array {
  const g = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const old = p[i];
    p[i] = old + h;
    const up = f();
    p[i] = old - h;
    const down = f();
    p[i] = old;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Asserts |a − b| ≤ tol · max(1, |b|) entry by entry. */
export function assertGradClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tol = 1e-6): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    assert.ok(err <= tol * Math.max(1, Math.abs(expected[i])), `${what}[${i}]: analytic ${actual[i]} vs numeric ${expected[i]}`);
  }
}

/** Σ_i r_i · y_i, the scalar used to test vector–Jacobian products. */
export function dot(r: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * y[i];
  return s;
}
