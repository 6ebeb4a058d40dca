/**
 * A comparison of optimizers as a sweep: one grid parameter, the config's whole `optimizer`
 * (`{ "name": "SGD" }` with its defaults, or the config's own optimizer as written), so "Compare
 * Optimizers" and `nn-lab sweep` share one runner.
 */
import { DEFAULT_OPTIMIZER } from '../config/keys';
import type { SweepSpec, SweepValue } from '../sweep/sweep-types';

/** The grid sweep over `optimizer` taking `optimizers` (each as the config would write it) in order. */
export function optimizerSweepSpec(optimizers: readonly SweepValue[]): SweepSpec {
  return {
    method: 'grid',
    runs: optimizers.length,
    seed: 1,
    metric: 'loss',
    repeats: 1,
    parameters: [{ kind: 'values', key: 'optimizer', path: ['optimizer'], values: [...optimizers] }],
  };
}

/** The `optimizer` a parsed config trains with, as written (Adam with its defaults when it names none). */
export function optimizerValue(config: unknown): SweepValue {
  const written = typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as { optimizer?: unknown }).optimizer : undefined;
  return written === undefined ? { name: DEFAULT_OPTIMIZER } : (written as SweepValue);
}
