/**
 * The Python interpreter the tests and benches run (PyTorch, ONNX, ONNX Runtime, NumPy): the one
 * NN_LAB_PYTHON names, else the project's own virtual environment `.venv/` (which
 * `scripts/prereqs.mjs`, the first step of `npm test`, sets up), else `python3` from the PATH.
 */
import { existsSync } from 'fs';
import { join } from 'path';

/** The repository's root folder. */
const repoRoot = join(__dirname, '..', '..');

/** The venv's interpreter made by scripts/prereqs.mjs. */
export const VENV_PYTHON = join(repoRoot, '.venv', 'bin', 'python3');

/** The command that runs Python with the engines: NN_LAB_PYTHON, else `.venv/bin/python3` when it exists, else `python3`. */
export function pythonCommand(): string {
  const named = process.env.NN_LAB_PYTHON;
  if (named) return named;
  return existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
}
