/**
 * How a classifier errs, computed in the training worker: the confusion matrix on the test set (when
 * the config has `testData`), else on the validation split, else on the training data; and, for image
 * sets, a few sample images with their predictions (misclassified first).
 * Periodic views use at most PERIODIC_SAMPLES samples spread evenly over that set; the final one all.
 */
import type { Dataset } from '../../core/data/dataset';
import { classCount, classify, confusionMatrix, sampleImages } from '../../core/model/confusion';
import type { Sequential } from '../../core/model/sequential';
import type { ClassifierView } from '../../protocol/panel';
import { sampleIndices } from './network-snapshot';

/** Samples classified for a periodic (not final) view. */
export const PERIODIC_SAMPLES = 2000;

/** Sample images sent with a view. */
export const SAMPLE_IMAGES = 16;

/** Where the view's samples come from. */
export interface ViewSource {
  data: Dataset;
  /** Indices into `data` (undefined: every sample). */
  indices?: Uint32Array;
  set: 'test' | 'validation' | 'training';
}

/** The set a view is computed on: the test set, else the validation split, else the training data. */
export function viewSource(data: Dataset, validation: Uint32Array, testData?: Dataset): ViewSource {
  if (testData) return { data: testData, set: 'test' };
  if (validation.length > 0) return { data, indices: validation, set: 'validation' };
  return { data, set: 'training' };
}

/** The confusion matrix (and sample images for image sets) of `model`; undefined for regression. */
export function classifierView(model: Sequential, source: ViewSource, final: boolean): ClassifierView | undefined {
  const { data } = source;
  if (data.task !== 'classification') return undefined;
  let indices = source.indices ?? Uint32Array.from({ length: data.n }, (_, i) => i);
  if (!final && indices.length > PERIODIC_SAMPLES) indices = Uint32Array.from(sampleIndices(indices.length, PERIODIC_SAMPLES), (k) => indices[k]);
  const c = classify(model, data, indices);
  const view: ClassifierView = { confusion: { ...confusionMatrix(c, classCount(data), data.classNames), set: source.set } };
  const samples = sampleImages(data, c, SAMPLE_IMAGES);
  if (samples) view.samples = samples;
  return view;
}
