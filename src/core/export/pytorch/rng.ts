/**
 * NN Lab's random number generator (`src/core/rng.ts`) in Python: xoshiro128** seeded through
 * splitmix32, 53-bit uniforms, Box–Muller normals and the Fisher–Yates shuffle, so the script
 * draws the same validation split, initial weights, shuffles and noise as NN Lab. The one Python
 * port is python/rng.py, which the test fixtures import too.
 */
import { PY_RNG } from './generated/python-sources';

/** Python source of the `NNLabRng` class. */
export const PYTHON_RNG: string = PY_RNG;
