/**
 * `npx tsx bench/optimizer-bench.ts [--rounds=N] [--steps=N] [--optimizer=Adam] [--storage=float64|float32] [--sizes=a,b,…]`: milliseconds per
 * optimizer step (default Adam) over the Fashion-MNIST MLP's tensors (784×128, 128, 128×10, 10),
 * in TypeScript (the optimizer without a kernel, plain arrays) and in WebAssembly (the arrays in a
 * `WasmKernel`'s memory, the optimizer given the kernel), with float64 or float32 storage (one per
 * process: a TypeScript loop that has seen both element types runs slower on each). The two cases take
 * turns within each round so machine load hits them alike; each reports the median over rounds of
 * `steps` steps' time per step.
 */
import { loadavg } from 'os';
import type { FloatArray } from '../src/core/linalg/float-array';
import { WasmKernel } from '../src/core/linalg/wasm-kernel';
import { optimizerRegistry } from '../src/core/optimizers';
import type { Optimizer } from '../src/core/optimizers/optimizer';
import { Rng } from '../src/core/rng';

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROUNDS = Number(arg('rounds', '9'));
const STEPS = Number(arg('steps', '200'));
const OPTIMIZER = arg('optimizer', 'Adam');
const STORAGE = arg('storage', 'float64');
/** The tensors' lengths (default: the Fashion-MNIST MLP's w₁, b₁, w₂, b₂). */
const SIZES = arg('sizes', `${784 * 128},128,${128 * 10},10`)
  .split(',')
  .map(Number);

/** One case: its optimizer, parameters and gradients. */
interface Case {
  name: string;
  opt: Optimizer;
  params: FloatArray[];
  grads: FloatArray[];
  times: number[];
}

/** A case with arrays from `make`, the optimizer given `kernel` when there is one. */
function makeCase(name: string, make: (len: number) => FloatArray, kernel: WasmKernel | undefined): Case {
  const rng = new Rng(3);
  const fill = (a: FloatArray, scale: number): FloatArray => {
    for (let i = 0; i < a.length; i++) a[i] = scale * (2 * rng.uniform() - 1);
    return a;
  };
  const opt = optimizerRegistry.create(OPTIMIZER, {});
  if (kernel) opt.useKernel?.(kernel);
  return { name, opt, params: SIZES.map((n) => fill(make(n), 0.1)), grads: SIZES.map((n) => fill(make(n), 0.01)), times: [] };
}

const kernel = new WasmKernel({ precision: STORAGE === 'float32' ? 'float32' : 'float64' });
const cases: Case[] =
  STORAGE === 'float32'
    ? [
        makeCase('TypeScript float32', (n) => new Float32Array(n), undefined),
        makeCase('WebAssembly float32', (n) => new Float32Array(kernel.arena.memory.buffer, kernel.arena.reserve(n * 4), n), kernel),
      ]
    : [makeCase('TypeScript float64', (n) => new Float64Array(n), undefined), makeCase('WebAssembly float64', (n) => kernel.alloc(n), kernel)];
// Warm-up: state created, code compiled.
for (const c of cases) for (let i = 0; i < 20; i++) c.opt.step(c.params, c.grads);
for (let r = 0; r < ROUNDS; r++)
  for (const c of cases) {
    const t0 = performance.now();
    for (let i = 0; i < STEPS; i++) c.opt.step(c.params, c.grads);
    c.times.push((performance.now() - t0) / STEPS);
  }
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${OPTIMIZER} step over ${SIZES.join(' + ')} values, median of ${ROUNDS} rounds of ${STEPS} steps (load ${loadavg()[0].toFixed(2)})`);
for (const c of cases) console.log(`${c.name.padEnd(20)} ${median(c.times).toFixed(4)} ms/step`);
console.log(`speed-up ${STORAGE}: ${(median(cases[0].times) / median(cases[1].times)).toFixed(2)}×`);
