/**
 * The activations as PyTorch modules, as each registry entry declares them (`export.pytorch` in
 * src/core/activations/). Where `torch.nn` has exactly NN Lab's function (with NN Lab's parameter
 * conventions and kink derivatives) the script uses it; the others are small `Pointwise` modules
 * (python/activations/*.py) whose backward pass is NN Lab's own derivative formula.
 */
import { activationRegistry } from '../../activations';
import type { PythonActivation } from '../forms';
import { PY_ACTIVATIONS } from './generated/python-sources';

export type { PythonActivation } from '../forms';

/** Python source of each helper file of python/activations/, by file stem (`pointwise` must come first). */
export const ACTIVATION_HELPERS: Readonly<Record<string, string>> = PY_ACTIVATIONS;

/** The script's module for activation `name` with its resolved parameters. */
export function pythonActivation(name: string, p: Readonly<Record<string, number>>): PythonActivation {
  if (!activationRegistry.has(name)) throw new Error(`no PyTorch form for activation "${name}"`);
  const form = activationRegistry.entry(name).export.pytorch({ ...p });
  const missing = form.helpers.find((h) => !Object.hasOwn(PY_ACTIVATIONS, h));
  if (missing !== undefined) throw new Error(`activation "${name}" needs python/activations/${missing}.py, which does not exist`);
  return form;
}
