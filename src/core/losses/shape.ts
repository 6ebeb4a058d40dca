/** Shape checks shared by the losses. */
import type { FloatArray } from '../linalg/float-array';
import { NnError } from '../problems';

/**
 * Throws unless rows, cols are positive integers and each given array holds rows × cols numbers
 * (fixed arity rather than rest parameters, so a call allocates nothing).
 */
export function checkLossShape(loss: string, rows: number, cols: number, a: FloatArray, b: FloatArray, c?: FloatArray): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows <= 0 || cols <= 0)
    throw new NnError(`${loss} loss: rows and cols must be positive integers, got ${rows} × ${cols}`);
  const n = rows * cols;
  if (a.length !== n || b.length !== n || (c !== undefined && c.length !== n)) {
    const got = [a, b, c]
      .filter((v) => v !== undefined)
      .map((v) => v.length)
      .join(', ');
    throw new NnError(`${loss} loss: expected ${rows} × ${cols} = ${n} numbers per array, got lengths ${got}`);
  }
}

/** Logarithms are clamped below at −100 (as PyTorch's binary_cross_entropy does), so log 0 never gives −∞. */
export const LOG_FLOOR = -100;

/** Denominators of probability-space gradients are clamped below at 1e-12 (PyTorch's BCE backward epsilon). */
export const GRAD_EPS = 1e-12;

/** log y clamped to ≥ −100: max(log y, −100). */
export function clampedLog(y: number): number {
  return Math.max(Math.log(y), LOG_FLOOR);
}
