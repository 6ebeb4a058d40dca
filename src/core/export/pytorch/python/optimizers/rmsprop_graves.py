"""NN Lab's RMSpropGraves update rule (src/core/optimizers/rmsprop-graves.ts) as a PyTorch optimizer."""
import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class RMSpropGraves(NNLabOptimizer):
    """m <- rho m + (1 - rho) g; v <- rho v + (1 - rho) g^2; p <- p - eta g / sqrt(v - m^2 + eps)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, rho, eps = self.h["eta"], self.h["rho"], self.h["eps"]
        s["m"].copy_(rho * s["m"] + (1 - rho) * g)
        s["v"].copy_(rho * s["v"] + (1 - rho) * g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["v"] - s["m"] * s["m"] + eps))
