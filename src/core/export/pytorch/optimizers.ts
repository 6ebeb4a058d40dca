/**
 * The 17 optimizers as PyTorch optimizers with NN Lab's exact update rules
 * (`src/core/optimizers/*.ts`). SGD, MSGD, NAG, AdaDelta and AdaMax are `torch.optim` built-ins
 * with translated arguments (MSGD and NAG: lr = (1 − μ)·η gives NN Lab's trajectory); the rest
 * are `torch.optim.Optimizer` subclasses, written with the same operation order as the
 * TypeScript so float64 runs agree to rounding. One step counter t is shared by all tensors,
 * and per-tensor state is created on a tensor's first step (Santa draws its noise then).
 * Every step receives the batch loss through the closure (`optimizer.step(lambda: loss)`), which Eve uses.
 */
import { pyFloat } from './python-text';
import { pythonSanta, SANTA_NAMES } from './santa';

/** The optimizer's Python: class definitions (may be empty) and the expression that builds it from `params` and `rng`. */
export interface PythonOptimizer {
  classes: string;
  construct: string;
}

/** Base class of the hand-written optimizers. */
export const OPTIMIZER_BASE = String.raw`
class NNLabOptimizer(torch.optim.Optimizer):
    """An NN Lab update rule: one step counter t (1 on the first step) for every tensor, state per
    tensor created on its first step by new_state(p), then update(p, g, state, t) in place."""

    def __init__(self, params, **hyper):
        super().__init__(params, hyper)
        self.h = hyper
        self.t = 0

    def begin_step(self, t, loss):
        """Global work before the tensors are updated (Eve's loss feedback)."""

    @torch.no_grad()
    def step(self, closure=None):
        loss = closure() if closure is not None else None
        self.t += 1
        self.begin_step(self.t, loss)
        for group in self.param_groups:
            for p in group["params"]:
                g = p.grad if p.grad is not None else torch.zeros_like(p)
                state = self.state[p]
                if not state:
                    state.update(self.new_state(p))
                self.update(p, g, state, self.t)
        return loss
`;

/** Python update rules of the hand-written optimizers (each one class). */
const CLASSES: Readonly<Record<string, string>> = {
  AdaGrad: String.raw`
class AdaGrad(NNLabOptimizer):
    """G <- G + g^2; p <- p - eta g / sqrt(G + eps)  (eps inside the root; PyTorch adds it outside)."""

    def new_state(self, p):
        return {"G": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, eps = self.h["eta"], self.h["eps"]
        s["G"].copy_(s["G"] + g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["G"] + eps))
`,
  RMSprop: String.raw`
class RMSprop(NNLabOptimizer):
    """v <- rho v + (1 - rho) g^2; p <- p - eta g / sqrt(v + eps)  (eps inside the root)."""

    def new_state(self, p):
        return {"v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, rho, eps = self.h["eta"], self.h["rho"], self.h["eps"]
        s["v"].copy_(rho * s["v"] + (1 - rho) * g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["v"] + eps))
`,
  RMSpropGraves: String.raw`
class RMSpropGraves(NNLabOptimizer):
    """m <- rho m + (1 - rho) g; v <- rho v + (1 - rho) g^2; p <- p - eta g / sqrt(v - m^2 + eps)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        eta, rho, eps = self.h["eta"], self.h["rho"], self.h["eps"]
        s["m"].copy_(rho * s["m"] + (1 - rho) * g)
        s["v"].copy_(rho * s["v"] + (1 - rho) * g * g)
        p.copy_(p - (eta * g) / torch.sqrt(s["v"] - s["m"] * s["m"] + eps))
`,
  Adam: String.raw`
class Adam(NNLabOptimizer):
    """m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2; alpha_t = alpha sqrt(1 - b2^t) / (1 - b1^t);
    p <- p - alpha_t m / sqrt(v + eps)  (eps inside the root; PyTorch's Adam adds it outside)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        alpha_t = (alpha * math.sqrt(1 - b2**t)) / (1 - b1**t)
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        p.copy_(p - (alpha_t * s["m"]) / torch.sqrt(s["v"] + eps))
`,
  Nadam: String.raw`
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
`,
  AMSGrad: String.raw`
class AMSGrad(NNLabOptimizer):
    """m, v as Adam; v_max <- max(v_max, v); p <- p - alpha/sqrt(t) m / sqrt(v_max + eps)  (no bias correction)."""

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p), "v_max": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        alpha_t = alpha / math.sqrt(t)
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        s["v_max"].copy_(torch.maximum(s["v_max"], s["v"]))
        p.copy_(p - (alpha_t * s["m"]) / torch.sqrt(s["v_max"] + eps))
`,
  BoundedRate: String.raw`
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
`,
  Eve: String.raw`
class Eve(NNLabOptimizer):
    """Adam's bias-corrected moments with a global step factor 1/d from the loss f of each step:
    d = |f - f_prev| / (min(f, f_prev) - f*) (c when the denominator is <= 0), clipped to [1/c, c];
    d_tilde <- b3 d_tilde + (1 - b3) d (d_tilde = 1 at t = 1); p <- p - alpha m_hat / (d_tilde (sqrt(v_hat) + eps))."""

    def __init__(self, params, **hyper):
        super().__init__(params, **hyper)
        self.d_tilde, self.f_prev = 1.0, float("nan")

    def begin_step(self, t, loss):
        if loss is None or not math.isfinite(loss):
            raise ValueError("Eve needs the finite loss of every step: optimizer.step(lambda: loss)")
        b3, c, fstar = self.h["beta3"], self.h["c"], self.h["fstar"]
        if t == 1:
            self.d_tilde = 1.0
        else:
            den = min(loss, self.f_prev) - fstar
            d = abs(loss - self.f_prev) / den if den > 0 else c
            d_hat = min(max(d, 1 / c), c)
            self.d_tilde = b3 * self.d_tilde + (1 - b3) * d_hat
        self.f_prev = loss

    def new_state(self, p):
        return {"m": torch.zeros_like(p), "v": torch.zeros_like(p)}

    def update(self, p, g, s, t):
        alpha, b1, b2, eps = self.h["alpha"], self.h["beta1"], self.h["beta2"], self.h["eps"]
        c1, c2 = 1 - b1**t, 1 - b2**t
        s["m"].copy_(b1 * s["m"] + (1 - b1) * g)
        s["v"].copy_(b2 * s["v"] + (1 - b2) * g * g)
        p.copy_(p - (alpha * (s["m"] / c1)) / (self.d_tilde * (torch.sqrt(s["v"] / c2) + eps)))
`,
  SMORMS3: String.raw`
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
`,
};

/** The optimizer `name` with resolved hyper-parameters `h`, as Python. */
export function pythonOptimizer(name: string, h: Readonly<Record<string, number>>): PythonOptimizer {
  const f = (key: string): string => pyFloat(h[key]);
  const custom = (cls: string, keys: string[], construct = cls): PythonOptimizer => ({
    classes: OPTIMIZER_BASE + CLASSES[cls],
    construct: `${construct}(params, ${keys.map((k) => `${k}=${f(k)}`).join(', ')})`,
  });
  const builtin = (construct: string): PythonOptimizer => ({ classes: '', construct });
  if (SANTA_NAMES.includes(name)) return pythonSanta(name, h, OPTIMIZER_BASE);
  switch (name) {
    case 'SGD':
      return builtin(`torch.optim.SGD(params, lr=${f('eta')})`);
    case 'MSGD':
      return builtin(`torch.optim.SGD(params, lr=(1 - ${f('mu')}) * ${f('eta')}, momentum=${f('mu')})`);
    case 'NAG':
      return builtin(`torch.optim.SGD(params, lr=(1 - ${f('mu')}) * ${f('eta')}, momentum=${f('mu')}, nesterov=True)`);
    case 'AdaDelta':
      return builtin(`torch.optim.Adadelta(params, lr=1.0, rho=${f('rho')}, eps=${f('eps')})`);
    case 'AdaMax':
      return builtin(`torch.optim.Adamax(params, lr=${f('alpha')}, betas=(${f('beta1')}, ${f('beta2')}), eps=${f('eps')})`);
    case 'AdaGrad':
      return custom('AdaGrad', ['eta', 'eps']);
    case 'RMSprop':
      return custom('RMSprop', ['eta', 'rho', 'eps']);
    case 'RMSpropGraves':
      return custom('RMSpropGraves', ['eta', 'rho', 'eps']);
    case 'Adam':
      return custom('Adam', ['alpha', 'beta1', 'beta2', 'eps']);
    case 'Nadam':
      return custom('Nadam', ['alpha', 'mu', 'nu', 'eps']);
    case 'AMSGrad':
      return custom('AMSGrad', ['alpha', 'beta1', 'beta2', 'eps']);
    case 'AdaBound':
      return custom('BoundedRate', ['alpha', 'eta', 'beta1', 'beta2', 'eps'], 'AdaBound');
    case 'AMSBound':
      return custom('BoundedRate', ['alpha', 'eta', 'beta1', 'beta2', 'eps'], 'AMSBound');
    case 'Eve':
      return custom('Eve', ['alpha', 'beta1', 'beta2', 'beta3', 'c', 'eps', 'fstar']);
    case 'SMORMS3':
      return custom('SMORMS3', ['eta', 'eps']);
    default:
      throw new Error(`no PyTorch form for optimizer "${name}"`);
  }
}
