/**
 * Losses against PyTorch float64 values (test/fixtures/losses.json, from
 * test/fixtures/make_activation_fixtures.py) and against central finite differences.
 *
 * Fixture tolerance: |ours − torch| ≤ 1e-12·|torch| + 1e-15, except the gradient of the saturated
 * probability-space Binary case (y(1 − y) below the 1e-12 clamp), where torch's clamp constant is
 * the float32 number 1e-12f = 9.99999996e-13, so the two agree to 4e-9 relative: 1e-8 there.
 * Finite differences: h = 1e-6, tolerance 1e-7·max(1, |gradient|).
 */
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { LOSSES, lossRegistry } from '../../src/core/losses';
import { Loss } from '../../src/core/losses/loss';
import { NnError } from '../../src/core/problems';
import { Rng } from '../../src/core/rng';
import { assertClose, f64, readFixture } from './activations.helpers';

interface LossCase {
  name: string;
  kind: 'probs' | 'logits';
  oracle: string;
  rows: number;
  cols: number;
  input: number[];
  t: number[];
  loss: number;
  grad: number[];
  y?: number[];
}

const fixture = readFixture<{ cases: LossCase[] }>('losses.json');

describe('losses vs PyTorch float64 fixtures', () => {
  for (const c of fixture.cases) {
    it(`${c.name} from ${c.kind}: ${c.oracle} (${c.rows}×${c.cols})`, () => {
      const loss = lossRegistry.create(c.name);
      const out = new Float64Array(c.input.length);
      if (c.kind === 'probs') {
        assertClose([loss.forward(f64(c.input), f64(c.t), c.rows, c.cols)], [c.loss], 1e-12, 1e-15, 'loss');
        loss.backwardInto(f64(c.input), f64(c.t), out, c.rows, c.cols);
        assertClose(out, c.grad, c.oracle.includes('saturated') ? 1e-8 : 1e-12, 1e-15, 'dL/dy');
      } else {
        assert.ok(loss.forwardFromLogits && loss.logitGradInto && c.y);
        assertClose([loss.forwardFromLogits(f64(c.input), f64(c.t), c.rows, c.cols)], [c.loss], 1e-12, 1e-15, 'loss');
        loss.logitGradInto(f64(c.y), f64(c.t), out, c.rows, c.cols);
        assertClose(out, c.grad, 1e-12, 1e-15, 'dL/dz');
      }
    });
  }

  it('covers every registered loss, and the fused path of every loss that fuses', () => {
    for (const name of lossRegistry.names()) {
      assert.ok(
        fixture.cases.some((c) => c.name === name && c.kind === 'probs'),
        name,
      );
      if (lossRegistry.create(name).fusesWith)
        assert.ok(
          fixture.cases.some((c) => c.name === name && c.kind === 'logits'),
          name,
        );
    }
  });
});

describe('losses vs central finite differences', () => {
  const rng = new Rng(99);
  const H = 1e-6;
  const TOL = 1e-7;
  const fdGrad = (f: (v: Float64Array) => number, v: Float64Array): Float64Array =>
    v.map((_, i) => {
      const p = v.slice();
      const m = v.slice();
      p[i] += H;
      m[i] -= H;
      return (f(p) - f(m)) / (2 * H);
    });
  const check = (got: Float64Array, fd: Float64Array, what: string): void => {
    for (let i = 0; i < got.length; i++) assert.ok(Math.abs(got[i] - fd[i]) <= TOL * Math.max(1, Math.abs(got[i])), `${what}[${i}]: ${got[i]} vs FD ${fd[i]}`);
  };
  const rows = 3;
  const cols = 4;
  const n = rows * cols;
  // Probabilities in (0.05, 0.95) and targets: one-hot rows, and soft rows not summing to 1.
  const probs = Float64Array.from({ length: n }, () => 0.05 + 0.9 * rng.uniform());
  const oneHot = Float64Array.from({ length: n }, (_, i) => (i % cols === i % 3 ? 1 : 0));
  const soft = Float64Array.from({ length: n }, () => rng.uniform() / 2);

  for (const name of lossRegistry.names()) {
    const loss: Loss = lossRegistry.create(name);
    for (const [tName, t] of [
      ['one-hot', oneHot],
      ['soft', soft],
    ] as const) {
      it(`${name}: backwardInto = d forward / dy (${tName} targets, 3×4)`, () => {
        const y = name === 'Square' ? Float64Array.from({ length: n }, () => rng.normal()) : probs;
        const out = new Float64Array(n);
        loss.backwardInto(y, t, out, rows, cols);
        check(
          out,
          fdGrad((v) => loss.forward(v, t, rows, cols), y),
          name,
        );
      });
      if (!loss.fusesWith) continue;
      it(`${name}: logitGradInto(${loss.fusesWith}(z)) = d forwardFromLogits / dz (${tName} targets, 3×4)`, () => {
        const z = Float64Array.from({ length: n }, () => 4 * rng.normal());
        const y = activationRegistry.create(loss.fusesWith!).forward(z, cols);
        const out = new Float64Array(n);
        loss.logitGradInto!(y, t, out, rows, cols);
        check(
          out,
          fdGrad((v) => loss.forwardFromLogits!(v, t, rows, cols), z),
          name,
        );
        // The fused loss equals the probability-space loss where nothing saturates.
        assert.ok(Math.abs(loss.forwardFromLogits!(z, t, rows, cols) - loss.forward(y, t, rows, cols)) < 1e-9);
      });
    }
  }
});

describe('loss registry', () => {
  it('registers Square, Binary, Cross; Binary fuses with sigmoid and Cross with softmax', () => {
    assert.deepEqual(lossRegistry.names(), ['Square', 'Binary', 'Cross']);
    assert.deepEqual(
      LOSSES.map((e) => lossRegistry.create(e.name).fusesWith),
      [undefined, 'sigmoid', 'softmax'],
    );
    for (const e of LOSSES) assert.ok(e.formula.includes('=') && e.summary.length > 10);
  });

  it('answers an unknown name with a did-you-mean error', () => {
    assert.throws(
      () => lossRegistry.create('square'),
      (e: unknown) => e instanceof NnError && /Square/.test(e.message),
    );
  });

  it('rejects arrays that are not rows × cols', () => {
    const loss = lossRegistry.create('Square');
    assert.throws(() => loss.forward(f64([1, 2, 3]), f64([1, 2, 3]), 2, 2), NnError);
    assert.throws(() => loss.backwardInto(f64([1, 2]), f64([1, 2]), new Float64Array(1), 1, 2), NnError);
  });
});
