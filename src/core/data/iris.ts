/**
 * Fisher's Iris flowers (150 samples: sepal length/width, petal length/width in cm;
 * classes setosa, versicolor, virginica, 50 each), one-hot targets.
 */
import type { Dataset } from './dataset';
import { IRIS_CLASSES, IRIS_FEATURES, IRIS_ROWS } from './generated/iris-data';
import { classificationDataset } from './generators';
import { standardize } from './normalize';

/**
 * The Iris data set. The source lists the classes one after another; here they are
 * interleaved (setosa, versicolor, virginica, setosa, …, keeping each class's order),
 * so that any leading or trailing slice holds every class equally.
 * `normalize` (default true) standardises each feature to zero mean and unit variance.
 */
export function loadIris(normalize = true): Dataset {
  const byClass: (typeof IRIS_ROWS)[number][][] = IRIS_CLASSES.map(() => []);
  for (const row of IRIS_ROWS) byClass[row[4]].push(row);
  const ordered: (typeof IRIS_ROWS)[number][] = [];
  const longest = Math.max(...byClass.map((c) => c.length));
  for (let i = 0; i < longest; i++) for (const rows of byClass) if (i < rows.length) ordered.push(rows[i]);
  const n = ordered.length;
  const x = new Float64Array(n * 4);
  const labels = new Int32Array(n);
  ordered.forEach((row, i) => {
    for (let j = 0; j < 4; j++) x[i * 4 + j] = row[j];
    labels[i] = row[4];
  });
  if (normalize) standardize(x, n, 4);
  const data = classificationDataset(x, 4, labels, n, IRIS_CLASSES.length, [...IRIS_CLASSES]);
  data.featureNames = [...IRIS_FEATURES];
  return data;
}
