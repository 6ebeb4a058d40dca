/**
 * An image data set from a pair of IDX files (images and labels): pixels kept as bytes
 * (1 byte per input; the model sees byte / 255 when `scale`, else the byte), labels one-hot.
 */
import type { Dataset } from './dataset';
import { IdxError, readIdx } from './idx';
import { encodeClassIndices } from './targets';

/** The options of an IDX data set, checked and defaulted. */
export interface IdxOptions {
  /** Divide the pixel values by 255 (into [0, 1]). */
  scale: boolean;
  /** Number of classes; every label must lie in 0..classes−1. */
  classes: number;
  /** Names of the classes, in label order (default "0", "1", …). */
  classNames?: string[];
}

/** The file names used in messages. */
export interface IdxFileNames {
  images: string;
  labels: string;
}

/**
 * Builds the data set from the two files' bytes (raw or gzip); throws an IdxError with a one-line
 * message naming the file at fault (format, truncation, count mismatch, label out of range, caps).
 */
export function idxToDataset(imageBytes: Uint8Array, labelBytes: Uint8Array, options: IdxOptions, names: IdxFileNames, maxSamples: number): Dataset {
  // Labels first: small, and their count bounds the images' before those are inflated.
  const labels = readIdx(labelBytes, 'labels', names.labels, maxSamples);
  const images = readIdx(imageBytes, 'images', names.images, maxSamples);
  const [n, rows, cols] = images.dims;
  if (labels.dims[0] !== n) throw new IdxError(names.labels, `holds ${labels.dims[0]} labels but ${names.images} holds ${n} images`);
  if (n < 1) throw new IdxError(names.images, `holds no image`);
  const values = labels.values;
  for (let i = 0; i < n; i++) {
    if (values[i] >= options.classes)
      throw new IdxError(names.labels, `label ${values[i]} of sample ${i} is outside 0..${options.classes - 1} (set "classes" in the data block)`);
  }
  const { y, outputs } = encodeClassIndices(Int32Array.from(values), options.classes);
  return {
    x: images.values,
    xDivisor: options.scale ? 255 : 1,
    y,
    n,
    inputs: rows * cols,
    outputs,
    task: 'classification',
    classNames: options.classNames ?? Array.from({ length: options.classes }, (_, i) => String(i)),
    imageShape: [rows, cols],
    pixelMax: 255,
  };
}
