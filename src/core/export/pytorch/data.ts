/**
 * Where the exported script reads its samples: a JSON file written beside it (generated,
 * built-in and inline data, exactly the numbers NN Lab trains on), or the CSV file itself,
 * read with NN Lab's resolved choices (delimiter, header, feature/target columns, class names,
 * standardisation) so the script sees the same matrix.
 */
import { allIndices, inputRows, type Dataset } from '../../data/dataset';
import { PY_DATA } from './generated/python-sources';
import { pyBool, pyString } from './python-text';

/** The script's data source. */
export type ScriptData =
  | { kind: 'json'; file: string }
  | {
      kind: 'csv';
      /** Path of the CSV file, relative to the script's folder (or absolute). */
      path: string;
      delimiter: string;
      header: boolean;
      /** 0-based feature columns, in order. */
      features: number[];
      /** 0-based target columns, in order. */
      targets: number[];
      /** Class names of a text target column (sorted; index = class). */
      classNames?: string[];
      normalize: boolean;
    };

/** The JSON data file's text: `{"format": "nn-lab-data", "x": [[…]], "y": [[…]]}` (rows of the data set). */
export function dataFileText(data: Dataset): string {
  const rows = (a: Float64Array, cols: number): number[][] => Array.from({ length: data.n }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols)));
  const body = {
    format: 'nn-lab-data',
    version: 1,
    n: data.n,
    inputs: data.inputs,
    outputs: data.outputs,
    task: data.task,
    x: rows(inputRows(data, allIndices(data.n)), data.inputs),
    y: rows(data.y, data.outputs),
  };
  return JSON.stringify(body) + '\n';
}

/** Python `load_data()` for `source` (python/data/*.py after the source's constants): returns (x rows, y rows) as lists of float lists. */
export function pythonDataLoader(source: ScriptData): string {
  if (source.kind === 'json') {
    return `\nDATA_FILE = ${pyString(source.file)}\n\n` + PY_DATA.json_file;
  }
  const classNames = source.classNames ? `[${source.classNames.map(pyString).join(', ')}]` : 'None';
  return (
    String.raw`
CSV_FILE = ${pyString(source.path)}  # relative to this script's folder
CSV_DELIMITER = ${pyString(source.delimiter)}
CSV_HEADER = ${pyBool(source.header)}
FEATURE_COLUMNS = [${source.features.join(', ')}]
TARGET_COLUMNS = [${source.targets.join(', ')}]
CLASS_NAMES = ${classNames}  # a text target column: class k is CLASS_NAMES[k]
NORMALIZE = ${pyBool(source.normalize)}

` + PY_DATA.csv_file
  );
}
