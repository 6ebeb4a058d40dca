/**
 * Each swept value on its own: a value that makes the config invalid (a string where a number
 * goes, 0 units, an unknown optimizer) is a warning at that value's path in the sweep block,
 * e.g. `sweep.parameters["layers[0].units"].values[2]: 0 makes the config invalid: layers[0].units:
 * units must be positive …`. The sweep still runs (the combinations with that value are reported
 * invalid and not trained); the warning says which value to fix.
 */
import { formatPath, oneLine, type JsonPath, type Problem } from '../problems';
import { validateConfig } from '../config/validate';
import { pathsOverlap, withValues } from './sweep-path';
import { valueText } from './resolve-combination';
import type { SweepSpec, SweepValue } from './sweep-types';

/** Values checked per parameter (the first ones), so a long list stays cheap to check. */
export const MAX_CHECKED_VALUES = 200;

/** Warnings for the values of `spec` that make `config` invalid on their own (ranges: their bounds). */
export function checkSweepValues(config: Record<string, unknown>, spec: SweepSpec): Problem[] {
  const out: Problem[] = [];
  for (const p of spec.parameters) {
    const at: JsonPath = ['sweep', 'parameters', p.key];
    const tried: [JsonPath, SweepValue][] =
      p.kind === 'values'
        ? p.values.slice(0, MAX_CHECKED_VALUES).map((v, i): [JsonPath, SweepValue] => [[...at, 'values', i], v])
        : [
            [[...at, 'min'], p.integer ? Math.ceil(p.min) : p.min],
            [[...at, 'max'], p.integer ? Math.floor(p.max) : p.max],
          ];
    for (const [where, value] of tried) {
      const error = validateConfig(withValues(config, [[p.path, value]], ['sweep'])).problems.find(
        (e) => e.severity === 'error' && pathsOverlap(e.path, p.path),
      );
      if (error)
        out.push({
          path: where,
          severity: 'warning',
          code: 'invalid-value',
          message: oneLine(`${valueText(value)} makes the config invalid: ${error.path.length ? `${formatPath(error.path)}: ` : ''}${error.message}`),
        });
    }
  }
  return out;
}
