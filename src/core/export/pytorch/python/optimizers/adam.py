"""NN Lab's Adam update rule (src/core/optimizers/adam.ts) as a PyTorch optimizer."""
import math

import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class Adam(NNLabOptimizer):
    """m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2; alpha_t = alpha sqrt(1 - b2^t) / (1 - b1^t);
    p <- p - alpha_t m / sqrt(v + eps)  (eps inside the root; PyTorch's Adam adds it outside)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        alpha_t = (alpha * math.sqrt(1 - b2**t)) / (1 - b1**t)
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        p.copy_(p - (alpha_t * s["m"]) / torch.sqrt(s["v"] + eps))
