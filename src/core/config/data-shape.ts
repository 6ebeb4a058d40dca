/**
 * The shape of a data block known without reading any file (generated and built-in data), from
 * its source in the data-source registry.
 */
import type { ResolvedDataConfig } from './resolved';
import type { DataShape } from './semantics';
import { dataSourceRegistry } from '../data/sources/registry';

/** Inputs, target columns and sample count when the source knows them statically; undefined when only loading tells. */
export function staticDataShape(data: ResolvedDataConfig): DataShape | undefined {
  return dataSourceRegistry.of(data).staticShape(data);
}
