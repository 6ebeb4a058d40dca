/**
 * Where the exported script reads its samples: a JSON file written beside it (generated,
 * built-in and inline data, exactly the numbers NN Lab trains on), or the CSV file itself,
 * read with NN Lab's resolved choices (delimiter, header, feature/target columns, class names,
 * standardisation) so the script sees the same matrix.
 */
import { allIndices, inputRows, type Dataset } from '../../data/dataset';
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
  const rows = (a: Float64Array, cols: number): number[][] =>
    Array.from({ length: data.n }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols)));
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

/** Python `load_data()` for `source`: returns (x rows, y rows) as lists of float lists. */
export function pythonDataLoader(source: ScriptData): string {
  if (source.kind === 'json') {
    return String.raw`
DATA_FILE = ${pyString(source.file)}


def load_data():
    """The samples NN Lab trains on (after its normalisation and target encoding), written beside this script."""
    with open(HERE / DATA_FILE, encoding="utf-8") as f:
        data = json.load(f)
    return data["x"], data["y"]
`;
  }
  const classNames = source.classNames ? `[${source.classNames.map(pyString).join(', ')}]` : 'None';
  return String.raw`
CSV_FILE = ${pyString(source.path)}  # relative to this script's folder
CSV_DELIMITER = ${pyString(source.delimiter)}
CSV_HEADER = ${pyBool(source.header)}
FEATURE_COLUMNS = [${source.features.join(', ')}]
TARGET_COLUMNS = [${source.targets.join(', ')}]
CLASS_NAMES = ${classNames}  # a text target column: class k is CLASS_NAMES[k]
NORMALIZE = ${pyBool(source.normalize)}


def standardize(x):
    """Each feature column to zero mean and unit (population) variance; a constant column is only centred."""
    n, cols = len(x), len(x[0]) if x else 0
    mean = [0.0] * cols
    for row in x:
        for j in range(cols):
            mean[j] += row[j]
    mean = [m / n for m in mean]
    var = [0.0] * cols
    for row in x:
        for j in range(cols):
            d = row[j] - mean[j]
            var[j] += d * d
    std = [math.sqrt(v / n) for v in var]
    return [[(row[j] - mean[j]) / (std[j] if std[j] > 0 else 1) for j in range(cols)] for row in x]


def load_data():
    """Reads the CSV file as NN Lab does: blank lines skipped, features and targets by column."""
    with open(HERE / CSV_FILE, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=CSV_DELIMITER) if r and not (len(r) == 1 and r[0].strip() == "")]
    if CSV_HEADER:
        rows = rows[1:]
    x = [[float(r[j]) for j in FEATURE_COLUMNS] for r in rows]
    if CLASS_NAMES is None:
        y = [[float(r[j]) for j in TARGET_COLUMNS] for r in rows]
    else:
        index = {name: k for k, name in enumerate(CLASS_NAMES)}
        labels = [index[r[TARGET_COLUMNS[0]].strip()] for r in rows]
        if len(CLASS_NAMES) <= 2:
            y = [[float(k)] for k in labels]
        else:
            y = [[1.0 if j == k else 0.0 for j in range(len(CLASS_NAMES))] for k in labels]
    return (standardize(x) if NORMALIZE else x), y
`;
}
