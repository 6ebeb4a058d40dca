"""NumPy reference for `npm run bench -- mlp`: the same MLP trained the same way, float64, one thread.

784-128-64-10, ReLU, softmax + cross-entropy, plain SGD (eta 0.01), batch 64, random data.
Usage: python3 mlp_numpy.py SAMPLES TIMED_EPOCHS SEED  ->  prints {"samplesPerSecond": ...}
(one warm-up epoch first; the median epoch time of the timed ones). The caller sets
OPENBLAS_NUM_THREADS=1 and clears machine-specific OpenBLAS overrides.
"""
import json
import sys
import time

import numpy as np

n, epochs, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sizes, batch, eta = [784, 128, 64, 10], 64, 0.01
rng = np.random.default_rng(seed)
x = rng.standard_normal((n, sizes[0]))
t = np.zeros((n, sizes[-1]))
t[np.arange(n), rng.integers(0, sizes[-1], n)] = 1.0
ws = [rng.standard_normal((a, b)) * np.sqrt(2.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
bs = [np.zeros(b) for b in sizes[1:]]


def epoch():
    order = rng.permutation(n)
    for s in range(0, n, batch):
        idx = order[s:s + batch]
        xb, tb = x[idx], t[idx]
        hs = [xb]
        for i, (w, b) in enumerate(zip(ws, bs)):
            z = hs[-1] @ w + b
            hs.append(np.maximum(z, 0.0) if i < len(ws) - 1 else z)
        z = hs[-1]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
        d = (y - tb) / len(idx)  # dL/dz of softmax + mean cross-entropy
        for i in range(len(ws) - 1, -1, -1):
            dw = hs[i].T @ d
            db = d.sum(axis=0)
            if i > 0:
                d = (d @ ws[i].T) * (hs[i] > 0)
            ws[i] -= eta * dw
            bs[i] -= eta * db


epoch()
times = []
for _ in range(epochs):
    t0 = time.perf_counter()
    epoch()
    times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"samplesPerSecond": n / times[len(times) // 2], "numpy": np.__version__}))
