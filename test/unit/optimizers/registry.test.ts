import { strict as assert } from 'assert';
import { OPTIMIZERS, optimizerRegistry } from '../../../src/core/optimizers';
import { Rng } from '../../../src/core/rng';
import { fixtures, problemLoss, runProblem } from './helpers';

/** Settings under which every optimizer should make progress on the fixture problem in 50 steps. */
const SENSIBLE: Record<string, Record<string, number>> = {
  // Santa's exploration (t < burnin) is a noisy sampler and can climb; refinement descends.
  SantaE: { burnin: 0 },
  SantaSSS: { burnin: 0 },
};

describe('optimizer registry', () => {
  it('holds exactly the 17 reference optimizers, in order', () => {
    assert.deepEqual(optimizerRegistry.names(), [
      'SGD',
      'MSGD',
      'NAG',
      'AdaGrad',
      'RMSprop',
      'AdaDelta',
      'Adam',
      'RMSpropGraves',
      'SMORMS3',
      'AdaMax',
      'Nadam',
      'Eve',
      'SantaE',
      'SantaSSS',
      'AMSGrad',
      'AdaBound',
      'AMSBound',
    ]);
    assert.equal(OPTIMIZERS.length, 17);
  });

  it('documents every entry: summary, formula, params with defaults that pass their own bounds', () => {
    for (const e of OPTIMIZERS) {
      assert.ok(e.summary.length > 10 && e.formula.includes('←'), e.name);
      for (const p of e.params) assert.ok(p.doc.length > 3, `${e.name}.${p.name}`);
      assert.deepEqual(optimizerRegistry.checkParams(e.name, Object.fromEntries(e.params.map((p) => [p.name, p.default]))), []);
      assert.equal(optimizerRegistry.create(e.name).name, e.name);
    }
  });

  it('uses the reference hyper-parameter names and defaults (lambda_ written lambda)', () => {
    const defaults = (n: string) => Object.fromEntries(optimizerRegistry.entry(n).params.map((p) => [p.name, p.default]));
    // Santa's lambda is 1, not the reference's 1e-8 (a documented deviation: it bounds the preconditioner).
    assert.deepEqual(defaults('SantaE'), { eta: 1e-2, sigma: 0.95, lambda: 1, anne_rate: 0.5, burnin: 100, C: 5, N: 16 });
    assert.deepEqual(defaults('Eve'), { alpha: 1e-3, beta1: 0.9, beta2: 0.999, beta3: 0.999, c: 10, eps: 1e-8, fstar: 0 });
    assert.deepEqual(defaults('AdaBound'), { alpha: 1e-3, eta: 1e-1, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    assert.deepEqual(defaults('Nadam'), { alpha: 2e-3, mu: 0.975, nu: 0.999, eps: 1e-8 });
    assert.deepEqual(defaults('AdaDelta'), { rho: 0.95, eps: 1e-6 });
    // Every fixture was generated with the registry defaults plus the listed overrides.
    for (const [name, runs] of Object.entries(fixtures().optimizers)) {
      const d = defaults(name);
      assert.deepEqual(Object.keys(runs[0].params).sort(), Object.keys(d).sort(), name);
      assert.equal(runs[0].label, 'default');
      assert.deepEqual(runs[0].params, d, `${name}: fixture "default" must use the registry defaults`);
    }
  });

  it('rejects out-of-range hyper-parameters with a path', () => {
    assert.ok(optimizerRegistry.checkParams('Adam', { beta1: 1 }).length === 1);
    assert.ok(optimizerRegistry.checkParams('AdaGrad', { eps: 0 }).length === 1);
    assert.ok(optimizerRegistry.checkParams('SantaE', { burnin: 2.5 }).length === 1);
    assert.ok(optimizerRegistry.checkParams('SGD', { lr: 0.1 })[0].message.includes('eta'));
  });

  for (const name of optimizerRegistry.names()) {
    it(`${name}: has fixture trajectories and lowers the problem's loss over 50 steps`, () => {
      const runs = fixtures().optimizers[name];
      assert.ok(runs && runs.length >= 2, `${name} needs at least two fixture settings`);
      const params = { ...runs[runs.length - 1].params, ...SENSIBLE[name] };
      const start = problemLoss(fixtures().problem.start.map((s) => Float64Array.from(s)));
      const opt = optimizerRegistry.create(name, params, { rng: new Rng(2) });
      const { trajectory } = runProblem(opt, 50);
      const end = problemLoss(trajectory[49].map((s) => Float64Array.from(s)));
      assert.ok(end < 0.5 * start, `${name}: loss ${start} → ${end}`);
      // With the defaults too, except Santa's exploration (a sampler that may climb first).
      if (!name.startsWith('Santa')) {
        const d = runProblem(optimizerRegistry.create(name), 50).trajectory[49];
        assert.ok(problemLoss(d.map((s) => Float64Array.from(s))) < start, `${name} with defaults`);
      }
    });
  }
});
