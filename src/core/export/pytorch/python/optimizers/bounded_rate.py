"""NN Lab's AdaBound and AMSBound update rule (src/core/optimizers/bounded-rate.ts) as a PyTorch optimizer."""
import math

import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

class BoundedRate(NNLabOptimizer):
    """AdaBound / AMSBound: m, v as Adam (AMSBound: v <- v_max = max(v_max, v)), no bias correction;
    eta_l = eta (1 - 1/((1 - b2) t + 1)); eta_u = eta (1 + 1/((1 - b2) t + eps));
    p <- p - clip(alpha/sqrt(v), eta_l, eta_u)/sqrt(t) m."""

    use_max = False

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p), "v_max": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, eta, b1, b2, eps = self.h["alpha"], self.h["eta"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        lower = eta * (1 - 1 / ((1 - b2) * t + 1))
        upper = eta * (1 + 1 / ((1 - b2) * t + eps))
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        s["v_max"].copy_(torch.maximum(s["v_max"], s["v"]))
        v = s["v_max"] if self.use_max else s["v"]
        rate = torch.clamp(torch.full_like(v, alpha) / torch.sqrt(v), lower, upper)
        p.copy_(p - (rate / math.sqrt(t)) * s["m"])


class AdaBound(BoundedRate):
    use_max = False


class AMSBound(BoundedRate):
    use_max = True
