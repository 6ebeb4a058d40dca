"""NN Lab's SantaSSS (src/core/optimizers/santa-sss.ts) as a PyTorch optimizer."""
import torch
from santa_base import SantaBase, _normals_like

# ---- exported ----

class SantaSSS(SantaBase):
    """Symmetric splitting. Exploration: alpha <- alpha + (u^2 - eta/beta)/2; u' = e^(-alpha/2) u;
    u' <- u' - G g eta + sqrt(2 G_prev eta/beta) z + eta/beta (1 - G_prev/G)/u; u' <- e^(-alpha/2) u';
    alpha <- alpha + (u'^2 - eta/beta)/2. Refinement: u' = e^(-alpha/2) (e^(-alpha/2) u - G g eta).
    Then p <- p + G u'/2 (only the closing half step, as NN Lab does)."""

    def update(self, p, g, s, t):
        eta = self.h["eta"]
        temp = eta / t ** self.h["anne_rate"]
        G = self.precondition(s, g)
        u = s["u"]
        g_prev = self.previous(s, G)
        if t < self.h["burnin"]:
            s["alpha"].copy_(s["alpha"] + 0.5 * (u * u - temp))
            shrink = torch.exp(-0.5 * s["alpha"])
            nxt = shrink * u
            z = _normals_like(p, self.rng)
            nxt = nxt + ((-G * g * eta + torch.sqrt(2 * g_prev * temp) * z) + (temp * (1 - g_prev / G)) / u)
            nxt = nxt * shrink
            s["alpha"].copy_(s["alpha"] + 0.5 * (nxt * nxt - temp))
        else:
            shrink = torch.exp(-0.5 * s["alpha"])
            nxt = shrink * (shrink * u - G * g * eta)
        s["u"] = nxt
        s["g_prev"] = G
        p.copy_(p + 0.5 * G * nxt)
