"""NN Lab's AdaGrad update rule (src/core/optimizers/adagrad.ts) as a PyTorch optimizer."""
import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class AdaGrad(NNLabOptimizer):
    """G <- G + g^2; p <- p - eta g / sqrt(G + eps)  (eps inside the root; PyTorch adds it outside)."""

    def new_state(self, p):
        return {"G": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, eps = self.h["eta"], self.h["eps"]
        s["G"].copy_(s["G"] + g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["G"] + eps))
