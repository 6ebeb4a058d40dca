/**
 * The paths a sweep block can offer for completion: every setting the config itself spells out
 * (its leaves, as `nn-lab check` prints paths: `optimizer.alpha`, `layers[0].units`), plus the
 * common ones it may leave to their defaults (`training.l2`, `training.batchSize`, each layer's
 * `units` and `activation`). Inline data (long arrays) and the descriptive keys are skipped.
 */
import { formatPath, type JsonPath } from '../problems';
import { isObject } from '../config/checks';

/** Top-level keys whose values are never swept. */
const SKIPPED = new Set(['$schema', 'name', 'description', 'sweep']);

/** Arrays longer than this are data, not settings (not descended into). */
const MAX_ARRAY = 32;

/** Most candidates offered. */
const MAX_CANDIDATES = 500;

/** Settings offered even when the config leaves them to their defaults. */
const COMMON = ['optimizer.name', 'optimizer.alpha', 'training.epochs', 'training.batchSize', 'training.l2', 'training.seed'];

/** One completion candidate: the path as a sweep key and the config's value there (if it has one). */
export interface SweepPathCandidate {
  key: string;
  value?: unknown;
}

/** The candidates for `config` (a parsed, possibly incomplete config), in the config's order, then the common extras. */
export function sweepPathCandidates(config: unknown): SweepPathCandidate[] {
  const found = new Map<string, SweepPathCandidate>();
  const walk = (node: unknown, path: JsonPath): void => {
    if (found.size >= MAX_CANDIDATES || path.length > 8) return;
    if (Array.isArray(node)) {
      if (node.length <= MAX_ARRAY) node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
      return;
    }
    const key = formatPath(path);
    found.set(key, { key, value: node });
  };
  if (!isObject(config)) return [];
  for (const [k, v] of Object.entries(config)) if (!SKIPPED.has(k)) walk(v, [k]);
  const layers = Array.isArray(config.layers) ? config.layers.length : 0;
  const extras = [...COMMON, ...Array.from({ length: Math.min(layers, MAX_ARRAY) }, (_, i) => [`layers[${i}].units`, `layers[${i}].activation`]).flat()];
  for (const key of extras) if (!found.has(key) && found.size < MAX_CANDIDATES) found.set(key, { key });
  return [...found.values()];
}
