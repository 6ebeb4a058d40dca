"""`load_data()` for a CSV file read by the script itself, with NN Lab's resolved choices (delimiter,
header, feature/target columns, class names, standardisation) given as constants before it."""
import csv
import math

from script import CLASS_NAMES, CSV_DELIMITER, CSV_FILE, CSV_HEADER, FEATURE_COLUMNS, HERE, NORMALIZE, TARGET_COLUMNS

# ---- exported ----

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
