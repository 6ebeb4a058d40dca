/**
 * What a checked `"sweep"` block holds: how combinations are chosen (grid or random), which metric
 * picks the best run, how many seeds each combination is trained with, and the parameters swept.
 */
import type { JsonPath } from '../problems';

/** How combinations are chosen: every one (`grid`) or `runs` seeded draws (`random`). */
export type SweepMethod = 'grid' | 'random';

/** The methods, in the order they are documented. */
export const SWEEP_METHODS: readonly SweepMethod[] = ['grid', 'random'];

/** A metric a sweep can rank runs by (a key of the run's final metrics). */
export type SweepMetric = 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy' | 'testLoss' | 'testAccuracy';

/** The metrics, in the order they are documented (and printed). */
export const SWEEP_METRICS: readonly SweepMetric[] = ['loss', 'valLoss', 'accuracy', 'valAccuracy', 'testLoss', 'testAccuracy'];

/** True when a larger value of `metric` is better (accuracies); losses are better smaller. */
export function higherIsBetter(metric: SweepMetric): boolean {
  return metric === 'accuracy' || metric === 'valAccuracy' || metric === 'testAccuracy';
}

/** How a range is sampled: uniformly in the value (`linear`) or in its logarithm (`log`). */
export type SweepScale = 'linear' | 'log';

/** One JSON value a parameter can take (a number, a string, true/false, null, an array or an object). */
export type SweepValue = null | boolean | number | string | SweepValue[] | { [key: string]: SweepValue };

/** A parameter that takes one of listed values. */
export interface ValuesParameter {
  kind: 'values';
  values: SweepValue[];
}

/** A parameter drawn from [min, max] (random search only). */
export interface RangeParameter {
  kind: 'range';
  min: number;
  max: number;
  scale: SweepScale;
  /** Draw whole numbers only (within [min, max]). */
  integer: boolean;
}

/** One swept parameter: where it goes in the config and what it takes. */
export type SweepParameter = (ValuesParameter | RangeParameter) & {
  /** The key as written in the sweep block, e.g. `layers[0].units`. */
  key: string;
  /** The key as a path into the config, e.g. `["layers", 0, "units"]`. */
  path: JsonPath;
};

/** A checked sweep block with every default filled in. */
export interface SweepSpec {
  method: SweepMethod;
  /** Combinations drawn by a random sweep (for a grid: the size of the grid). */
  runs: number;
  /** Seed of a random sweep's draws. */
  seed: number;
  /** The metric that picks the best run. */
  metric: SweepMetric;
  /** Seeds per combination: the config's `training.seed`, then the next ones. */
  repeats: number;
  /** The parameters, in the order they are written. */
  parameters: SweepParameter[];
}

/** One combination: a value per parameter, by key, in the parameters' order. */
export interface SweepCombination {
  /** 0-based position in the sweep's enumeration. */
  index: number;
  /** The values by parameter key (as written in the block). */
  values: Record<string, SweepValue>;
}

/** The sweep's limits (a sweep bigger than this is refused; a grid bigger than the warning size is warned about). */
export const SWEEP_LIMITS = {
  /** Most runs (combinations) of one sweep. */
  maxRuns: 100_000,
  /** A grid with more combinations than this gets a warning. */
  warnGridRuns: 1_000,
  /** Most seeds per combination. */
  maxRepeats: 100,
  /** Most values listed for one parameter. */
  maxValues: 10_000,
  /** Most parameters in one sweep. */
  maxParameters: 64,
} as const;

/** The default seed of a random sweep's draws. */
export const DEFAULT_SWEEP_SEED = 1;
