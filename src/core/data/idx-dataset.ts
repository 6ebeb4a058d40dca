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
  // Labels first: small, so a bad labels file is reported before the images are inflated.
  const labels = readIdx(labelBytes, 'labels', names.labels, maxSamples);
  const images = readIdx(imageBytes, 'images', names.images, maxSamples);
  const { n } = idxDataShape(images.dims, labels.dims, options.classes, names);
  const [, rows, cols] = images.dims;
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
    features: [1, rows, cols],
    pixelMax: 255,
  };
}

/**
 * The shape of an IDX data set from the sizes its two files declare (see `readIdxHeader`), without
 * loading them; throws an IdxError when the image and label counts differ.
 */
export function idxDataShape(
  imageDims: number[],
  labelDims: number[],
  classes: number,
  names: IdxFileNames,
): { inputs: number; outputs: number; n: number; task: 'classification' } {
  const [n, rows, cols] = imageDims;
  if (labelDims[0] !== n) throw new IdxError(names.labels, `holds ${labelDims[0]} labels but ${names.images} holds ${n} images`);
  return { inputs: rows * cols, outputs: classes <= 2 ? 1 : classes, n, task: 'classification' };
}
