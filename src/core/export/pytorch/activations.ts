/**
 * The 26 activations as PyTorch modules. Where `torch.nn` has exactly NN Lab's function (with
 * NN Lab's parameter conventions and kink derivatives) the script uses it; the others are small
 * `Pointwise` modules whose backward pass is NN Lab's own derivative formula (a custom autograd
 * function), so the gradients match NN Lab's, not merely agree in exact arithmetic.
 */
import { pyFloat } from './python-text';

/** How one activation is written in the script: a module expression and the helper classes it needs. */
export interface PythonActivation {
  /** Python expression building the module, e.g. `nn.LeakyReLU(0.1)`. */
  module: string;
  /** Names of helper classes (keys of `ACTIVATION_HELPERS`) the expression uses. */
  helpers: string[];
}

/** The custom autograd function behind every `Pointwise` module. */
const POINTWISE = String.raw`
class _PointwiseFunction(torch.autograd.Function):
    """y = module.f(x) forward; dL/dx = module.df(x, y) * dL/dy backward (NN Lab's derivative)."""

    @staticmethod
    def forward(ctx, x, module):
        y = module.f(x)
        ctx.save_for_backward(x, y)
        ctx.module = module
        return y

    @staticmethod
    def backward(ctx, grad):
        x, y = ctx.saved_tensors
        return ctx.module.df(x, y) * grad, None


class Pointwise(nn.Module):
    """An elementwise activation f with an explicit derivative df (NN Lab's formulas)."""

    def forward(self, x):
        if not torch.is_grad_enabled():
            return self.f(x)  # inference and ONNX export: plain tensor operations
        return _PointwiseFunction.apply(x, self)


def _sigmoid_slope(z):
    """sigma'(z) = e^-|z| / (1 + e^-|z|)^2, without the cancellation of 1 - sigma."""
    e = torch.exp(-z.abs())
    return e / ((1 + e) * (1 + e))


def _sech2(u):
    """sech^2(u) = 4 e^-2|u| / (1 + e^-2|u|)^2."""
    e = torch.exp(-2 * u.abs())
    return (4 * e) / ((1 + e) * (1 + e))
`;

/** Python source of each helper class, by name (`pointwise` must come first). */
export const ACTIVATION_HELPERS: Readonly<Record<string, string>> = {
  pointwise: POINTWISE,
  Step: String.raw`
class Step(Pointwise):
    """Heaviside step: f(x) = 1 if x > 0 else 0; f'(x) = 0 everywhere."""

    def f(self, x):
        return (x > 0).to(x.dtype)

    def df(self, x, y):
        return torch.zeros_like(x)
`,
  BentIdentity: String.raw`
class BentIdentity(Pointwise):
    """f(x) = (sqrt(x^2 + 1) - 1)/2 + x (as x^2/(2(sqrt(x^2+1) + 1)) + x for |x| < 1); f'(x) = x/(2 sqrt(x^2 + 1)) + 1."""

    def f(self, x):
        r = torch.hypot(x, torch.ones_like(x))
        return torch.where(x.abs() < 1, (0.5 * x * x) / (r + 1) + x, 0.5 * (r - 1) + x)

    def df(self, x, y):
        return (0.5 * x) / torch.hypot(x, torch.ones_like(x)) + 1
`,
  HardSigmoid: String.raw`
class HardSigmoid(Pointwise):
    """NN Lab's hard sigmoid: f(x) = clip(0.2x + 0.5, 0, 1) (not PyTorch's x/6 + 1/2); f' = 0.2 on [-2.5, 2.5]."""

    def f(self, x):
        return torch.clamp(0.2 * x + 0.5, 0, 1)

    def df(self, x, y):
        return torch.where((x >= -2.5) & (x <= 2.5), torch.full_like(x, 0.2), torch.zeros_like(x))
`,
  SELU: String.raw`
class SELU(Pointwise):
    """Scaled ELU with NN Lab's constants: f(x) = lam x if x > 0 else lam alpha (e^x - 1)."""

    def __init__(self, lam, alpha):
        super().__init__()
        self.lam, self.alpha = lam, alpha

    def f(self, x):
        return torch.where(x > 0, self.lam * x, self.lam * self.alpha * torch.expm1(x))

    def df(self, x, y):
        return torch.where(x > 0, self.lam, self.lam * self.alpha * torch.exp(x))
`,
  Softplus: String.raw`
class Softplus(Pointwise):
    """f(x) = max(x, 0) + log1p(e^-|x|) for every x (PyTorch's Softplus switches to x above 20); f' = sigma(x)."""

    def f(self, x):
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))

    def df(self, x, y):
        return torch.sigmoid(x)
`,
  Swish: String.raw`
class Swish(Pointwise):
    """f(x) = x sigma(beta x); f'(x) = sigma(beta x) + beta x sigma'(beta x) (nn.SiLU when beta = 1)."""

    def __init__(self, beta):
        super().__init__()
        self.beta = beta

    def f(self, x):
        return x * torch.sigmoid(self.beta * x)

    def df(self, x, y):
        z = self.beta * x
        q = _sigmoid_slope(z)
        return torch.sigmoid(z) + torch.where(q == 0, torch.zeros_like(q), z * q)
`,
  TanhExp: String.raw`
class TanhExp(Pointwise):
    """f(x) = x tanh(e^x); f'(x) = tanh(e^x) + x e^x sech^2(e^x) (the last term is 0 once e^x > 350)."""

    def f(self, x):
        return x * torch.tanh(torch.exp(x))

    def df(self, x, y):
        e = torch.exp(x)
        t = torch.tanh(e)
        return torch.where(e > 350, t, t + x * e * _sech2(e))
`,
};

/** The script's module for activation `name` with its resolved parameters. */
export function pythonActivation(name: string, p: Readonly<Record<string, number>>): PythonActivation {
  const torchModule = (module: string): PythonActivation => ({ module, helpers: [] });
  const custom = (cls: string, args = ''): PythonActivation => ({ module: `${cls}(${args})`, helpers: ['pointwise', cls] });
  switch (name) {
    case 'step':
      return custom('Step');
    case 'identity':
      return torchModule('nn.Identity()');
    case 'bent-identity':
      return custom('BentIdentity');
    case 'hard-shrink':
      return torchModule(`nn.Hardshrink(${pyFloat(p.lambda)})`);
    case 'soft-shrink':
      return torchModule(`nn.Softshrink(${pyFloat(p.lambda)})`);
    case 'threshold':
      return torchModule(`nn.Threshold(${pyFloat(p.threshold)}, ${pyFloat(p.value)})`);
    case 'sigmoid':
      return torchModule('nn.Sigmoid()');
    case 'hard-sigmoid':
      return custom('HardSigmoid');
    case 'log-sigmoid':
      return torchModule('nn.LogSigmoid()');
    case 'tanh':
      return torchModule('nn.Tanh()');
    case 'tanh-shrink':
      return torchModule('nn.Tanhshrink()');
    case 'hard-tanh':
      return torchModule('nn.Hardtanh(-1.0, 1.0)');
    case 'ReLU':
      return torchModule('nn.ReLU()');
    case 'ReLU6':
      return torchModule('nn.ReLU6()');
    case 'leaky-ReLU':
      return torchModule(`nn.LeakyReLU(${pyFloat(p.alpha)})`);
    case 'ELU':
      return torchModule(`nn.ELU(${pyFloat(p.alpha)})`);
    case 'SELU':
      return custom('SELU', `${pyFloat(p.lambda)}, ${pyFloat(p.alpha)}`);
    case 'CELU':
      return torchModule(`nn.CELU(${pyFloat(p.alpha)})`);
    case 'softmax':
      return torchModule('nn.Softmax(dim=-1)');
    case 'softmin':
      return torchModule('nn.Softmin(dim=-1)');
    case 'log-softmax':
      return torchModule('nn.LogSoftmax(dim=-1)');
    case 'softplus':
      return custom('Softplus');
    case 'softsign':
      return torchModule('nn.Softsign()');
    case 'Swish':
      return p.beta === 1 ? torchModule('nn.SiLU()') : custom('Swish', pyFloat(p.beta));
    case 'Mish':
      return torchModule('nn.Mish()');
    case 'tanhExp':
      return custom('TanhExp');
    default:
      throw new Error(`no PyTorch form for activation "${name}"`);
  }
}
