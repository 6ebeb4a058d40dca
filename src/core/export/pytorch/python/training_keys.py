"""The optional training keys of NN Lab (src/core/train/penalties.ts, schedules/, early-stopping.ts) for the
exported script: weight penalties, gradient clipping, learning-rate schedules and early stopping, in the same
operation order as NN Lab so float64 runs agree to rounding."""
import math

import torch
import torch.nn as nn

# ---- exported ----

def penalized_weights(model):
    """The tensors l1 / l2 act on: the weight matrix of every nn.Linear (dense, and maxout's pieces), plus any
    a module declares with nnlab_penalized(); never biases."""
    out = []
    for m in model.modules():
        if isinstance(m, nn.Linear):
            out.append(m.weight)
        elif hasattr(m, "nnlab_penalized"):
            out.extend(m.nnlab_penalized())
    return out


@torch.no_grad()
def add_penalties(weights, l1, l2):
    """g <- g + l2 w + l1 sign(w) (sign(0) = 0): the gradient of (l2/2) sum w^2 + l1 sum |w|."""
    if l1 == 0 and l2 == 0:
        return
    for w in weights:
        w.grad.add_(l2 * w + l1 * torch.sign(w))


def make_schedule(spec, lr0, epochs):
    """NN Lab's schedule: returns (rate(e), observe(loss)); e counts from 0. Warm-up: e < w uses lr0 (e + 1) / w,
    e >= w the schedule at e - w (which observes those epochs' losses only)."""
    kind = spec["type"]
    if kind == "step":
        s, gamma = spec["stepSize"], spec["gamma"]

        def inner(e):
            return lr0 * gamma ** math.floor(e / s)  # lr0 gamma^floor(e/s)

        inner_observe = None
    elif kind == "exponential":
        gamma = spec["gamma"]

        def inner(e):
            return lr0 * gamma**e  # lr0 gamma^e

        inner_observe = None
    elif kind == "cosine":
        T, m = spec.get("epochs", epochs), spec["minLr"]

        def inner(e):
            return m + ((lr0 - m) * (1 + math.cos((math.pi * min(e, T)) / T))) / 2

        inner_observe = None
    elif kind == "plateau":
        state = {"lr": lr0, "best": math.inf, "bad": 0, "cool": 0}

        def inner(e):
            return state["lr"]

        def inner_observe(loss):
            # ReduceLROnPlateau, mode min, threshold mode rel
            if loss < state["best"] * (1 - spec["threshold"]):
                state["best"], state["bad"] = loss, 0
            else:
                state["bad"] += 1
            if state["cool"] > 0:
                state["cool"] -= 1
                state["bad"] = 0
            if state["bad"] > spec["patience"]:
                new = max(state["lr"] * spec["factor"], spec["minLr"])
                if state["lr"] - new > 1e-8:
                    state["lr"] = new
                state["cool"], state["bad"] = spec["cooldown"], 0
    else:  # constant

        def inner(e):
            return lr0

        inner_observe = None
    w = spec.get("warmupEpochs", 0)
    seen = [0]

    def rate(e):
        return (lr0 * (e + 1)) / w if e < w else inner(e - w)

    def observe(loss):
        if seen[0] >= w and inner_observe is not None:
            inner_observe(loss)
        seen[0] += 1

    return rate, observe


class EarlyStopping:
    """Watches one metric of the epoch reports (lower is better for losses, higher for accuracies), keeps the
    best epoch's state dict (weights and buffers) and says when patience ran out."""

    def __init__(self, spec, model):
        self.spec, self.model = spec, model
        self.monitor = spec["monitor"]
        self.higher = self.monitor in ("accuracy", "valAccuracy")
        self.best = -math.inf if self.higher else math.inf
        self.best_epoch, self.bad, self.saved = None, 0, None

    def observe(self, report):
        """True when training should stop."""
        v = report.get(self.monitor)
        d = self.spec["minDelta"]
        better = v is not None and math.isfinite(v) and (v > self.best + d if self.higher else v < self.best - d)
        if better:
            self.best, self.best_epoch, self.bad = v, report["epoch"], 0
            if self.spec["restoreBest"]:
                self.saved = {k: t.detach().clone() for k, t in self.model.state_dict().items()}
            return False
        self.bad += 1
        return self.bad >= self.spec["patience"]

    def restore(self):
        """Loads the best epoch's state back; returns its epoch, or None."""
        if self.saved is None:
            return None
        self.model.load_state_dict(self.saved)
        return self.best_epoch
