/**
 * One test per known defect of the reference losses (known-defects.md), with hand-worked values.
 * Convention under test: batch loss = mean over samples of the per-sample loss summed over that
 * sample's outputs; gradients carry the 1/rows factor.
 */
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { lossRegistry } from '../../src/core/losses';
import { f64 } from './activations.helpers';

const loss = (name: string) => lossRegistry.create(name);
const grad = (name: string, y: number[], t: number[], rows: number, cols: number): number[] => {
  const out = new Float64Array(y.length);
  loss(name).backwardInto(f64(y), f64(t), out, rows, cols);
  return Array.from(out);
};
const logitGrad = (name: string, y: Float64Array, t: number[], rows: number, cols: number): number[] => {
  const out = new Float64Array(y.length);
  loss(name).logitGradInto!(y, f64(t), out, rows, cols);
  return Array.from(out);
};
const allFinite = (a: number[]): boolean => a.every(Number.isFinite);

describe('loss defects of the reference, fixed', () => {
  it('Square backward is y − t (the first reference listing returned t − t = 0)', () => {
    assert.deepEqual(grad('Square', [3, -1], [1, 1], 1, 2), [2, -2]);
    assert.deepEqual(grad('Square', [3, -1], [1, 1], 2, 1), [1, -1]); // two samples: (y − t)/2
  });

  it('Binary at y ∈ {0, 1} is finite (reference: log 0 = −∞ and (y − t)/(y(1 − y)) = ±∞)', () => {
    // Logs are clamped at −100: −1·log 0 − 0 → 100, and −0 − 1·log(1 − 1) → 100.
    assert.equal(loss('Binary').forward(f64([0, 1]), f64([1, 0]), 1, 2), 200);
    const g = grad('Binary', [0, 1], [1, 0], 1, 2);
    assert.ok(allFinite(g));
    assert.deepEqual(g, [-1e12, 1e12]); // (y − t)/max(y(1 − y), 1e-12)
  });

  it('Binary fused with sigmoid: logits ±1000 give a finite loss, and the logit gradient is exactly y − t', () => {
    // max(z, 0) − t·z + log1p(e^−|z|): z = 1000, t = 0 → 1000; z = −1000, t = 1 → 1000.
    assert.equal(loss('Binary').forwardFromLogits!(f64([1000, -1000]), f64([0, 1]), 1, 2), 2000);
    assert.equal(loss('Binary').forwardFromLogits!(f64([1000, -1000]), f64([1, 0]), 1, 2), 0);
    const z = f64([1000, -1000, 0.3, -2]);
    const t = [0, 1, 1, 0.25];
    const y = activationRegistry.create('sigmoid').forward(z);
    assert.deepEqual(
      logitGrad('Binary', y, t, 1, 4),
      Array.from(y, (v, i) => v - t[i]),
    );
    assert.deepEqual(logitGrad('Binary', y, t, 1, 4).slice(0, 2), [1, -1]);
  });

  it('Cross at saturation is finite (reference: log 0 and −t/y with y = 0)', () => {
    assert.equal(loss('Cross').forward(f64([0, 1]), f64([1, 0]), 1, 2), 100);
    assert.ok(allFinite(grad('Cross', [0, 1], [1, 0], 1, 2)));
  });

  it('Cross fused with softmax: logits ±1000 give a finite loss, and the logit gradient is exactly y − t', () => {
    // logsumexp(−1000, 1000) = 1000, so the loss is 1·(1000 − (−1000)) = 2000.
    assert.equal(loss('Cross').forwardFromLogits!(f64([-1000, 1000]), f64([1, 0]), 1, 2), 2000);
    const z = f64([-1000, 1000, 3, 1, 0.5, -2]);
    const t = [1, 0, 0, 0, 0, 1];
    const y = activationRegistry.create('softmax').forward(z, 3);
    const g = logitGrad('Cross', y, t, 2, 3);
    assert.deepEqual(
      g,
      Array.from(y, (v, i) => (v - t[i]) / 2),
    );
    assert.deepEqual(g.slice(0, 2), [-0.5, 0.5]);
  });

  it('Cross is a mean over samples: a 3-class loss is not divided by 3 (reference total_error was)', () => {
    // One sample, y = [0.2, 0.3, 0.5], class 2: −ln 0.5 = 0.6931471805599453 (reference: that / 3).
    assert.equal(loss('Cross').forward(f64([0.2, 0.3, 0.5]), f64([0, 0, 1]), 1, 3), Math.LN2);
    // Two samples: (−ln 0.5 − ln 0.25)/2 = (ln 2 + 2 ln 2)/2 = 1.5 ln 2.
    const two = loss('Cross').forward(f64([0.2, 0.3, 0.5, 0.25, 0.7, 0.05]), f64([0, 0, 1, 1, 0, 0]), 2, 3);
    assert.ok(Math.abs(two - 1.5 * Math.LN2) < 1e-15);
    // From logits z = [0, 0, 0]: ln 3 = 1.0986122886681098.
    assert.ok(Math.abs(loss('Cross').forwardFromLogits!(f64([0, 0, 0]), f64([1, 0, 0]), 1, 3) - 1.0986122886681098) < 1e-15);
  });

  it('Square is a mean over samples of the per-sample sum: ½(1 + 4 + 9 + 16)/2 = 7.5 (reference: 3.75)', () => {
    assert.equal(loss('Square').forward(f64([1, 2, 3, 4]), f64([0, 0, 0, 0]), 2, 2), 7.5);
  });
});
