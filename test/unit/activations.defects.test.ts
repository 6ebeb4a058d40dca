/**
 * One test per known defect of the reference activations (known-defects.md). Each test asserts
 * our value (hand-worked in the comments) and, where it helps, shows that the reference's formula,
 * transcribed in `reference.*`, gives a different (wrong or non-finite) answer on the same input.
 */
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { NnError } from '../../src/core/problems';
import { f64 } from './activations.helpers';

const act = (name: string, params: Record<string, number> = {}) => activationRegistry.create(name, params);
const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);
const close = (a: ArrayLike<number>, b: readonly number[], tol = 1e-15): void => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol, `index ${i}: ${a[i]} vs ${b[i]}`);
};

/** The reference's formulas, transcribed from source-article.txt, for contrast. */
const reference = {
  softmax: (x: number[]) => x.map((v) => Math.exp(v) / sum(x.map(Math.exp))),
  /** Jacobian diagonal only: e^x (S − e^x) / S², applied elementwise to dy. */
  softmaxBackward: (x: number[], dy: number[]) => {
    const S = sum(x.map(Math.exp));
    return x.map((v, i) => ((Math.exp(v) * (S - Math.exp(v))) / (S * S)) * dy[i]);
  },
  /** Uses e^x where e^(−x) belongs, and the diagonal only. */
  softminBackward: (x: number[], dy: number[]) => {
    const S = sum(x.map((v) => Math.exp(-v)));
    return x.map((v, i) => (-(Math.exp(v) * (S - Math.exp(v))) / (S * S)) * dy[i]);
  },
  logSoftmax: (x: number[]) => x.map((v) => Math.log(Math.exp(v) / sum(x.map(Math.exp)))),
  logSoftmaxBackward: (x: number[], dy: number[]) => {
    const S = sum(x.map(Math.exp));
    return x.map((v, i) => ((S - Math.exp(v)) / S) * dy[i]);
  },
  logSigmoid: (x: number) => -Math.log(1 + Math.exp(-x)),
  tanhExpSlope: (x: number) => {
    const t = Math.tanh(Math.exp(x));
    return t - x * Math.exp(x) * (t * t - 1);
  },
  mishSlope: (x: number) => {
    const omega = 4 * (x + 1) + 4 * Math.exp(2 * x) + Math.exp(3 * x) + (4 * x + 6) * Math.exp(x);
    const delta = 2 * Math.exp(x) + Math.exp(2 * x) + 2;
    return (Math.exp(x) * omega) / (delta * delta);
  },
};

describe('activation defects of the reference, fixed', () => {
  it('softmax(1000) is finite (reference overflowed to NaN)', () => {
    assert.ok(Number.isNaN(reference.softmax([1000, 0])[0]));
    close(act('softmax').forward(f64([1000, 0])), [1, 0]); // e^-1000 underflows to 0
    // softmax([1000, 999]) = [σ(1), σ(−1)], σ(1) = 1/(1 + e^−1) = 0.7310585786300049
    close(act('softmax').forward(f64([1000, 999])), [0.7310585786300049, 0.2689414213699951]);
  });

  it('softmax normalises each row (sample) separately, not the whole batch', () => {
    const y = act('softmax').forward(f64([0, 0, 5, 5]), 2);
    close(y, [0.5, 0.5, 0.5, 0.5]);
    // Normalising over all four entries (the reference) gives 1/(2 + 2e^5) ≈ 0.0033 for the first row.
    assert.ok(Math.abs(reference.softmax([0, 0, 5, 5])[0] - 0.5) > 0.4);
  });

  it('softmax backward is the full VJP y·(g − Σgy), not the Jacobian diagonal', () => {
    // x = [0, ln 2, ln 3] → y = [1/6, 1/3, 1/2]; g = [1, 0, 0] → Σgy = 1/6;
    // dx = y·(g − 1/6) = [5/36, −1/18, −1/12]. The diagonal-only answer is [5/36, 0, 0].
    const x = [0, Math.LN2, Math.log(3)];
    const s = act('softmax');
    const y = s.forward(f64(x));
    const dx = s.backward(f64(x), y, f64([1, 0, 0]));
    close(dx, [5 / 36, -1 / 18, -1 / 12]);
    const diag = reference.softmaxBackward(x, [1, 0, 0]);
    assert.ok(Math.abs(diag[1] - dx[1]) > 0.05, 'the diagonal-only answer differs');
    assert.ok(Math.abs(sum(dx)) < 1e-15, 'softmax is shift-invariant, so Σ dx = 0');
  });

  it('softmin is softmax(−x) and its backward is −y·(g − Σgy) (reference used e^x, diagonal only)', () => {
    // x = [0, ln 2, ln 3] → e^(−x) = [1, 1/2, 1/3], Σ = 11/6 → y = [6/11, 3/11, 2/11].
    // g = [1, 0, 0]: Σgy = 6/11; dx = −y·(g − 6/11) = [−30/121, 18/121, 12/121].
    const x = [0, Math.LN2, Math.log(3)];
    const s = act('softmin');
    const y = s.forward(f64(x));
    close(y, [6 / 11, 3 / 11, 2 / 11]);
    const dx = s.backward(f64(x), y, f64([1, 0, 0]));
    close(dx, [-30 / 121, 18 / 121, 12 / 121]);
    assert.ok(Math.abs(reference.softminBackward(x, [1, 0, 0])[1] - dx[1]) > 0.1);
    // With g = [0, 1, 0] the reference's e^x form gives −e^(ln 2)(S − e^(ln 2))/S² = +12/121 at index 1;
    // the right answer is −y₁(1 − y₁) = −(3/11)(8/11) = −24/121.
    close(s.backward(f64(x), y, f64([0, 1, 0])), [18 / 121, -24 / 121, 6 / 121]);
    assert.ok(Math.abs(reference.softminBackward(x, [0, 1, 0])[1] - -24 / 121) > 0.2);
    close(s.forward(f64([1000, 0])), [0, 1]); // and no overflow
  });

  it('log-softmax(1000) is finite: x − logsumexp(x) (reference overflowed to NaN)', () => {
    assert.ok(Number.isNaN(reference.logSoftmax([1000, 0])[0]));
    close(act('log-softmax').forward(f64([1000, 0])), [0, -1000]);
    close(act('log-softmax').forward(f64([0, 0, 5, 5]), 2), [-Math.LN2, -Math.LN2, -Math.LN2, -Math.LN2]);
  });

  it('log-softmax backward is the full VJP g − softmax(x)·Σg, not a diagonal', () => {
    // x = [0, 0]: softmax = [½, ½]; g = [1, 0]: dx = [1 − ½, 0 − ½] = [½, −½]; reference: [½, 0].
    const l = act('log-softmax');
    const y = l.forward(f64([0, 0]));
    const dx = l.backward(f64([0, 0]), y, f64([1, 0]));
    close(dx, [0.5, -0.5]);
    assert.deepEqual(reference.logSoftmaxBackward([0, 0], [1, 0]), [0.5, 0]);
  });

  it('log-sigmoid(−1000) is finite ≈ −1000 (reference: −log(1 + e^1000) = −∞)', () => {
    assert.equal(reference.logSigmoid(-1000), -Infinity);
    const l = act('log-sigmoid');
    const x = f64([-1000, 1000]);
    const y = l.forward(x);
    close(y, [-1000, 0]); // −(1000 + log1p(e^−1000)) and −log1p(e^−1000)
    close(l.backward(x, y, f64([1, 1])), [1, 0]); // σ(−x)
  });

  it("tanhExp'(1000) is finite ≈ 1 (reference: 1000·e^1000·(tanh² − 1) = inf·0 = NaN)", () => {
    assert.ok(Number.isNaN(reference.tanhExpSlope(1000)));
    const t = act('tanhExp');
    const x = f64([1000, 710, 20]);
    const slope = t.backward(x, t.forward(x), f64([1, 1, 1]));
    close(slope, [1, 1, 1]); // tanh(eˣ) = 1 and x·eˣ·sech²(eˣ) < 1e-300 here
    const d2 = t.d2y!(x);
    close(d2, [0, 0, 0]);
  });

  it("Mish'(300) and Mish''(300) are finite (reference: e^(3x) overflows to NaN past x ≈ 236)", () => {
    assert.ok(Number.isNaN(reference.mishSlope(300)));
    const m = act('Mish');
    const x = f64([300, 1000]);
    close(m.backward(x, m.forward(x), f64([1, 1])), [1, 1]);
    const d2 = m.d2y!(x);
    // Mish''(x) ≈ sech²(x)·(2 − 2x) ≈ 4e^(−2x)·(2 − 2x): about −6e-258 at 300, 0 at 1000.
    for (const v of d2) assert.ok(Number.isFinite(v) && Math.abs(v) < 1e-250, String(v));
    assert.ok(d2[0] < 0);
  });

  it('threshold can be created by name alone (reference required threshold and value)', () => {
    const t = activationRegistry.create('threshold');
    close(t.forward(f64([-1, 0, 2])), [0, 0, 2]); // defaults threshold = 0, value = 0
    assert.deepEqual(activationRegistry.resolveParams('threshold'), { threshold: 0, value: 0 });
  });

  it('an unknown name is an NnError suggesting the right spelling ("relu" → "ReLU")', () => {
    assert.throws(
      () => activationRegistry.create('relu'),
      (e: unknown) => e instanceof NnError && /ReLU/.test(e.message) && e.problems[0].suggestion === 'ReLU',
    );
  });
});
