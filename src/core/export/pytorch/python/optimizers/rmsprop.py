"""NN Lab's RMSprop update rule (src/core/optimizers/rmsprop.ts) as a PyTorch optimizer."""
import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class RMSprop(NNLabOptimizer):
    """v <- rho v + (1 - rho) g^2; p <- p - eta g / sqrt(v + eps)  (eps inside the root)."""

    def new_state(self, p):
        return {"v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, rho, eps = self.h["eta"], self.h["rho"], self.h["eps"]
        s["v"].copy_(rho * s["v"] + (1 - rho) * g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["v"] + eps))
