/**
 * Each test here fails on the reference implementation's behaviour (known-defects.md, optimizers).
 */
import { strict as assert } from 'assert';
import { optimizerRegistry } from '../../../src/core/optimizers';
import { Eve } from '../../../src/core/optimizers/eve';
import { Rng } from '../../../src/core/rng';
import { assertSeparateState, problemGrads, problemLoss, fixtures } from './helpers';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('optimizer defects of the reference, fixed', () => {
  it('registers "SGD" (the reference had only "SDG"); "SDG" resolves to SGD as an alias', () => {
    assert.ok(optimizerRegistry.names().includes('SGD'));
    assert.ok(!optimizerRegistry.names().includes('SDG'));
    assert.equal(optimizerRegistry.canonical('SDG'), 'SGD');
    assert.equal(optimizerRegistry.entry('SDG').name, 'SGD');
  });

  it('AdaGrad: a zero gradient gives a zero step, not 0/0 = NaN', () => {
    const p = f64([1, 2]);
    const opt = optimizerRegistry.create('AdaGrad');
    opt.step([p], [f64([0, 0.5])]);
    opt.step([p], [f64([0, 0.5])]);
    assert.equal(p[0], 1);
    assert.ok(Number.isFinite(p[1]) && p[1] < 2);
  });

  it('SMORMS3: weight and bias memories (zeta) are independent', () => {
    // Reference: zeta_w was assigned twice (the second time from the bias), zeta_b stayed 0.
    // Step W alone, b alone, and both together: together must equal alone for each.
    const together = optimizerRegistry.create('SMORMS3', { eta: 0.5 });
    const alone = [optimizerRegistry.create('SMORMS3', { eta: 0.5 }), optimizerRegistry.create('SMORMS3', { eta: 0.5 })];
    const w = f64([1, -1]),
      b = f64([3]);
    const w1 = f64([1, -1]),
      b1 = f64([3]);
    const gw = [f64([0.5, -2]), f64([0.1, 3]), f64([-0.4, 1])];
    const gb = [f64([10]), f64([-7]), f64([0.01])];
    for (let k = 0; k < 3; k++) {
      together.step([w, b], [gw[k], gb[k]]);
      alone[0].step([w1], [gw[k]]);
      alone[1].step([b1], [gb[k]]);
    }
    assert.deepEqual(Array.from(w), Array.from(w1));
    assert.deepEqual(Array.from(b), Array.from(b1));
    // With zeta_b = 0 forever (the defect), b would never move: min(eta, 0) = 0.
    assert.notEqual(b[0], 3);
  });

  it('AdaMax: a zero gradient at t = 1 gives no NaN (u = 0 in the reference)', () => {
    const p = f64([1, 2]);
    const opt = optimizerRegistry.create('AdaMax');
    opt.step([p], [f64([0, 0])]);
    assert.deepEqual(Array.from(p), [1, 2]);
    opt.step([p], [f64([0, 1])]);
    assert.equal(p[0], 1);
    assert.ok(Number.isFinite(p[1]) && p[1] < 2);
  });

  it('NAG with only the current gradient follows the look-ahead form (shifted variable) on a quadratic', () => {
    // f(θ) = ½ θᵀAθ − bᵀθ with A = diag(3, 0.5), b = (1, −2): ∇f(θ) = Aθ − b.
    const grad = (x: number[]) => [3 * x[0] - 1, 0.5 * x[1] + 2];
    const eta = 0.2,
      mu = 0.9,
      k = (1 - mu) * eta;
    // Reference look-ahead form: v ← μv − (1−μ)η·∇f(θ + μv); θ ← θ + v (a gradient callback at θ + μv).
    let theta = [2, 1],
      v = [0, 0];
    const opt = optimizerRegistry.create('NAG', { eta, mu });
    const p = f64([2, 1]);
    for (let t = 0; t < 40; t++) {
      const g = grad([theta[0] + mu * v[0], theta[1] + mu * v[1]]);
      v = [mu * v[0] - k * g[0], mu * v[1] - k * g[1]];
      theta = [theta[0] + v[0], theta[1] + v[1]];
      opt.step([p], [f64(grad(Array.from(p)))]);
      // Our p is the look-ahead point θ + μ·v of the reference form.
      for (let i = 0; i < 2; i++) assert.ok(Math.abs(p[i] - (theta[i] + mu * v[i])) < 1e-12, `t=${t} i=${i}`);
    }
    // …and it is not plain momentum SGD (MSGD) on the same problem.
    const m = optimizerRegistry.create('MSGD', { eta, mu });
    const q = f64([2, 1]);
    for (let t = 0; t < 40; t++) m.step([q], [f64(grad(Array.from(q)))]);
    assert.ok(Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) > 1e-6);
  });

  it('Eve: d ≠ 1 when the loss falls, so Eve differs from Adam; it needs the real loss', () => {
    // Reference: d = |f − f*|/(min(f, f_prev) − f*) ≥ 1 and = 1 whenever f < f_prev.
    const eve = optimizerRegistry.create('Eve', { alpha: 0.05, beta3: 0.9 });
    assert.ok(eve instanceof Eve);
    const adam = optimizerRegistry.create('Adam', { alpha: 0.05, eps: 0 });
    const start = fixtures().problem.start;
    const pe = start.map(f64),
      pa = start.map(f64);
    for (let t = 0; t < 20; t++) {
      const f = problemLoss(pe);
      eve.step(pe, problemGrads(pe), f);
      if (t >= 1) assert.ok(eve.feedback < 1, `d̃ = ${eve.feedback} at t = ${t + 1} while the loss falls`);
      adam.step(pa, problemGrads(pa), problemLoss(pa));
    }
    assert.ok(Math.abs(pe[0][0] - pa[0][0]) > 1e-4, 'Eve must not degenerate to Adam');
    assert.throws(() => optimizerRegistry.create('Eve').step([f64([1])], [f64([1])]), /Eve needs the loss/);
    assert.throws(() => optimizerRegistry.create('Eve').step([f64([1])], [f64([1])], NaN), /finite loss/);
  });

  it('Eve: a loss at f* (zero denominator) gives d̂ = c, no NaN', () => {
    const eve = optimizerRegistry.create('Eve', { beta3: 0.5, c: 10 });
    assert.ok(eve instanceof Eve);
    const p = [f64([1])];
    eve.step(p, [f64([1])], 0);
    eve.step(p, [f64([1])], 0);
    assert.equal(eve.feedback, 0.5 * 1 + 0.5 * 10);
    assert.ok(Number.isFinite(p[0][0]));
  });

  for (const name of ['SantaE', 'SantaSSS']) {
    describe(name, () => {
      const run = (seed: number) => {
        const opt = optimizerRegistry.create(name, { burnin: 10, eta: 1e-3 }, { rng: new Rng(seed) });
        const ps = fixtures().problem.start.map(f64);
        for (let t = 0; t < 20; t++) opt.step(ps, problemGrads(ps));
        return ps.map((p) => Array.from(p));
      };

      it('draws from the run’s seeded generator: same seed, same trajectory; other seed, another', () => {
        assert.deepEqual(run(5), run(5));
        assert.notDeepEqual(run(5), run(6));
      });

      it('creates a tensor’s state on first use, even when that is at t > 1', () => {
        // Reference: u was created only at t == 1, so a tensor first seen later had no u.
        const opt = optimizerRegistry.create(name, { eta: 1e-3 }, { rng: new Rng(1) });
        const a = f64([0.5, -0.5]),
          b = f64([1, 2, 3]);
        opt.step([a], [f64([0.1, 0.2])]);
        opt.step([a], [f64([0.1, 0.2])]);
        opt.step([a, b], [f64([0.1, 0.2]), f64([0.3, -0.3, 0.1])]);
        assert.equal(opt.t, 3);
        assert.ok(b.every(Number.isFinite));
        assert.notDeepEqual(Array.from(b), [1, 2, 3]);
      });
    });
  }

  it('one instance serves several tensors: every optimizer keeps separate state per tensor', () => {
    for (const name of optimizerRegistry.names()) {
      const santa = name.startsWith('Santa');
      assertSeparateState(name, santa ? { burnin: 5, eta: 1e-3 } : {}, santa ? (t, n, first) => (first ? n : 0) + (t < 5 ? n : 0) : undefined, 6);
    }
  });

  it('t starts at 1: the first step of Adam uses the t = 1 bias correction', () => {
    // With t = 1: m̂/√v̂ = g/|g| exactly (eps = 0), so the step is exactly α.
    // (Starting at t = 0 divides by 1 − β₁⁰ = 0.)
    const opt = optimizerRegistry.create('Adam', { alpha: 0.25, eps: 0 });
    assert.equal(opt.t, 0);
    const p = f64([1, 1]);
    opt.step([p], [f64([3, -0.001])]);
    assert.equal(opt.t, 1);
    assert.ok(Math.abs(p[0] - 0.75) < 1e-15 && Math.abs(p[1] - 1.25) < 1e-15, `${p[0]}, ${p[1]}`);
  });

  it('rejects mismatched params/grads before changing anything', () => {
    const opt = optimizerRegistry.create('Adam');
    const p = f64([1, 2]);
    assert.throws(() => opt.step([p], []), /1 parameter tensors but 0 gradients/);
    assert.throws(() => opt.step([p], [f64([1])]), /tensor 0 has 2 values but its gradient has 1/);
    assert.equal(opt.t, 0);
    opt.step([p], [f64([1, 1])]);
    assert.throws(() => opt.step([f64([1, 2, 3])], [f64([1, 1, 1])]), /had 2 values, now 3/);
    assert.equal(opt.t, 1);
  });
});
