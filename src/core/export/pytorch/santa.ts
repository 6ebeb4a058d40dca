/**
 * SantaE and SantaSSS as PyTorch optimizers (port of `src/core/optimizers/santa-*.ts`), kept in
 * this one file so a change of NN Lab's Santa (defaults, first step) is one place to update.
 *
 * Their noise comes from the script's port of NN Lab's generator (`rng`, the run's one
 * generator, after the split, the initial weights and the shuffles drawn so far), in NN Lab's
 * order: per tensor on its first step, u = √η·N(0, 1) per element; then during exploration one
 * N(0, 1) per element per step. Elements are drawn in NN Lab's layout: a Linear weight is
 * NN Lab's W[inputs×units] row-major, i.e. PyTorch's weight transposed (`_normals_like`).
 */
import type { PythonOptimizer } from './optimizers';
import { pyFloat } from './python-text';

/** The optimizers this file writes. */
export const SANTA_NAMES: readonly string[] = ['SantaE', 'SantaSSS'];

const SANTA_BASE = String.raw`
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
`;

const SANTA_E = String.raw`
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
`;

const SANTA_SSS = String.raw`
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
`;

/** SantaE or SantaSSS with resolved hyper-parameters `h`; `base` is the NNLabOptimizer class source. */
export function pythonSanta(name: string, h: Readonly<Record<string, number>>, base: string): PythonOptimizer {
  const keys: [string, string][] = [['eta', 'eta'], ['sigma', 'sigma'], ['lambda_', 'lambda'], ['anne_rate', 'anne_rate'], ['burnin', 'burnin'], ['C', 'C'], ['N', 'N']];
  const args = keys.map(([py, ts]) => `${py}=${pyFloat(h[ts])}`).join(', ');
  return { classes: base + SANTA_BASE + (name === 'SantaE' ? SANTA_E : SANTA_SSS), construct: `${name}(params, rng, ${args})` };
}
