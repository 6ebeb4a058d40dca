import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { DenseLayer } from '../../src/core/layers/dense';
import { initialize } from '../../src/core/layers/init';
import { MaxoutLayer } from '../../src/core/layers/maxout';
import { Rng } from '../../src/core/rng';
import { assertGradClose, dot, numericGradient, randomArray } from './layers-gradcheck';

describe('MaxoutLayer (fixes the reference maxout: batch forward, real backward)', () => {
  for (const pieces of [2, 3]) {
    it(`dW, db and dx match central finite differences with ${pieces} pieces on a batch`, () => {
      const rng = new Rng(40 + pieces);
      const n = 6,
        inputs = 4,
        units = 3;
      const layer = new MaxoutLayer(inputs, units, pieces);
      initialize(layer.w, layer.b, 'normal', inputs, units * pieces, rng, 0.8);
      const x = randomArray(rng, n * inputs, -2, 2);
      const r = randomArray(rng, n * units);
      const loss = (): number => dot(r, layer.forward(x, n));
      loss();
      const dx = Float64Array.from(layer.backward(r));
      const dw = Float64Array.from(layer.dw),
        db = Float64Array.from(layer.db);
      assertGradClose(dw, numericGradient(layer.w, loss), 'maxout dW');
      assertGradClose(db, numericGradient(layer.b, loss), 'maxout db');
      assertGradClose(dx, numericGradient(x, loss), 'maxout dx');
      // Each (sample, unit) sends its gradient to exactly one piece: db sums to Σ r.
      let sumR = 0;
      for (const v of r) sumR += v;
      assert.ok(Math.abs(db.reduce((s, v) => s + v, 0) - sumR) < 1e-12);
    });
  }

  it('computes y_j = max_k z_{j,k} per sample for a hand-worked batch of two', () => {
    // inputs 1, units 2, pieces 2: columns [u0p0, u0p1, u1p0, u1p1], W = [1, −1, 2, 3], b = [0, 0, 1, 0].
    const layer = new MaxoutLayer(1, 2, 2);
    layer.w.set([1, -1, 2, 3]);
    layer.b.set([0, 0, 1, 0]);
    // x = 2: z = [2, −2, 5, 6] → y = [2, 6];  x = −1: z = [−1, 1, −1, −3] → y = [1, −1]
    assert.deepEqual(Array.from(layer.forward(Float64Array.of(2, -1), 2)), [2, 6, 1, -1]);
    // dy = [10, 20, 30, 40] goes to the winners: sample 0 → u0p0, u1p1; sample 1 → u0p1, u1p0.
    // dW_c = Σ_i x_i dz_ic: u0p0 = 2·10, u0p1 = −1·30, u1p0 = −1·40, u1p1 = 2·20; db = Σ_i dz_ic.
    const dx = layer.backward(Float64Array.of(10, 20, 30, 40));
    assert.deepEqual(Array.from(layer.dw), [20, -30, -40, 40]);
    assert.deepEqual(Array.from(layer.db), [10, 30, 40, 20]);
    // dx_i = Σ_c dz_ic W_c: sample 0 = 10·1 + 20·3 = 70; sample 1 = 30·(−1) + 40·2 = 50.
    assert.deepEqual(Array.from(dx), [70, 50]);
  });

  it('on a tie routes the gradient to the first maximal piece only', () => {
    // Pieces 0 and 1 of the single unit have identical weights, piece 2 is lower: z = [x, x, x − 5].
    const layer = new MaxoutLayer(2, 1, 3);
    layer.w.set([1, 1, 1, /* row 2 */ 2, 2, 2]);
    layer.b.set([0, 0, -5]);
    const x = Float64Array.of(0.5, 0.25); // z = [1, 1, −4]
    assert.deepEqual(Array.from(layer.forward(x, 1)), [1]);
    const dx = layer.backward(Float64Array.of(3));
    // Only piece 0 gets dy = 3: dW column 0 = x·3 = [1.5, 0.75], columns 1 and 2 zero.
    assert.deepEqual(Array.from(layer.dw), [1.5, 0, 0, 0.75, 0, 0]);
    assert.deepEqual(Array.from(layer.db), [3, 0, 0]);
    assert.deepEqual(Array.from(dx), [3, 6]);
  });

  it('forward over a batch equals sample-by-sample forward', () => {
    const rng = new Rng(9);
    const layer = new MaxoutLayer(3, 4, 3);
    initialize(layer.w, layer.b, 'he', 3, 12, rng);
    const x = randomArray(rng, 5 * 3);
    const batch = Array.from(layer.forward(x, 5));
    const single: number[] = [];
    for (let i = 0; i < 5; i++) single.push(...layer.forward(x.subarray(i * 3, i * 3 + 3), 1));
    assert.deepEqual(batch, single);
  });

  it('with one piece equals a dense identity layer with the same weights', () => {
    const rng = new Rng(12);
    const maxout = new MaxoutLayer(3, 2, 1);
    const dense = new DenseLayer(3, 2, activationRegistry.create('identity'));
    initialize(maxout.w, maxout.b, 'normal', 3, 2, rng, 0.5);
    dense.w.set(maxout.w);
    dense.b.set(maxout.b);
    const x = randomArray(rng, 4 * 3);
    assert.deepEqual(Array.from(maxout.forward(x, 4)), Array.from(dense.forward(x, 4)));
    const dy = randomArray(rng, 4 * 2);
    assert.deepEqual(Array.from(maxout.backward(dy)), Array.from(dense.backward(dy)));
    assert.deepEqual(Array.from(maxout.dw), Array.from(dense.dw));
  });

  it('has params [W, b] of shapes in×(units·pieces) and units·pieces, and rejects bad pieces', () => {
    const layer = new MaxoutLayer(5, 3, 4);
    assert.deepEqual(
      layer.params().map((p) => p.length),
      [60, 12],
    );
    assert.deepEqual(layer.shape(), { type: 'maxout', inputs: 5, units: 3, pieces: 4 });
    assert.equal(layer.outputs, 3);
    assert.throws(() => new MaxoutLayer(2, 2, 0), /pieces/);
    assert.throws(() => new MaxoutLayer(2, 2, 1.5), /pieces/);
  });
});
