/**
 * The data sources, in the order they are documented and offered. Code that handles a data block
 * asks this registry for the block's source instead of branching on its kind.
 *
 * Adding a source: write `sources/<name>.ts` (its resolved block type, keys, check, shape, files,
 * loading, and `headerShape` / `scriptData` when it has them), add its block type to
 * `ResolvedDataConfig` in config/resolved.ts and its line below, add its table markers to
 * docs/format.md, then run `npm run schema` and `npm run docs`.
 */
import type { ResolvedDataConfig } from '../../config/resolved';
import { csvSource } from './csv';
import { datasetSource } from './dataset';
import { generatorSource } from './generator';
import { idxSource } from './idx';
import { inlineSource } from './inline';
import type { DataSource } from './source';

/** The kinds of data source (the `kind` of a resolved data block). */
export type DataKind = ResolvedDataConfig['kind'];

/** The resolved block of one kind. */
export type SpecOf<K extends DataKind> = Extract<ResolvedDataConfig, { kind: K }>;

/** A source whose facets take any resolved data block (each is only called with its own kind's). */
export type AnyDataSource = DataSource<ResolvedDataConfig>;

/** Every data source, by kind (the mapped type makes a missing kind a compile error). */
const SOURCES: { [K in DataKind]: DataSource<SpecOf<K>> } = {
  generator: generatorSource,
  builtin: datasetSource,
  csv: csvSource,
  idx: idxSource,
  inline: inlineSource,
};

/**
 * The registry of data sources. A source's facets take the resolved block of its own kind; through
 * `of(spec)` they are called with the block they came from.
 */
export const dataSourceRegistry = {
  /** Every source, in documentation order. */
  all: Object.values(SOURCES) as readonly AnyDataSource[],
  /** The source of a kind. */
  get(kind: DataKind): AnyDataSource {
    return SOURCES[kind] as AnyDataSource;
  },
  /** The source of a resolved block. */
  of(spec: ResolvedDataConfig): AnyDataSource {
    return SOURCES[spec.kind] as AnyDataSource;
  },
};
