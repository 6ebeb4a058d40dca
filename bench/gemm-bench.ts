/**
 * `npm run bench -- gemm [--json] [--rounds=N]`: GFLOPS of the WebAssembly kernel's three products
 * for the MLP's first layer (batch 64, 784 → 128): matmul C[64×128] = A[64×784]·W[784×128] + bias,
 * matmulTransA (the weight gradient, 784×128 over depth 64) and matmulTransB (the input gradient,
 * 64×784 over depth 128), in float64 and float32, with every build of the kernel this engine runs
 * (plain SIMD always; relaxed SIMD under Node ≥ 22). Arrays live in each kernel's memory, as in
 * training. Builds and precisions take turns within each round so machine load hits them alike;
 * each reports the median over rounds of its best repetition (2·n·k·m flops per product).
 */
import type { FloatArray } from '../src/core/linalg/float-array';
import { cpus, loadavg } from 'os';
import type { Precision } from '../src/core/config/types';
import { createWasmKernel, WasmKernel } from '../src/core/linalg/wasm-kernel';
import { wasmKernelAvailable, WasmBuild } from '../src/core/linalg/wasm-module';
import { Rng } from '../src/core/rng';

const N = 64,
  K = 784,
  M = 128;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 7);
/** Repetitions of each product per measurement. */
const REPS = 40;

/** One kernel with its operands in its own memory. */
interface Case {
  name: string;
  kernel: WasmKernel;
  a: FloatArray;
  w: FloatArray;
  bias: FloatArray;
  c: FloatArray;
  g: FloatArray;
  dw: FloatArray;
  dx: FloatArray;
}

/** The kernel of `build` and `precision` with random operands, or undefined where the build cannot run. */
function makeCase(build: WasmBuild, precision: Precision, rng: Rng): Case | undefined {
  const kernel = createWasmKernel({ build, precision });
  if (!kernel) return undefined;
  const fill = (len: number): FloatArray => {
    const x = kernel.alloc(len);
    for (let i = 0; i < len; i++) x[i] = 2 * rng.uniform() - 1;
    return x;
  };
  return { name: kernel.name, kernel, a: fill(N * K), w: fill(K * M), bias: fill(M), c: fill(N * M), g: fill(N * M), dw: fill(K * M), dx: fill(N * K) };
}

/** Best GFLOPS of REPS runs of `run` (2·N·K·M flops each). */
function gflops(run: () => void): number {
  run();
  let best = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return (2 * N * K * M) / best;
}

const median = (v: number[]): number => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs the benchmark and prints one JSON object. */
export async function runGemmBench(): Promise<void> {
  const rng = new Rng(5);
  const builds: WasmBuild[] = wasmKernelAvailable('relaxed-simd') ? ['simd', 'relaxed-simd'] : ['simd'];
  const cases = builds.flatMap((b) => (['float64', 'float32'] as const).map((p) => makeCase(b, p, rng))).filter((c): c is Case => c !== undefined);
  const runs: Record<string, number[]> = {};
  const load0 = loadavg()[0];
  for (let r = 0; r < ROUNDS; r++) {
    for (const cs of cases) {
      const k = cs.kernel;
      const entries: [string, () => void][] = [
        ['matmul', () => k.matmul(cs.a, cs.w, cs.c, N, K, M, cs.bias)],
        ['matmulTransA', () => k.matmulTransA(cs.a, cs.g, cs.dw, N, K, M)],
        ['matmulTransB', () => k.matmulTransB(cs.g, cs.w, cs.dx, N, M, K)],
      ];
      for (const [product, run] of entries) (runs[`${cs.name} ${product}`] ??= []).push(gflops(run));
    }
    process.stderr.write(`round ${r + 1}/${ROUNDS}\n`);
  }
  const result = {
    benchmark: 'gemm',
    shape: `${N}×${K}×${M}`,
    rounds: ROUNDS,
    statistic: `median over rounds of the best of ${REPS}`,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage1min: [load0, loadavg()[0]].map((v) => Math.round(v * 100) / 100),
    },
    gflops: Object.fromEntries(Object.entries(runs).map(([key, v]) => [key, Math.round(median(v) * 100) / 100])),
  };
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}
