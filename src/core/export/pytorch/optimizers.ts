/**
 * The optimizers as PyTorch optimizers with NN Lab's exact update rules, as each registry entry declares
 * them (`pytorch` in src/core/optimizers/*.ts): `torch.optim` built-ins with translated arguments, or
 * classes written out in python/optimizers/*.py on top of `NNLabOptimizer` (optimizer_base.py), built
 * with every hyper-parameter of the entry under its param spec's name.
 */
import { optimizerRegistry } from '../../optimizers';
import { PY_OPTIMIZERS } from './generated/python-sources';
import { pyFloat, pyIdentifier } from './python-text';

/** The optimizer's Python: class definitions (may be empty) and the expression that builds it from `params` and `rng`. */
export interface PythonOptimizer {
  classes: string;
  construct: string;
}

/**
 * Python `set_lr(optimizer, lr)` for a schedule: the class optimizers keep their hyper-parameters in
 * `self.h` (the entry's `learningRate` key), the torch built-ins in each param group's `lr` (translated
 * as the entry's `lr` says). Without a learning rate (AdaDelta) it does nothing.
 */
export function pythonSetLearningRate(name: string, h: Readonly<Record<string, number>>): string {
  const entry = optimizerRegistry.entry(name);
  const key = entry.learningRate;
  const form = entry.pytorch;
  let body = '    pass  # no learning rate';
  if (key !== undefined && form.kind === 'class') {
    // Hyper-parameters that follow the rate (AdaBound's η): h = h₀·lr/lr₀ from the values the optimizer started with.
    const scaled = (entry.scaledWithRate ?? []).map((k) => {
      const [name, base] = [JSON.stringify(k), JSON.stringify(key)];
      return `    if start[${base}] != 0:\n        optimizer.h[${name}] = start[${name}] * lr / start[${base}]`;
    });
    const start = scaled.length ? ['    start = optimizer.__dict__.setdefault("nnlab_start", dict(optimizer.h))'] : [];
    body = [...start, `    optimizer.h[${JSON.stringify(key)}] = lr`, ...scaled].join('\n');
  } else if (key !== undefined && form.kind === 'torch')
    // torch's momentum SGD keeps its buffer in gradient units and steps lr·buf, as NN Lab's MSGD and NAG do
    // (b ← μ·b + g; p ← p − (1 − μ)·η·b): a new rate applies to the whole buffer in both.
    body = ['    for group in optimizer.param_groups:', `        group["lr"] = ${form.lr ? form.lr('lr', { ...h }) : 'lr'}`].join('\n');
  return `\ndef set_lr(optimizer, lr):\n    """Sets the optimizer's learning rate${key !== undefined ? ` (${key})` : ''} for a schedule."""\n${body}\n`;
}

/** The source of python/optimizers/<stem>.py. */
function optimizerFile(stem: string): string {
  if (!Object.hasOwn(PY_OPTIMIZERS, stem)) throw new Error(`python/optimizers/${stem}.py does not exist`);
  return PY_OPTIMIZERS[stem];
}

/** The optimizer `name` with resolved hyper-parameters `h`, as Python. */
export function pythonOptimizer(name: string, h: Readonly<Record<string, number>>): PythonOptimizer {
  if (!optimizerRegistry.has(name)) throw new Error(`no PyTorch form for optimizer "${name}"`);
  const entry = optimizerRegistry.entry(name);
  const form = entry.pytorch;
  if (form.kind === 'torch') return { classes: '', construct: form.construct({ ...h }) };
  const args = entry.params.map((p) => `${pyIdentifier(p.name)}=${pyFloat(h[p.name])}`);
  return {
    classes: ['optimizer_base', ...form.files].map(optimizerFile).join(''),
    construct: `${form.className}(${['params', ...(form.rng ? ['rng'] : []), ...args].join(', ')})`,
  };
}
