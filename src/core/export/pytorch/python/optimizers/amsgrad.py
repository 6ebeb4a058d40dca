"""NN Lab's AMSGrad update rule (src/core/optimizers/amsgrad.ts) as a PyTorch optimizer."""
import math

import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class AMSGrad(NNLabOptimizer):
    """m, v as Adam; v_max <- max(v_max, v); p <- p - alpha/sqrt(t) m / sqrt(v_max + eps)  (no bias correction)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p), "v_max": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        alpha_t = alpha / math.sqrt(t)
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        s["v_max"].copy_(torch.maximum(s["v_max"], s["v"]))
        p.copy_(p - (alpha_t * s["m"]) / torch.sqrt(s["v_max"] + eps))
