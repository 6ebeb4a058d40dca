/**
 * One entry point from a resolved `data` block to a `Dataset`, through the block's source in the
 * data-source registry; files are read through the caller's `readFile` / `readBinaryFile` (the core
 * never touches files).
 */
import type { JsonPath, Problem } from '../problems';
import type { ResolvedDataConfig } from '../config/resolved';
import type { Dataset } from './dataset';
import { dataSourceRegistry } from './sources/registry';
import type { DataFileAccess } from './sources/source';

/** How data is loaded: the file readers for paths relative to the config file, and the size limit. */
export interface LoadDataOptions extends DataFileAccess {
  /** JSON path of the `data` block (default `["data"]`). */
  path?: JsonPath;
}

/** Builds the data set, or returns the problems that prevent it (never throws for bad data). */
export function loadData(spec: ResolvedDataConfig, options: LoadDataOptions): { data?: Dataset; problems: Problem[] } {
  return dataSourceRegistry.of(spec).load(spec, options, options.path ?? ['data']);
}
