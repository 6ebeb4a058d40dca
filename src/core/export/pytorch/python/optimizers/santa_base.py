"""What SantaE and SantaSSS share (port of src/core/optimizers/santa-common.ts). Their noise comes from the
script's port of NN Lab's generator (`rng`, the run's one generator, after the split, the initial weights
and the shuffles drawn so far), in NN Lab's order: per tensor on its first step, u = sqrt(eta) N(0, 1) per
element; then during exploration one N(0, 1) per element per step. Elements are drawn in NN Lab's layout:
a Linear weight is NN Lab's W[inputs x units] row-major, i.e. PyTorch's weight transposed (`_normals_like`)."""
import math

import torch
from optimizer_base import NNLabOptimizer

# ---- exported ----

def _normals_like(p, rng):
    """One N(0, 1) draw per element of p, in NN Lab's element order (weights are stored transposed)."""
    draws = [rng.normal() for _ in range(p.numel())]
    if p.dim() == 2:
        return torch.tensor(draws, dtype=p.dtype).view(p.shape[1], p.shape[0]).t().to(p.device)
    return torch.tensor(draws, dtype=p.dtype).view(p.shape).to(p.device)


class SantaBase(NNLabOptimizer):
    """Santa (Chen et al. 2016) as NN Lab writes it: state u = sqrt(eta) N(0,1), alpha = sqrt(eta) C, v = 0,
    G_prev unset (NaN) on a tensor's first step, which then takes its own G as G_prev (NN Lab's deviation);
    v <- sigma v + (1 - sigma) g^2/N^2; G = 1/sqrt(lambda + sqrt(v)); beta(t) = t^anne_rate;
    exploration while t < burnin."""

    def __init__(self, params, rng, **hyper):
        super().__init__(params, **hyper)
        self.rng = rng

    def new_state(self, p):
        root = math.sqrt(self.h["eta"])
        return {
            "u": root * _normals_like(p, self.rng),
            "alpha": torch.full_like(p, root * self.h["C"]),
            "v": torch.zeros_like(p),
            "g_prev": torch.full_like(p, float("nan")),
        }

    @staticmethod
    def previous(s, G):
        """G_prev, or G itself where no step has set it yet (the first step)."""
        return torch.where(torch.isnan(s["g_prev"]), G, s["g_prev"])

    def precondition(self, s, g):
        sigma, lam, n = self.h["sigma"], self.h["lambda_"], self.h["N"]
        s["v"].copy_(sigma * s["v"] + ((1 - sigma) * g * g) / (n * n))
        return torch.reciprocal(torch.sqrt(lam + torch.sqrt(s["v"])))
