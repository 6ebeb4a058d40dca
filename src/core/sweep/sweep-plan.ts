/**
 * A sweep's plan: every combination, each checked with the config checker before anything runs
 * (an invalid one carries the line that says why and is never trained), and the configs of its
 * repeats made on demand so a sweep of many runs holds no config text per run.
 */
import type { Problem } from '../problems';
import { enumerateSweep } from './enumerate';
import { baseSeed, combinationProblem, resolveCombination } from './resolve-combination';
import type { SweepCombination, SweepSpec } from './sweep-types';

/** One combination of the plan. */
export interface PlannedCombination {
  combination: SweepCombination;
  /** Why the combination makes the config invalid (one line), when it does. */
  invalid?: string;
}

/** The checked plan of a sweep. */
export interface SweepPlan {
  spec: SweepSpec;
  combinations: PlannedCombination[];
  /** The resolved config a repeat trains (sweep block removed, seed + repeat). */
  configFor(index: number, repeat: number): Record<string, unknown>;
  /** The seed repeat `repeat` of combination `index` trains with. */
  seedFor(index: number, repeat: number): number;
}

/** The checker a plan validates each combination with (e.g. `validateConfig` given the data's shape). */
export type CombinationValidator = (config: Record<string, unknown>) => readonly Problem[];

/** Enumerates and checks every combination of `spec` over `config` (the parsed file, sweep block included). */
export function planSweep(config: Record<string, unknown>, spec: SweepSpec, validate: CombinationValidator): SweepPlan {
  const combinations = enumerateSweep(spec).map((combination): PlannedCombination => {
    const invalid = combinationProblem(spec, combination, validate(resolveCombination(config, spec, combination)));
    return invalid === undefined ? { combination } : { combination, invalid };
  });
  const configFor = (index: number, repeat: number): Record<string, unknown> => resolveCombination(config, spec, combinations[index].combination, repeat);
  return { spec, combinations, configFor, seedFor: (index, repeat) => baseSeed(configFor(index, repeat)) };
}
