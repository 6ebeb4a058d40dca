/**
 * What a data source (one kind of `data` / `testData` block: a generator, a built-in set, a CSV
 * file, inline arrays, IDX files…) declares about itself. Everything that handles data blocks —
 * the validator, the JSON Schema, docs/format.md, loading, the editor's live check, the CLI and
 * the PyTorch export — goes through these facets, so a new source is one new file plus its line
 * in `registry.ts`.
 */
import type { Checker } from '../../config/checks';
import type { KeySpecs } from '../../config/key-spec';
import type { DataShape } from '../../config/types';
import type { ScriptData } from '../../export/pytorch/data';
import type { JsonPath, Problem } from '../../problems';
import type { Dataset } from '../dataset';

/** What every resolved data block has: the kind of its source. */
export interface DataSpecBase {
  readonly kind: string;
}

/**
 * The shape of one sample's features: a flat vector `[n]` today; image sources will declare
 * `[channels, height, width]` (whose product is the number of inputs).
 */
export type FeatureShape = readonly [number] | readonly [number, number, number];

/** A data shape with the sample's feature shape. */
export interface SourceShape extends DataShape {
  /** `[inputs]` for flat samples. */
  features: FeatureShape;
}

/** The number of inputs a feature shape stands for (the product of its sizes). */
export function featureCount(shape: FeatureShape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A file a block reads. */
export interface DataFileRef {
  /** The file as written (relative to the `.nn.json` file). */
  file: string;
  /** JSON path of the key naming it, relative to the block, e.g. `["csv"]` or `["idx", "images"]`. */
  at: JsonPath;
  /** Read as bytes (`readBinaryFile`) rather than text (`readFile`). */
  binary: boolean;
}

/** The file access loading uses (injected by the caller: the core never touches files). */
export interface DataFileAccess {
  /**
   * Returns a file's text; throws when it cannot (an error with `code: 'ENOENT'` when it is missing, any
   * other error's message is shown as it is). Without it, text files cannot be loaded.
   */
  readFile?: (relativePath: string) => string;
  /** Returns a file's bytes; throws when it cannot. Without it, binary files cannot be loaded. */
  readBinaryFile?: (relativePath: string) => Uint8Array;
  /** Largest number of samples accepted. */
  maxSamples: number;
}

/** A loaded data set, or the problems that prevent it. */
export interface LoadResult {
  data?: Dataset;
  problems: Problem[];
}

/** What the PyTorch export knows when it asks a source how the script reads its samples. */
export interface ScriptContext {
  /** The data set NN Lab loaded from the block. */
  data: Dataset;
  /** Reads a text file relative to the description (as loading did). */
  readFile: (relativePath: string) => string;
  /** Where the script finds a file named relative to the description: a path relative to the script's folder (or absolute). */
  pathFromScript: (relativePath: string) => string;
}

/** A completion snippet of the schema. */
export interface DataSnippet {
  label: string;
  body: Record<string, unknown>;
}

/** Everything about one kind of data block. */
export interface DataSource<S extends DataSpecBase = DataSpecBase> {
  /** The resolved kind. */
  readonly kind: S['kind'];
  /** The key whose presence selects this source, e.g. "csv" (also its name in messages: `"csv" data`). */
  readonly selector: string;
  /** Other keys whose presence alone selects it (inline data: "targets"). */
  readonly alsoSelectedBy?: readonly string[];
  /** Keys required in the schema once the source is selected (default: the selector). */
  readonly schemaRequired?: readonly string[];
  /** How the source is named in "needs one source" messages, e.g. `"csv" (a file)`. */
  readonly hint: string;
  /** Heading of its section in docs/format.md, e.g. "CSV files". */
  readonly title: string;
  /** Its keys, in documentation order (the selector first). */
  readonly keys: KeySpecs;
  /** Completion snippets. */
  readonly snippets: readonly DataSnippet[];
  /**
   * Checks the block (its keys already checked against `keys`); `seed` is the default seed of
   * generated data. Returns the resolved block, or undefined (problems recorded in `c`).
   */
  check(c: Checker, block: Record<string, unknown>, path: JsonPath, seed: number): S | undefined;
  /** The shape known without reading any file (undefined when only loading tells). */
  staticShape(spec: S): SourceShape | undefined;
  /** The files the block reads (none for generated, built-in and inline data). */
  files(spec: S): DataFileRef[];
  /**
   * The shape from the first bytes of each of its files (in `files` order), for checks while typing
   * without loading big files (problems at `path`, the block's path); absent when the whole file is needed.
   */
  headerShape?(spec: S, prefixes: readonly Uint8Array[], path: JsonPath): { shape?: SourceShape; problems: Problem[] };
  /** Builds the data set through `access` (never throws for bad data: problems at `path`, the block's path). */
  load(spec: S, access: DataFileAccess, path: JsonPath): LoadResult;
  /**
   * How the exported PyTorch script reads the samples when not from a JSON file of the loaded
   * numbers written beside it (the default); undefined when it cannot.
   */
  scriptData?(spec: S, ctx: ScriptContext): ScriptData | undefined;
}

/** The last part of a path, for messages. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
