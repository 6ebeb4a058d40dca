/**
 * Deciding what targets mean: class labels (one 0/1 column, or one-hot rows) or regression values,
 * and encoding text class names.
 */

/**
 * True when the targets look like class labels: every value is 0 or 1 and, with more than
 * one column, every row holds exactly one 1 (one-hot).
 */
export function looksLikeClasses(y: Float64Array, n: number, cols: number): boolean {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const v = y[i * cols + j];
      if (v !== 0 && v !== 1) return false;
      sum += v;
    }
    if (cols > 1 && sum !== 1) return false;
  }
  return n > 0;
}

/**
 * Class names in the order they were first seen → the same names sorted, and for each first-seen
 * index its sorted index (`remap[k]`), so labels numbered while reading can be renumbered at the end.
 * The caller bounds the number of names (a text target has at most `MAX_TEXT_CLASSES`).
 */
export function sortClassNames(firstSeen: readonly string[]): { classNames: string[]; remap: Int32Array } {
  const classNames = firstSeen.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sortedIndex = new Map(classNames.map((c, i) => [c, i]));
  return { classNames, remap: Int32Array.from(firstSeen, (c) => sortedIndex.get(c) ?? 0) };
}

/**
 * Target matrix for class indices: one 0/1 column for two classes (class 1 is the second
 * name), one-hot columns for three or more.
 */
export function encodeClassIndices(indices: Int32Array, classes: number): { y: Float64Array; outputs: number } {
  const outputs = classes <= 2 ? 1 : classes;
  const y = new Float64Array(indices.length * outputs);
  indices.forEach((c, i) => {
    if (outputs === 1) y[i] = c;
    else y[i * outputs + c] = 1;
  });
  return { y, outputs };
}
