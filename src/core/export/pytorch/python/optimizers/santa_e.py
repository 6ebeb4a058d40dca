"""NN Lab's SantaE (src/core/optimizers/santa-e.ts) as a PyTorch optimizer."""
import torch
from santa_base import SantaBase, _normals_like

# ---- exported ----

class SantaE(SantaBase):
    """Euler scheme. Exploration: alpha <- alpha + u^2 - eta/beta;
    u' = eta/beta (1 - G_prev/G)/u + sqrt(2 eta/beta G_prev) z + (1 - clip(alpha, 0, 2)) u - eta G g;
    refinement: u' = (1 - clip(alpha, 0, 2)) u - eta G g. Then p <- p + G u'."""

    def update(self, p, g, s, t):
        eta = self.h["eta"]
        temp = eta / t ** self.h["anne_rate"]
        G = self.precondition(s, g)
        u = s["u"]
        g_prev = self.previous(s, G)
        if t < self.h["burnin"]:
            s["alpha"].copy_(s["alpha"] + (u * u - temp))
            z = _normals_like(p, self.rng)
            nxt = (temp * (1 - g_prev / G)) / u + torch.sqrt(2 * temp * g_prev) * z
            nxt = nxt + ((1 - torch.clamp(s["alpha"], 0, 2)) * u - eta * G * g)
        else:
            nxt = (1 - torch.clamp(s["alpha"], 0, 2)) * u - eta * G * g
        s["u"] = nxt
        s["g_prev"] = G
        p.copy_(p + G * nxt)
