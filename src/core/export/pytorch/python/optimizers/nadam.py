"""NN Lab's Nadam update rule (src/core/optimizers/nadam.ts) as a PyTorch optimizer."""
import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class Nadam(NNLabOptimizer):
    """NN Lab's Nadam (constant mu): m_hat = mu m/(1 - mu^(t+1)) + (1 - mu) g/(1 - mu^t); v_hat = nu v/(1 - nu^t);
    p <- p - alpha m_hat / sqrt(v_hat + eps)  (PyTorch's NAdam uses a mu schedule: another rule)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, mu, nu, eps = self.h["alpha"], self.h["mu"], self.h["nu"], self.h["eps"]
        cm, cg, cv = 1 - mu ** (t + 1), 1 - mu**t, 1 - nu**t
        s["m"].copy_(mu * s["m"] + (1 - mu) * g)
        s["v"].copy_(nu * s["v"] + (1 - nu) * g * g)
        m_hat = (mu * s["m"]) / cm + ((1 - mu) * g) / cg
        v_hat = (nu * s["v"]) / cv
        p.copy_(p - (alpha * m_hat) / torch.sqrt(v_hat + eps))
