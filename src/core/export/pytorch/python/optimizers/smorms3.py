"""NN Lab's SMORMS3 update rule (src/core/optimizers/smorms3.ts) as a PyTorch optimizer."""
import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class SMORMS3(NNLabOptimizer):
    """rho = 1/(1 + s); m <- rho m + (1 - rho) g; v <- rho v + (1 - rho) g^2; zeta = m^2/(v + eps);
    p <- p - g min(eta, zeta)/sqrt(v + eps); s <- 1 + (1 - zeta) s  (s starts at 1)."""

    def new_state(self, p):
        return {"s": torch.ones_like(p), "m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, st, t):
        eta, eps = self.h["eta"], self.h["eps"]
        rho = torch.reciprocal(1 + st["s"])
        st["m"].copy_(rho * st["m"] + (1 - rho) * g)
        st["v"].copy_(rho * st["v"] + (1 - rho) * g * g)
        zeta = (st["m"] * st["m"]) / (st["v"] + eps)
        p.copy_(p - (g * torch.clamp(zeta, max=eta)) / torch.sqrt(st["v"] + eps))
        st["s"].copy_(1 + (1 - zeta) * st["s"])
