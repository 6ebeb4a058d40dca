/**
 * How big a file NN Lab reads may be, by kind. A file is refused before anything is read when
 * it is bigger, and reading never goes past the limit even if the file grows meanwhile.
 */

const MB = 1024 * 1024;

/** What a file is to NN Lab: a `*.nn.json` description, a CSV data file, an IDX image or label file, or an exported `*.model.json`. */
export type FileKind = 'config' | 'data' | 'idx' | 'model';

/** Size limits in bytes: config 5 MB, CSV data 50 MB, IDX files 100 MB (Fashion-MNIST's largest, raw, is 47 MB), model file 50 MB. */
export const FILE_LIMITS: Readonly<Record<FileKind, number>> = Object.freeze({ config: 5 * MB, data: 50 * MB, idx: 100 * MB, model: 50 * MB });

/** The words for a kind in messages. */
export const KIND_NAMES: Readonly<Record<FileKind, string>> = Object.freeze({
  config: 'model descriptions',
  data: 'CSV data files',
  idx: 'IDX files',
  model: 'model files',
});

/** `bytes` as megabytes for messages: `60.0 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The limit as people read it: `50 MB`. */
export function limitText(kind: FileKind): string {
  return `${FILE_LIMITS[kind] / MB} MB`;
}
