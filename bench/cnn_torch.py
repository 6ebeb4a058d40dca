"""PyTorch side of `npm run bench -- cnn`: trains the layers of a NN Lab CNN config (conv2d, maxpool2d,
avgpool2d, flatten, dense) on Fashion-MNIST images for one timed epoch after a warm-up, on ONE thread,
and prints one JSON line {"torch32": samples/s, "torch64": samples/s}.

Usage: python3 cnn_torch.py SPEC.json   (SPEC: {"layers": [...], "images": path, "labels": path,
"samples": N, "warmup": N, "batch": B, "lr": alpha})"""

import gzip
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    """An IDX file (gzip or raw) as a numpy array of its shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def padding_of(layer, kernel):
    p = layer.get("padding", "valid")
    if p == "valid":
        return 0
    if p == "same":
        return (kernel[0] // 2, kernel[1] // 2)
    return pair(p)


def activation(name):
    table = {"ReLU": nn.ReLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(), "identity": nn.Identity()}
    if name not in table:
        raise SystemExit(f"cnn_torch.py: activation {name} is not in the bench's table")
    return table[name]


def build(layers, channels, size):
    """nn.Sequential of the config's layers (the softmax output left to the cross-entropy loss)."""
    mods, c, h, w, flat = [], channels, size[0], size[1], False
    for i, layer in enumerate(layers):
        kind = layer.get("type", "dense")
        if kind == "conv2d":
            k, s = pair(layer.get("kernel", 3)), pair(layer.get("stride", 1))
            p = padding_of(layer, k)
            p2 = pair(p) if not isinstance(p, tuple) else p
            mods.append(nn.Conv2d(c, layer["filters"], k, s, p2))
            act = layer.get("activation", "identity")
            mods.append(activation(act if isinstance(act, str) else act["name"]))
            h, w, c = (h + 2 * p2[0] - k[0]) // s[0] + 1, (w + 2 * p2[1] - k[1]) // s[1] + 1, layer["filters"]
        elif kind in ("maxpool2d", "avgpool2d"):
            k = pair(layer.get("size", 2))
            s = pair(layer.get("stride", layer.get("size", 2)))
            mods.append((nn.MaxPool2d if kind == "maxpool2d" else nn.AvgPool2d)(k, s))
            h, w = (h - k[0]) // s[0] + 1, (w - k[1]) // s[1] + 1
        elif kind == "flatten":
            mods.append(nn.Flatten())
            flat = True
        elif kind == "dense":
            if not flat:
                mods.append(nn.Flatten())
                flat = True
            n_in = c * h * w
            mods.append(nn.Linear(n_in, layer["units"]))
            act = layer.get("activation", "identity")
            name = act if isinstance(act, str) else act["name"]
            if i < len(layers) - 1:
                mods.append(activation(name))
            c, h, w = layer["units"], 1, 1
        else:
            raise SystemExit(f"cnn_torch.py: layer kind {kind} is not in the bench's table")
    return nn.Sequential(*mods)


def epoch(model, opt, x, y, batch):
    loss_fn = nn.CrossEntropyLoss()
    for start in range(0, len(x), batch):
        opt.zero_grad()
        loss = loss_fn(model(x[start : start + batch]), y[start : start + batch])
        loss.backward()
        opt.step()


def measure(spec, dtype):
    torch.manual_seed(1)
    images = read_idx(spec["images"]).astype(np.float64) / 255.0
    labels = read_idx(spec["labels"]).astype(np.int64)
    n, h, w = images.shape
    x = torch.tensor(images.reshape(n, 1, h, w), dtype=dtype)
    y = torch.tensor(labels)
    model = build(spec["layers"], 1, (h, w)).to(dtype)
    opt = torch.optim.Adam(model.parameters(), lr=spec["lr"])
    epoch(model, opt, x[: spec["warmup"]], y[: spec["warmup"]], spec["batch"])
    count = min(spec["samples"], n)
    t0 = time.perf_counter()
    epoch(model, opt, x[:count], y[:count], spec["batch"])
    return count / (time.perf_counter() - t0)


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    out = {"torch32": measure(spec, torch.float32), "torch64": measure(spec, torch.float64)}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
