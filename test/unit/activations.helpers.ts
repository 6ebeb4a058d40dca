/** Small helpers shared by the activation and loss tests (not a test file itself). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/** Reads a JSON fixture written by a script in test/fixtures/. */
export function readFixture<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', file), 'utf8')) as T;
}

/** Relative error |a − b| / max(|b|, floor), the number reported in failure messages and summaries. */
export function relErr(a: number, b: number, floor = 1e-300): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), floor);
}

/**
 * Asserts |actual_i − expected_i| ≤ rtol·|expected_i| + atol for every i, and that every
 * actual value is finite. Returns the largest relative error seen (for summaries).
 */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number, what: string, xs?: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    const at = xs ? ` at x = ${xs[i]}` : ` at index ${i}`;
    assert.ok(Number.isFinite(a), `${what}${at}: got ${a}, expected ${b}`);
    assert.ok(Math.abs(a - b) <= rtol * Math.abs(b) + atol, `${what}${at}: got ${a}, expected ${b} (diff ${a - b})`);
    if (Math.abs(b) > atol) worst = Math.max(worst, relErr(a, b));
  }
  return worst;
}

/** Float64Array from a plain array. */
export function f64(values: readonly number[]): Float64Array {
  return Float64Array.from(values);
}
