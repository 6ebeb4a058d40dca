/**
 * Shared test machinery for the optimizer tests: the fixture problem of
 * test/fixtures/make_optimizer_fixtures.py re-implemented in TypeScript, trajectory runs,
 * comparisons with the NumPy / torch trajectories, and the separate-state check.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { optimizerRegistry } from '../../../src/core/optimizers';
import { Optimizer } from '../../../src/core/optimizers/optimizer';
import { Rng } from '../../../src/core/rng';

/** One recorded run of the Python script. */
export interface FixtureRun {
  label: string;
  params: Record<string, number>;
  seed?: number;
  losses: number[];
  finalLoss: number;
  /** trajectory[k][j]: tensor j (0 = W, 1 = b) after step k + 1. */
  trajectory: number[][][];
  torch?: number[][][];
  numpyVsTorch?: number;
}

/** The whole fixture file. */
export interface OptimizerFixtures {
  problem: { kappa: number; steps: number; start: number[][]; centres: number[][]; weights: number[][] };
  optimizers: Record<string, FixtureRun[]>;
}

/** Relative tolerance of trajectory comparisons: |ours − ref| ≤ TOL·max(1, |ref|). */
export const TOL = 1e-10;

let cache: OptimizerFixtures | undefined;

/** test/fixtures/optimizers.json, parsed once. */
export function fixtures(): OptimizerFixtures {
  cache ??= JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/optimizers.json'), 'utf8')) as OptimizerFixtures;
  return cache;
}

/** f = Σ a/2·(p − c)² + κ/4·(p − c)⁴ over both tensors. */
export function problemLoss(ps: Float64Array[]): number {
  const { kappa, centres, weights } = fixtures().problem;
  let f = 0;
  ps.forEach((p, j) =>
    p.forEach((x, i) => {
      const r = x - centres[j][i];
      f += 0.5 * weights[j][i] * r * r + 0.25 * kappa * r ** 4;
    }),
  );
  return f;
}

/** ∇f = a·(p − c) + κ·(p − c)³ for tensor j (0 = W, 1 = b) of the problem. */
export function tensorGrad(p: Float64Array, j: number): Float64Array {
  const { kappa, centres, weights } = fixtures().problem;
  return p.map((x, i) => weights[j][i] * (x - centres[j][i]) + kappa * (x - centres[j][i]) ** 3);
}

/** ∇f for every tensor. */
export function problemGrads(ps: Float64Array[]): Float64Array[] {
  return ps.map((p, j) => tensorGrad(p, j));
}

/** Runs `steps` steps of `opt` on the fixture problem; returns trajectory and losses like the fixture. */
export function runProblem(opt: Optimizer, steps: number): { trajectory: number[][][]; losses: number[] } {
  const ps = fixtures().problem.start.map((s) => Float64Array.from(s));
  const trajectory: number[][][] = [];
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    const f = problemLoss(ps);
    losses.push(f);
    opt.step(ps, problemGrads(ps), f);
    trajectory.push(ps.map((p) => Array.from(p)));
  }
  return { trajectory, losses };
}

/** Largest |a − b|/max(1, |b|) over every value of two trajectories. */
export function maxRelDiff(a: number[][][], b: number[][][]): number {
  let worst = 0;
  assert.equal(a.length, b.length);
  a.forEach((step, k) =>
    step.forEach((tensor, j) =>
      tensor.forEach((x, i) => {
        const y = b[k][j][i];
        const d = Math.abs(x - y) / Math.max(1, Math.abs(y));
        worst = Math.max(worst, Number.isNaN(d) ? Infinity : d);
      }),
    ),
  );
  return worst;
}

/** Creates the optimizer of a fixture run through the registry (with its seed for Santa). */
export function createFromRun(name: string, run: FixtureRun): Optimizer {
  return optimizerRegistry.create(name, run.params, { rng: new Rng(run.seed ?? 0) });
}

/** Registers one `it` per fixture run: 50 steps vs NumPy, and vs torch where recorded. */
export function fixtureTests(name: string): void {
  for (const run of fixtures().optimizers[name]) {
    const torchNote = run.torch ? ' and torch' : '';
    it(`follows the NumPy${torchNote} trajectory for 50 steps (${run.label}: ${JSON.stringify(run.params)})`, () => {
      const ours = runProblem(createFromRun(name, run), run.trajectory.length);
      const dNumpy = maxRelDiff(ours.trajectory, run.trajectory);
      assert.ok(dNumpy <= TOL, `${name}/${run.label}: max relative deviation from NumPy ${dNumpy}`);
      if (run.torch) {
        const dTorch = maxRelDiff(ours.trajectory, run.torch);
        assert.ok(dTorch <= TOL, `${name}/${run.label}: max relative deviation from torch ${dTorch}`);
      }
      // The losses we passed are the same function values the script recorded.
      ours.losses.forEach((f, k) => assert.ok(Math.abs(f - run.losses[k]) <= TOL * Math.max(1, run.losses[k])));
    });
  }
}

/** A generator that replays a fixed list of normal draws (and fails if asked for more). */
class ListRng extends Rng {
  private next = 0;
  constructor(private readonly values: number[]) {
    super(0);
  }
  override normal(): number {
    assert.ok(this.next < this.values.length, 'optimizer drew more normals than expected');
    return this.values[this.next++];
  }
  /** True when every value was used. */
  get exhausted(): boolean {
    return this.next === this.values.length;
  }
}

/**
 * Checks that one instance keeps separate state per tensor: stepping [W, b] together gives,
 * bit for bit, what two instances give stepping W alone and b alone. `draws(t, size, first)` is
 * how many normals a tensor of `size` values takes at step t (Santa); the noise is dealt out so
 * each lone instance sees exactly the draws its tensor saw in the joint run.
 */
export function assertSeparateState(
  name: string,
  params: Record<string, number> = {},
  draws: (t: number, size: number, first: boolean) => number = () => 0,
  steps = 12,
): void {
  const source = new Rng(11);
  const start = fixtures().problem.start;
  const joint: number[] = [];
  const lone: number[][] = start.map(() => []);
  for (let t = 1; t <= steps; t++)
    start.forEach((s, j) => {
      for (let k = 0; k < draws(t, s.length, t === 1); k++) {
        const z = source.normal();
        joint.push(z);
        lone[j].push(z);
      }
    });
  const jointRng = new ListRng(joint);
  const together = optimizerRegistry.create(name, params, { rng: jointRng });
  const aloneRngs = lone.map((l) => new ListRng(l));
  const alone = aloneRngs.map((rng) => optimizerRegistry.create(name, params, { rng }));
  const ps = start.map((s) => Float64Array.from(s));
  const qs = start.map((s) => Float64Array.from(s));
  for (let t = 1; t <= steps; t++) {
    const f = 5 * 0.9 ** t + 1; // any finite loss sequence (Eve), the same for every instance
    together.step(ps, problemGrads(ps), f);
    qs.forEach((q, j) => alone[j].step([q], [tensorGrad(q, j)], f));
  }
  assert.ok(jointRng.exhausted && aloneRngs.every((r) => r.exhausted), 'unexpected number of draws');
  ps.forEach((p, j) => assert.deepEqual(Array.from(p), Array.from(qs[j]), `tensor ${j}`));
  assert.ok(
    ps.every((p) => p.every(Number.isFinite)),
    'parameters must stay finite',
  );
  assert.ok(
    ps.some((p, j) => p.some((x, i) => x !== start[j][i])),
    'parameters did not move',
  );
  assert.equal(together.t, steps);
}

/** Asserts |actual − expected| ≤ tol·max(1, |expected|) elementwise. */
export function assertCloseArray(actual: ArrayLike<number>, expected: number[], tol = 1e-12): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++)
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `index ${i}: got ${actual[i]}, expected ${expected[i]}`);
}

/** One step of a freshly created optimizer on a single tensor; returns the new values. */
export function firstStep(name: string, params: Record<string, number>, p: number[], g: number[], options: { loss?: number; rng?: Rng } = {}): Float64Array {
  const x = Float64Array.from(p);
  const opt = optimizerRegistry.create(name, params, { rng: options.rng ?? new Rng(0) });
  opt.step([x], [Float64Array.from(g)], options.loss ?? 1);
  assert.equal(opt.t, 1);
  return x;
}
