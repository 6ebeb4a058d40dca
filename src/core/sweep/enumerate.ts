/**
 * The combinations a sweep trains, in a fixed order.
 *
 * Grid: every combination of the parameters' `values`, in odometer order: the first parameter
 * (as written in the block) changes slowest, the last fastest; combination i has, for parameter k
 * with n_k values, the value index ⌊i / (n_{k+1} · … · n_last)⌋ mod n_k.
 *
 * Random: `runs` combinations drawn one after the other from `Rng(seed)`, each drawing its
 * parameters in the order written:
 * - `values`: one of the n values, index ⌊u·n⌋ (u uniform in [0, 1));
 * - linear range: min + u·(max − min);
 * - log range: exp(ln min + u·(ln max − ln min)), uniform in the logarithm, clamped to [min, max]
 *   against rounding;
 * - integer linear range: lo + ⌊u·(hi − lo + 1)⌋ with lo = ⌈min⌉, hi = ⌊max⌋ (every whole number
 *   equally likely);
 * - integer log range: the log draw rounded to the nearest whole number, clamped to [lo, hi].
 * The same block and seed always draw the same combinations.
 */
import { Rng } from '../rng';
import type { RangeParameter, SweepCombination, SweepParameter, SweepSpec, SweepValue } from './sweep-types';

/** How many combinations the sweep trains (a grid's size, or a random sweep's `runs`). */
export function combinationCount(spec: SweepSpec): number {
  return spec.method === 'grid' ? gridSize(spec.parameters) : spec.runs;
}

/** The product of the parameters' value counts. */
export function gridSize(parameters: readonly SweepParameter[]): number {
  return parameters.reduce((n, p) => n * (p.kind === 'values' ? p.values.length : 1), 1);
}

/** Every combination of the sweep, in order (see the file's comment). */
export function enumerateSweep(spec: SweepSpec): SweepCombination[] {
  return spec.method === 'grid' ? gridCombinations(spec.parameters) : randomCombinations(spec.parameters, spec.runs, spec.seed);
}

/** The grid's combinations (ranges are refused by the checker; here they would take their minimum). */
export function gridCombinations(parameters: readonly SweepParameter[]): SweepCombination[] {
  const total = gridSize(parameters);
  const out: SweepCombination[] = [];
  for (let index = 0; index < total; index++) {
    const values: Record<string, SweepValue> = {};
    let rest = index;
    const picks: SweepValue[] = new Array<SweepValue>(parameters.length);
    for (let k = parameters.length - 1; k >= 0; k--) {
      const p = parameters[k];
      if (p.kind !== 'values') {
        picks[k] = p.min;
        continue;
      }
      picks[k] = p.values[rest % p.values.length];
      rest = Math.floor(rest / p.values.length);
    }
    parameters.forEach((p, k) => define(values, p.key, picks[k]));
    out.push({ index, values });
  }
  return out;
}

/** `runs` seeded draws. */
export function randomCombinations(parameters: readonly SweepParameter[], runs: number, seed: number): SweepCombination[] {
  const rng = new Rng(seed);
  const out: SweepCombination[] = [];
  for (let index = 0; index < runs; index++) {
    const values: Record<string, SweepValue> = {};
    for (const p of parameters) define(values, p.key, p.kind === 'values' ? p.values[rng.int(p.values.length)] : drawRange(p, rng));
    out.push({ index, values });
  }
  return out;
}

/** One draw from a range (see the file's comment for the formulas). */
export function drawRange(p: RangeParameter, rng: Rng): number {
  if (p.integer && p.scale === 'linear') {
    const lo = Math.ceil(p.min);
    const hi = Math.floor(p.max);
    return lo + rng.int(hi - lo + 1);
  }
  const u = rng.uniform();
  const x = p.scale === 'log' ? Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min))) : p.min + u * (p.max - p.min);
  if (!p.integer) return Math.min(p.max, Math.max(p.min, x));
  return Math.min(Math.floor(p.max), Math.max(Math.ceil(p.min), Math.round(x)));
}

/** Sets an own key (also "__proto__"). */
function define(values: Record<string, SweepValue>, key: string, value: SweepValue): void {
  Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
}
