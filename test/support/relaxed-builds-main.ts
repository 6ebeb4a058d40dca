/**
 * Run by test/support/relaxed-builds.ts under a Node whose engine has relaxed SIMD (Node ≥ 22):
 * computes the same products and the same training runs with both builds of the WebAssembly
 * kernel (plain SIMD and relaxed SIMD, wasm-module.ts) and prints ONE JSON object (`CrossBuildReport`)
 * on stdout; the mocha test asserts on it. Usage: node --require tsx/cjs relaxed-builds-main.ts
 *
 * Error bound of a product entry. Both builds compute ĉ = fl(bias + Σ_q â_q·b̂_q) from the same
 * (float32-rounded, for float32) operands, summing in the same order; a sum of k + 1 terms, each
 * step rounding once or twice, is within γ · S of the exact value, S = |bias| + Σ_q |â_q||b̂_q|,
 * γ = 2(k + 1)u / (1 − 2(k + 1)u) ≈ 2(k + 1)u, u = 2⁻²⁴ (float32) or 2⁻⁵³ (float64). So the two
 * builds differ by at most 2γ·S; the report gives max |ĉ_relaxed − ĉ_plain| / (4(k + 1)u·S), which
 * must stay ≤ 1.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { prepareRun } from '../../src/core/config/load';
import { createWasmKernel, WasmKernel } from '../../src/core/linalg/wasm-kernel';
import type { WasmBuild } from '../../src/core/linalg/wasm-module';
import { Rng } from '../../src/core/rng';
import { TrainingRun } from '../../src/core/train/trainer';
import type { Precision } from '../../src/core/config/types';
import { HISTORY_EPOCHS_32 } from './relaxed-builds-limits';

/** One precision's product comparison over every shape and product. */
export interface ProductReport {
  /** Largest |Δ| / (4(k + 1)u·S) over all entries (≤ 1 is within the bound). */
  worstRatio: number;
  /** Entries where the builds differ at all, and entries compared. */
  differing: number;
  entries: number;
}

/** One precision's training comparison: spiral.nn.json, same seed, both builds. */
export interface HistoryReport {
  epochs: number;
  /** Largest |loss_relaxed − loss_plain| / loss_plain over epochs (training and validation loss). */
  worstRelative: number;
  /** True when every loss of every epoch is the same double. */
  identical: boolean;
}

/** What the script prints. */
export interface CrossBuildReport {
  node: string;
  names: Record<WasmBuild, Record<Precision, string>>;
  products: Record<Precision, ProductReport>;
  histories: Record<Precision, HistoryReport>;
}

/** Random values uniform in [-1, 1). */
function rand(rng: Rng, len: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = 2 * rng.uniform() - 1;
  return a;
}

/** A kernel of the build, or an exit with a message when the engine cannot run it. */
function kernel(build: WasmBuild, precision: Precision): WasmKernel {
  const k = createWasmKernel({ build, precision });
  if (!k) {
    process.stderr.write(`the ${build} build does not run on Node ${process.version}\n`);
    process.exit(2);
  }
  return k;
}

/** Compares matmul (with bias), matmulTransA and matmulTransB of both builds over several shapes. */
function compareProducts(precision: Precision): ProductReport {
  const plain = kernel('simd', precision),
    relaxed = kernel('relaxed-simd', precision);
  const u = precision === 'float32' ? 2 ** -24 : 2 ** -53;
  const round = precision === 'float32' ? Math.fround : (v: number): number => v;
  const rng = new Rng(17);
  const report: ProductReport = { worstRatio: 0, differing: 0, entries: 0 };
  // Shapes with leftover rows and columns (n, m not multiples of 4 or 8) and depths past one slice.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [5, 3, 7],
    [9, 37, 13],
    [64, 784, 128],
    [64, 128, 10],
    [33, 300, 67],
  ];
  /** Checks c (plain) vs d (relaxed), entry (r, c) = bias + Σ_q A(r, q)·B(q, c) read through `a`, `b`. */
  const check = (
    cp: Float64Array,
    cr: Float64Array,
    rows: number,
    depth: number,
    cols: number,
    a: (r: number, q: number) => number,
    b: (q: number, c: number) => number,
    bias?: Float64Array,
  ): void => {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        let s = bias ? Math.abs(round(bias[c])) : 0;
        for (let q = 0; q < depth; q++) s += Math.abs(round(a(r, q)) * round(b(q, c)));
        const diff = Math.abs(cp[r * cols + c] - cr[r * cols + c]);
        const bound = 4 * (depth + 1) * u * s;
        report.entries++;
        if (diff !== 0) report.differing++;
        const ratio = diff === 0 ? 0 : bound === 0 ? Infinity : diff / bound;
        report.worstRatio = Math.max(report.worstRatio, ratio);
      }
  };
  for (const [n, k, m] of shapes) {
    const a = rand(rng, n * k),
      b = rand(rng, k * m),
      bias = rand(rng, m);
    const [cp, cr] = [new Float64Array(n * m), new Float64Array(n * m)];
    plain.matmul(a, b, cp, n, k, m, bias);
    relaxed.matmul(a, b, cr, n, k, m, bias);
    check(
      cp,
      cr,
      n,
      k,
      m,
      (r, q) => a[r * k + q],
      (q, c) => b[q * m + c],
      bias,
    );
    // Aᵀ·G with A[n×k], G[n×m]: a k×m result over depth n.
    const g = rand(rng, n * m);
    const [tp, tr] = [new Float64Array(k * m), new Float64Array(k * m)];
    plain.matmulTransA(a, g, tp, n, k, m);
    relaxed.matmulTransA(a, g, tr, n, k, m);
    check(
      tp,
      tr,
      k,
      n,
      m,
      (r, q) => a[q * k + r],
      (q, c) => g[q * m + c],
    );
    // G·Bᵀ with G[n×m], B[k×m]: an n×k result over depth m.
    const w = rand(rng, k * m);
    const [up, ur] = [new Float64Array(n * k), new Float64Array(n * k)];
    plain.matmulTransB(g, w, up, n, m, k);
    relaxed.matmulTransB(g, w, ur, n, m, k);
    check(
      up,
      ur,
      n,
      m,
      k,
      (r, q) => g[r * m + q],
      (q, c) => w[c * m + q],
    );
  }
  return report;
}

/** Trains examples/spiral.nn.json for `epochs` epochs with each build and compares the losses. */
function compareHistories(precision: Precision, epochs: number): HistoryReport {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'spiral.nn.json'), 'utf8');
  const prepared = prepareRun(text);
  if (!prepared.config || !prepared.data) throw new Error(`spiral.nn.json: ${JSON.stringify(prepared.problems)}`);
  const config = { ...prepared.config, training: { ...prepared.config.training, epochs, validationSplit: 0.2, precision } };
  const runs = (['simd', 'relaxed-simd'] as const).map((build) => new TrainingRun(config, prepared.data!, { kernel: kernel(build, precision) }));
  const report: HistoryReport = { epochs, worstRelative: 0, identical: true };
  for (let e = 0; e < epochs; e++) {
    const [p, r] = runs.map((run) => run.runEpoch()!);
    for (const key of ['loss', 'valLoss'] as const) {
      const x = p[key]!,
        y = r[key]!;
      if (x !== y) report.identical = false;
      report.worstRelative = Math.max(report.worstRelative, Math.abs(x - y) / Math.abs(x));
    }
  }
  return report;
}

const precisions = ['float64', 'float32'] as const;
const names = Object.fromEntries(
  (['simd', 'relaxed-simd'] as const).map((build) => [build, Object.fromEntries(precisions.map((p) => [p, kernel(build, p).name]))]),
) as CrossBuildReport['names'];
const report: CrossBuildReport = {
  node: process.version,
  names,
  products: { float64: compareProducts('float64'), float32: compareProducts('float32') },
  histories: { float64: compareHistories('float64', 60), float32: compareHistories('float32', HISTORY_EPOCHS_32) },
};
process.stdout.write(`${JSON.stringify(report)}\n`);
