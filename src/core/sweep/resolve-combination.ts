/**
 * From a config and one combination to the config a run trains: a copy (sharing what it does not
 * change with the config, which stays as it was) with the combination's values filled in (keys created where absent), the `sweep` block removed, and for repeat r the
 * seed `training.seed + r`. Each resolved config is checked with the config checker before any run.
 */
import { formatPath, oneLine, type Problem } from '../problems';
import { TRAINING_DEFAULTS } from '../config/keys';
import { MAX_SEED } from '../config/validate-training';
import { pathsOverlap, valueAt, withValues } from './sweep-path';
import type { SweepCombination, SweepSpec } from './sweep-types';

/** The config (a parsed `*.nn.json` object) with the combination's values and the repeat's seed, without `sweep`. */
export function resolveCombination(config: Record<string, unknown>, spec: SweepSpec, combination: SweepCombination, repeat = 0): Record<string, unknown> {
  const entries = spec.parameters.filter((p) => Object.hasOwn(combination.values, p.key)).map((p) => [p.path, combination.values[p.key]] as const);
  const resolved = withValues(config, entries, ['sweep']);
  return repeat > 0 ? withValues(resolved, [[['training', 'seed'], (baseSeed(resolved) + repeat) % (MAX_SEED + 1)]]) : resolved;
}

/** The seed of a resolved config (its `training.seed`, else the default), the seed of its first repeat. */
export function baseSeed(config: unknown): number {
  const seed = valueAt(config, ['training', 'seed']);
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 ? seed : TRAINING_DEFAULTS.seed;
}

/**
 * Why a resolved config cannot train, as one line naming the parameters and values involved
 * (`layers[0].units = 0: layers[0].units must be positive (at least 1), got 0`), or undefined when
 * `problems` (the checker's verdict on it) hold no error.
 */
export function combinationProblem(spec: SweepSpec, combination: SweepCombination, problems: readonly Problem[]): string | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return undefined;
  const parts = errors.slice(0, 3).map((e) => {
    const culprit = spec.parameters.find((p) => pathsOverlap(p.path, e.path));
    const where = e.path.length ? `${formatPath(e.path)}: ` : '';
    const what = culprit ? `${culprit.key} = ${valueText(combination.values[culprit.key])}: ` : '';
    return `${what}${where}${e.message}`;
  });
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return oneLine(parts.join('; ') + more);
}

/** A swept value as it reads in a message (JSON, cut when long). */
export function valueText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
