/**
 * The shape of generated and built-in data, known without building it.
 */
import type { ResolvedDataConfig } from './types';
import type { DataShape } from './semantics';
import { BUILTIN_SHAPES } from '../data/builtin';

/** Inputs, target columns and sample count of generated or built-in data; undefined for CSV, inline and IDX data. */
export function staticDataShape(data: ResolvedDataConfig): DataShape | undefined {
  switch (data.kind) {
    case 'generator': {
      if (data.generator === 'sine') return { inputs: 1, outputs: 1, n: data.samples, task: 'regression' };
      const classes = data.generator === 'spiral' || data.generator === 'gauss' ? data.classes : 2;
      return { inputs: 2, outputs: classes === 2 ? 1 : classes, n: data.samples, task: 'classification' };
    }
    case 'builtin':
      return { ...BUILTIN_SHAPES[data.dataset], task: 'classification' };
    default:
      return undefined;
  }
}
