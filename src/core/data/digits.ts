/**
 * The 8×8 handwritten digits that scikit-learn ships (1,797 samples; 64 pixels valued 0..16;
 * classes 0..9, one-hot), kept as bytes: the model sees pixel / 16, in [0, 1].
 */
import type { Dataset } from './dataset';
import { decodeBase64 } from './base64';
import { DIGITS_LABELS_BASE64, DIGITS_PIXELS_BASE64, DIGITS_SAMPLES } from './generated/digits-data';
import { encodeClassIndices } from './targets';
import { standardizeDataset } from './normalize';

/** Side of a digit image, in pixels. */
export const DIGITS_SIDE = 8;

/** Largest pixel value of the digits. */
export const DIGITS_MAX = 16;

/**
 * The digits in scikit-learn's order, pixels scaled to [0, 1] (÷ 16) and stored as bytes;
 * `normalize` standardises every pixel column instead (then stored as float64).
 */
export function loadDigits(normalize = false): Dataset {
  const x = decodeBase64(DIGITS_PIXELS_BASE64);
  const labels = decodeBase64(DIGITS_LABELS_BASE64);
  const n = DIGITS_SAMPLES;
  const inputs = DIGITS_SIDE * DIGITS_SIDE;
  if (x.length !== n * inputs || labels.length !== n) throw new Error('the built-in digits data is damaged');
  const { y, outputs } = encodeClassIndices(Int32Array.from(labels), 10);
  const data: Dataset = {
    x,
    xDivisor: DIGITS_MAX,
    y,
    n,
    inputs,
    outputs,
    task: 'classification',
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    imageShape: [DIGITS_SIDE, DIGITS_SIDE],
    features: [1, DIGITS_SIDE, DIGITS_SIDE],
    pixelMax: DIGITS_MAX,
  };
  return normalize ? standardizeDataset(data) : data;
}
