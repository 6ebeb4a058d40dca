"""NN Lab's Eve update rule (src/core/optimizers/eve.ts) as a PyTorch optimizer."""
import math

import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class Eve(NNLabOptimizer):
    """Adam's bias-corrected moments with a global step factor 1/d from the loss f of each step:
    d = |f - f_prev| / (min(f, f_prev) - f*) (c when the denominator is <= 0), clipped to [1/c, c];
    d_tilde <- b3 d_tilde + (1 - b3) d (d_tilde = 1 at t = 1); p <- p - alpha m_hat / (d_tilde (sqrt(v_hat) + eps))."""

    def __init__(self, params, **hyper):
        super().__init__(params, **hyper)
        self.d_tilde, self.f_prev = 1.0, float("nan")

    def begin_step(self, t, loss):
        if loss is None or not math.isfinite(loss):
            raise ValueError("Eve needs the finite loss of every step: optimizer.step(lambda: loss)")
        b3, c, fstar = self.h["beta3"], self.h["c"], self.h["fstar"]
        if t == 1:
            self.d_tilde = 1.0
        else:
            den = min(loss, self.f_prev) - fstar
            d = abs(loss - self.f_prev) / den if den > 0 else c
            d_hat = min(max(d, 1 / c), c)
            self.d_tilde = b3 * self.d_tilde + (1 - b3) * d_hat
        self.f_prev = loss

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        c1, c2 = 1 - b1**t, 1 - b2**t
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        p.copy_(p - (alpha * (s["m"] / c1)) / (self.d_tilde * (torch.sqrt(s["v"] / c2) + eps)))
