/**
 * A data set in memory: n samples, row-major inputs x[n×inputs] and targets y[n×outputs].
 */
export interface Dataset {
  x: Float64Array;
  y: Float64Array;
  n: number;
  inputs: number;
  outputs: number;
  /** "classification" when targets are class labels (0/1 column or one-hot), else "regression". */
  task: 'classification' | 'regression';
  /** Names of the input columns, when known. */
  featureNames?: string[];
  /** Names of the classes, when known (one-hot order). */
  classNames?: string[];
}
