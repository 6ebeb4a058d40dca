/**
 * `"shape": [channels, height, width]` of the sources whose rows may be images (CSV, inline): a
 * row is then one image flattened in channel, row, column order, so channels·height·width must
 * equal the number of feature columns (checked when the data is loaded).
 */
import { checkInteger, describeType, type Checker } from '../../config/checks';
import type { CustomKeySpec } from '../../config/key-spec';
import type { JsonPath, Problem } from '../../problems';
import type { LoadResult } from './source';

/** Largest size of one dimension of a declared image shape. */
export const MAX_SHAPE_SIDE = 4096;

/** Checks a written `shape`: three whole numbers from 1 to MAX_SHAPE_SIDE, or undefined (problems in `c`). */
export function checkImageShape(c: Checker, value: unknown, path: JsonPath): [number, number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 3) {
    c.error(path, `shape must be [channels, height, width] (three whole numbers), got ${describeType(value)}`);
    return undefined;
  }
  const names = ['channels', 'height', 'width'];
  const dims = value.map((v, i) => checkInteger(c, v, [...path, i], `shape's ${names[i]}`, 1, MAX_SHAPE_SIDE));
  return dims.every((d) => d !== undefined) ? (dims as [number, number, number]) : undefined;
}

/** The `shape` key of CSV and inline data. */
export const IMAGE_SHAPE_KEY: CustomKeySpec = {
  type: 'custom',
  docType: '[c, h, w]',
  docDefault: 'flat rows',
  doc:
    'The rows are images of this shape `[channels, height, width]`, flattened in channel, row, column order ' +
    '(so convolution and pooling layers can take them); channels·height·width must equal the number of feature columns.',
  check: checkImageShape,
  schema: () => ({ type: 'array', minItems: 3, maxItems: 3, items: { type: 'integer', minimum: 1, maximum: MAX_SHAPE_SIDE } }),
};

/** A loaded data set with its declared image `shape` (a problem at `path` when the rows do not hold c·h·w features). */
export function withImageShape(result: LoadResult, shape: readonly number[] | undefined, path: JsonPath): LoadResult {
  if (!shape || !result.data) return result;
  const size = shape[0] * shape[1] * shape[2];
  if (size !== result.data.inputs) {
    const problem: Problem = {
      path,
      severity: 'error',
      code: 'shape-mismatch',
      message: `shape [${shape.join(', ')}] holds ${size} values per sample (${shape.join('·')}), but the data has ${result.data.inputs} feature columns`,
    };
    return { problems: [...result.problems, problem] };
  }
  result.data.features = [...shape];
  if (shape[0] === 1) result.data.imageShape = [shape[1], shape[2]];
  return result;
}
