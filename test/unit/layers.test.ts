import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { DenseLayer } from '../../src/core/layers/dense';
import { initialize } from '../../src/core/layers/init';
import { Rng } from '../../src/core/rng';
import { assertGradClose, dot, numericGradient, randomArray } from './layers-gradcheck';

/** Scalar loss L = Σ r·layer(x) and its analytic gradients from one forward + backward. */
function checkDenseGradients(activation: string, params: Record<string, number>, seed: number, avoidKinks = false): void {
  const rng = new Rng(seed);
  const n = 5,
    inputs = 4,
    units = 3;
  const layer = new DenseLayer(inputs, units, activationRegistry.create(activation, params));
  initialize(layer.w, layer.b, 'normal', inputs, units, rng, 0.7);
  const x = randomArray(rng, n * inputs, -2, 2);
  const r = randomArray(rng, n * units);
  const loss = (): number => dot(r, layer.forward(x, n));

  loss();
  if (avoidKinks) {
    const z = layer.preActivation;
    for (let i = 0; i < z.length; i++) assert.ok(Math.abs(z[i]) > 1e-3, `z[${i}] = ${z[i]} too close to the kink for a finite-difference check`);
  }
  const dx = Float64Array.from(layer.backward(r));
  const dw = Float64Array.from(layer.dw),
    db = Float64Array.from(layer.db);

  assertGradClose(dw, numericGradient(layer.w, loss), `${activation} dW`);
  assertGradClose(db, numericGradient(layer.b, loss), `${activation} db`);
  assertGradClose(dx, numericGradient(x, loss), `${activation} dx`);
}

describe('DenseLayer', () => {
  const cases: [string, Record<string, number>, boolean][] = [
    ['identity', {}, false],
    ['tanh', {}, false],
    ['sigmoid', {}, false],
    ['ReLU', {}, true],
    ['leaky-ReLU', { alpha: 0.1 }, true],
    ['ELU', {}, true],
    ['Swish', {}, false],
    ['softmax', {}, false],
    ['log-softmax', {}, false],
  ];
  for (const [name, params, kinks] of cases) {
    it(`dW, db and dx match central finite differences with ${name}${kinks ? ' (away from kinks)' : ''}`, () => {
      checkDenseGradients(name, params, 100 + name.length, kinks);
    });
  }

  it('computes z = x·W + b and y = act(z) for a hand-worked 1×2 → 2 case', () => {
    const layer = new DenseLayer(2, 2, activationRegistry.create('ReLU'));
    layer.w.set([1, -1, 2, 0.5]); // W = [[1, −1], [2, 0.5]]
    layer.b.set([0.5, -3]);
    // x = [1, 2]: z = [1 + 4 + 0.5, −1 + 1 − 3] = [5.5, −3] → ReLU → [5.5, 0]
    assert.deepEqual(Array.from(layer.forward(Float64Array.of(1, 2), 1)), [5.5, 0]);
    assert.deepEqual(Array.from(layer.preActivation), [5.5, -3]);
  });

  it('reuses its buffers across batches and gives the same rows whatever the batch size', () => {
    const rng = new Rng(5);
    const layer = new DenseLayer(3, 4, activationRegistry.create('tanh'));
    initialize(layer.w, layer.b, 'xavier', 3, 4, rng);
    const x = randomArray(rng, 6 * 3);
    const full = layer.forward(x, 6);
    const fullCopy = Array.from(full);
    const part = layer.forward(x.subarray(0, 2 * 3), 2);
    assert.equal(part.length, 2 * 4);
    assert.deepEqual(Array.from(part), fullCopy.slice(0, 8));
    assert.equal(part.buffer, full.buffer, 'a smaller batch reuses the same storage');
    const again = layer.forward(x, 6);
    assert.equal(again.buffer, full.buffer, 'returning to the larger batch reuses the storage too');
    assert.deepEqual(Array.from(again), fullCopy);
  });

  it('skips the input gradient when propagateDown is false but still fills dW and db', () => {
    const rng = new Rng(8);
    const layer = new DenseLayer(2, 2, activationRegistry.create('tanh'));
    initialize(layer.w, layer.b, 'normal', 2, 2, rng, 0.5);
    layer.propagateDown = false;
    layer.forward(randomArray(rng, 4), 2);
    const dx = layer.backward(Float64Array.of(1, 1, 1, 1));
    assert.equal(dx.length, 0);
    assert.ok(layer.dw.some((v) => v !== 0) && layer.db.some((v) => v !== 0));
  });

  it('lists params and grads as [W, b] with matching shapes', () => {
    const layer = new DenseLayer(3, 2, activationRegistry.create('identity'));
    assert.deepEqual(
      layer.params().map((p) => p.length),
      [6, 2],
    );
    assert.deepEqual(
      layer.grads().map((p) => p.length),
      [6, 2],
    );
    assert.equal(layer.params()[0], layer.w);
    assert.equal(layer.grads()[1], layer.db);
    assert.deepEqual(layer.shape(), { type: 'dense', inputs: 3, units: 2, activation: 'identity' });
  });
});
