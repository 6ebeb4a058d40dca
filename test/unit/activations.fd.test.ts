/**
 * Every activation's backward (a vector–Jacobian product) against central finite differences
 * of its own forward, and d2y against finite differences of its backward.
 *
 * For input i: FD_i = Σⱼ dyⱼ·(f(x + heᵢ)ⱼ − f(x − heᵢ)ⱼ) / 2h, with h = 1e-6·max(1, |xᵢ|), which
 * checks full row-wise VJPs (softmax, softmin, log-softmax) and that no row leaks into another.
 * Points within 1e-3 of a kink are skipped. Tolerance: |FD − backward| ≤ 1e-6·max(1, |backward|)
 * (round-off ≈ 1e-16·|f|/h ≤ 1e-10, truncation ≈ h²|f‴|/6 ≤ 1e-11 on these grids).
 */
import { strict as assert } from 'assert';
import { Activation, activationRegistry } from '../../src/core/activations';
import { Rng } from '../../src/core/rng';

type Params = Record<string, number>;
interface FdSpec {
  /** Parameter sets to check (defaults when empty). */
  variants: Params[];
  /** Where the first derivative jumps (FD is skipped within 1e-3 of these). */
  kinks(p: Params): number[];
}

const none = (): number[] => [];
/** One entry per registered activation; the meta-test below fails when one is missing. */
const FD_SPECS: Record<string, FdSpec> = {
  step: { variants: [{}], kinks: () => [0] },
  identity: { variants: [{}], kinks: none },
  'bent-identity': { variants: [{}], kinks: none },
  'hard-shrink': { variants: [{}, { lambda: 1.2 }], kinks: (p) => [-p.lambda, p.lambda] },
  'soft-shrink': { variants: [{}, { lambda: 0.1 }], kinks: (p) => [-p.lambda, p.lambda] },
  threshold: { variants: [{}, { threshold: -0.7, value: 3 }], kinks: (p) => [p.threshold] },
  sigmoid: { variants: [{}], kinks: none },
  'hard-sigmoid': { variants: [{}], kinks: () => [-2.5, 2.5] },
  'log-sigmoid': { variants: [{}], kinks: none },
  tanh: { variants: [{}], kinks: none },
  'tanh-shrink': { variants: [{}], kinks: none },
  'hard-tanh': { variants: [{}], kinks: () => [-1, 1] },
  ReLU: { variants: [{}], kinks: () => [0] },
  ReLU6: { variants: [{}], kinks: () => [0, 6] },
  'leaky-ReLU': { variants: [{}, { alpha: 0.3 }], kinks: () => [0] },
  ELU: { variants: [{}, { alpha: 2 }], kinks: () => [0] },
  SELU: { variants: [{}], kinks: () => [0] },
  CELU: { variants: [{}, { alpha: 0.25 }], kinks: () => [0] },
  softmax: { variants: [{}], kinks: none },
  softmin: { variants: [{}], kinks: none },
  'log-softmax': { variants: [{}], kinks: none },
  softplus: { variants: [{}], kinks: none },
  softsign: { variants: [{}], kinks: none },
  Swish: { variants: [{}, { beta: 3 }, { beta: 0 }], kinks: none },
  Mish: { variants: [{}], kinks: none },
  tanhExp: { variants: [{}], kinks: none },
};

const TOL = 1e-6;
const rng = new Rng(12345);
const normal = (n: number, scale = 1): Float64Array => Float64Array.from({ length: n }, () => scale * rng.normal());

/** A grid with large |x|, points near the usual kinks, and random values. */
const GRID = Float64Array.from([
  -1000,
  -700,
  -300,
  -100,
  -40,
  -20,
  -7,
  -5,
  -2.6,
  -2.4,
  -1.3,
  -1,
  -0.7,
  -0.5,
  -0.3,
  -0.05,
  -0.002,
  0,
  0.002,
  0.05,
  0.3,
  0.5,
  0.7,
  1,
  1.3,
  2.4,
  2.6,
  5,
  5.9,
  6.1,
  7,
  20,
  40,
  100,
  300,
  700,
  1000,
  ...Array.from({ length: 12 }, () => 8 * (2 * rng.uniform() - 1)),
]);

const step = (x: number): number => 1e-6 * Math.max(1, Math.abs(x));

/** Σⱼ dyⱼ ∂fⱼ/∂xᵢ by central differences, perturbing one input at a time. */
function fdVjp(act: Activation, x: Float64Array, dy: Float64Array, cols: number, i: number): number {
  const h = step(x[i]);
  const xp = x.slice();
  const xm = x.slice();
  xp[i] += h;
  xm[i] -= h;
  const yp = act.forward(xp, cols);
  const ym = act.forward(xm, cols);
  let s = 0;
  for (let j = 0; j < x.length; j++) s += dy[j] * (yp[j] - ym[j]);
  return s / (xp[i] - xm[i]);
}

function nearKink(x: number, kinks: number[]): boolean {
  return kinks.some((k) => Math.abs(x - k) < 1e-3);
}

/** Checks backward against FD at every index not near a kink; returns how many were checked. */
function checkVjp(act: Activation, x: Float64Array, cols: number, kinks: number[], label: string): number {
  const dy = normal(x.length);
  const y = act.forward(x, cols);
  const dx = act.backward(x, y, dy, cols);
  let checked = 0;
  for (let i = 0; i < x.length; i++) {
    if (act.pointwise && nearKink(x[i], kinks)) continue;
    if (!act.pointwise && Array.from(x).some((v) => nearKink(v, kinks))) continue;
    const fd = fdVjp(act, x, dy, cols, i);
    assert.ok(Number.isFinite(dx[i]), `${label}: backward at x = ${x[i]} is ${dx[i]}`);
    assert.ok(Math.abs(fd - dx[i]) <= TOL * Math.max(1, Math.abs(dx[i])), `${label}: at x = ${x[i]} backward ${dx[i]}, finite difference ${fd}`);
    checked++;
  }
  return checked;
}

describe('activations: backward vs central finite differences', () => {
  for (const name of activationRegistry.names()) {
    const spec = FD_SPECS[name];
    describe(name, () => {
      it('has a finite-difference spec (every registered activation must)', () => {
        assert.ok(spec, `add "${name}" to FD_SPECS in ${__filename}`);
      });
      if (!spec) return;
      for (const variant of spec.variants) {
        const act = activationRegistry.create(name, variant);
        const p = activationRegistry.resolveParams(name, variant);
        const kinks = spec.kinks(p);
        const tag = JSON.stringify(variant);
        if (act.pointwise) {
          it(`pointwise on a grid with |x| up to 1000 ${tag}`, () => {
            assert.ok(checkVjp(act, GRID, GRID.length, kinks, name) > 20);
          });
        } else {
          it(`full VJP on single rows, with large entries ${tag}`, () => {
            for (const row of [[0.3, -1.2, 2.5, 0.1], [1000, 999.5, -1000, 0], [-700, -700.25, -699], [4]])
              assert.ok(checkVjp(act, Float64Array.from(row), row.length, kinks, name) === row.length);
          });
        }
        it(`on a 3×4 batch (cols = 4 < length) ${tag}`, () => {
          const x = normal(12, 3);
          assert.ok(checkVjp(act, x, 4, kinks, name) > 0);
        });
      }
    });
  }

  describe('d2y vs finite differences of backward', () => {
    for (const [name, variant] of [
      ['Swish', {}],
      ['Swish', { beta: 2.5 }],
      ['Mish', {}],
      ['tanhExp', {}],
    ] as const) {
      it(`${name} ${JSON.stringify(variant)}`, () => {
        const act = activationRegistry.create(name, variant);
        assert.ok(act.d2y);
        const d2 = act.d2y(GRID);
        const ones = new Float64Array(1).fill(1);
        const slope = (v: number): number => act.backward(Float64Array.of(v), act.forward(Float64Array.of(v)), ones)[0];
        for (let i = 0; i < GRID.length; i++) {
          const x = GRID[i];
          const h = step(x);
          const fd = (slope(x + h) - slope(x - h)) / (2 * h);
          assert.ok(Number.isFinite(d2[i]), `${name} d2y(${x}) = ${d2[i]}`);
          assert.ok(Math.abs(fd - d2[i]) <= TOL * Math.max(1, Math.abs(d2[i])), `${name} d2y(${x}) = ${d2[i]}, FD ${fd}`);
        }
      });
    }

    it('only Swish, Mish and tanhExp define d2y', () => {
      const withD2 = activationRegistry.names().filter((n) => activationRegistry.create(n).d2y);
      assert.deepEqual(withD2, ['Swish', 'Mish', 'tanhExp']);
    });
  });
});
