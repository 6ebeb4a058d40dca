/** The activation registry: names, parameters and defaults, and the interface's shape rules. */
import { strict as assert } from 'assert';
import { ACTIVATIONS, activationRegistry } from '../../src/core/activations';
import { NnError } from '../../src/core/problems';
import { f64 } from './activations.helpers';

// The 26 names, as agreed in the project brief (and spelled as in the reference's _act_dic).
const NAMES = [
  'step',
  'identity',
  'bent-identity',
  'hard-shrink',
  'soft-shrink',
  'threshold',
  'sigmoid',
  'hard-sigmoid',
  'log-sigmoid',
  'tanh',
  'tanh-shrink',
  'hard-tanh',
  'ReLU',
  'ReLU6',
  'leaky-ReLU',
  'ELU',
  'SELU',
  'CELU',
  'softmax',
  'softmin',
  'log-softmax',
  'softplus',
  'softsign',
  'Swish',
  'Mish',
  'tanhExp',
];

describe('activation registry', () => {
  it('registers exactly the 26 reference names, in the reference order', () => {
    assert.deepEqual(activationRegistry.names(), NAMES);
    assert.equal(ACTIVATIONS.length, 26);
  });

  it("has the reference's parameter names and defaults (lambda_ written lambda)", () => {
    // From source-article.txt's __init__ signatures; threshold had none (defaults are ours).
    const expected: Record<string, Record<string, number>> = {
      'hard-shrink': { lambda: 0.5 },
      'soft-shrink': { lambda: 0.5 },
      threshold: { threshold: 0, value: 0 },
      'leaky-ReLU': { alpha: 0.01 },
      ELU: { alpha: 1 },
      SELU: { lambda: 1.0507, alpha: 1.67326 },
      CELU: { alpha: 1 },
      Swish: { beta: 1 },
    };
    for (const name of NAMES) assert.deepEqual(activationRegistry.resolveParams(name), expected[name] ?? {}, name);
  });

  it('documents every entry with a summary and a formula', () => {
    for (const e of ACTIVATIONS) {
      assert.ok(e.summary.length > 10 && e.formula.includes('='), e.name);
      for (const p of e.params) assert.ok(p.doc.length > 3, `${e.name}.${p.name}`);
    }
  });

  it('rejects out-of-range parameters (CELU alpha must be > 0, soft-shrink lambda ≥ 0)', () => {
    assert.throws(() => activationRegistry.create('CELU', { alpha: 0 }), NnError);
    assert.throws(() => activationRegistry.create('soft-shrink', { lambda: -0.1 }), NnError);
    assert.throws(() => activationRegistry.create('leaky-ReLU', { lambda: 0.1 }), /Did you mean|no parameter/);
    assert.doesNotThrow(() => activationRegistry.create('CELU', { alpha: 1e-3 }));
  });

  it('creates instances whose name matches the registry name; only the three row-wise ones are not pointwise', () => {
    for (const name of NAMES) {
      const a = activationRegistry.create(name);
      assert.equal(a.name, name);
      assert.equal(a.pointwise, !['softmax', 'softmin', 'log-softmax'].includes(name), name);
    }
  });

  it('pointwise forwardInto may write over its input', () => {
    const a = activationRegistry.create('tanh');
    const x = f64([-1, 0, 2]);
    const expected = a.forward(x);
    a.forwardInto(x, x, 3);
    assert.deepEqual(x, expected);
  });

  it('rejects cols that do not divide the length, and mismatched buffers', () => {
    for (const name of ['ReLU', 'softmax']) {
      const a = activationRegistry.create(name);
      assert.throws(() => a.forward(f64([1, 2, 3]), 2), NnError, name);
      assert.throws(() => a.forwardInto(f64([1, 2]), new Float64Array(3), 2), NnError, name);
    }
  });

  it('cols defaults to one row: softmax over the whole array', () => {
    const y = activationRegistry.create('softmax').forward(f64([0, 0, 0, 0]));
    assert.deepEqual(Array.from(y), [0.25, 0.25, 0.25, 0.25]);
  });

  it('handles empty arrays', () => {
    for (const name of NAMES) assert.equal(activationRegistry.create(name).forward(new Float64Array(0)).length, 0);
  });

  it('gives finite values and slopes for extreme finite inputs (±1e308, ±1e-308)', () => {
    const x = f64([-1.7e308, -1e308, -1e-308, 0, 1e-308, 1e308]);
    for (const name of NAMES) {
      const a = activationRegistry.create(name);
      const y = a.forward(x, 1);
      const dx = a.backward(x, y, f64([1, 1, 1, 1, 1, 1]), 1);
      for (let i = 0; i < x.length; i++) {
        assert.ok(Number.isFinite(y[i]), `${name}(${x[i]}) = ${y[i]}`);
        assert.ok(Number.isFinite(dx[i]), `${name}'(${x[i]}) = ${dx[i]}`);
      }
      if (a.d2y) for (const v of a.d2y(x)) assert.ok(Number.isFinite(v), `${name}'' = ${v}`);
    }
  });
});
