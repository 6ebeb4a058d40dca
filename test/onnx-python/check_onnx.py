"""Checks exported ONNX models with ONNX's own tools, for test/onnx-python/export-onnx.python.test.ts.

Reads a JSON list of {"onnx": path, "rows": [[...], ...]} from the file named by argv[1]; for each model
runs onnx.checker.check_model(full_check=True) (which also runs strict shape inference), then the rows
through ONNX Runtime (CPU) and through onnx.reference.ReferenceEvaluator (the spec's literal formulas).
Prints one JSON object: {"versions": {...}, "results": [{"onnx", "checker", "onnxruntime", "reference"}]},
outputs as lists of rows (non-finite numbers as "nan", "inf", "-inf"), or {"error": message} for a model that fails a step.
"""
import json
import sys

import numpy as np
import onnx
import onnx.reference
import onnxruntime


def rows_of(y):
    """The rows of y as lists, with non-finite numbers as the strings "nan", "inf", "-inf" (JSON has none)."""
    return [[v if np.isfinite(v) else str(v) for v in row] for row in np.asarray(y, dtype=np.float64).tolist()]


def run(case):
    model = onnx.load(case["onnx"])
    onnx.checker.check_model(model, full_check=True)
    x = np.array(case["rows"], dtype=np.float32)
    session = onnxruntime.InferenceSession(case["onnx"], providers=["CPUExecutionProvider"])
    (ort_out,) = session.run(["output"], {"input": x})
    (ref_out,) = onnx.reference.ReferenceEvaluator(model).run(None, {"input": x})
    return {"onnx": case["onnx"], "checker": "ok", "onnxruntime": rows_of(ort_out), "reference": rows_of(ref_out)}


def main():
    with open(sys.argv[1], encoding="utf8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        try:
            results.append(run(case))
        except Exception as e:  # reported per model, so one bad model names itself
            results.append({"onnx": case["onnx"], "error": f"{type(e).__name__}: {e}".splitlines()[0]})
    versions = {"onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__, "numpy": np.__version__}
    json.dump({"versions": versions, "results": results}, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
