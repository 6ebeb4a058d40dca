import { strict as assert } from 'assert';
import type { ResolvedLayer } from '../../src/core/config/resolved';
import { Sequential } from '../../src/core/model/sequential';
import { NnError } from '../../src/core/problems';
import { Rng } from '../../src/core/rng';
import { assertGradClose, numericGradient, randomArray } from './layers-gradcheck';
import { dense, maxout, resolvedConfig } from './model-fixtures';

/** Random targets: 0/1 for one column, one-hot rows for several (classification), else uniform. */
function targets(rng: Rng, n: number, cols: number, kind: 'binary' | 'onehot' | 'real'): Float64Array {
  const t = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    if (kind === 'onehot') t[i * cols + rng.int(cols)] = 1;
    else for (let j = 0; j < cols; j++) t[i * cols + j] = kind === 'binary' ? rng.int(2) : 2 * rng.uniform() - 1;
  }
  return t;
}

/** Checks every parameter gradient of a model against central differences of its loss. */
function checkModelGradients(layers: ResolvedLayer[], loss: string, kind: 'binary' | 'onehot' | 'real', expectFused: boolean): void {
  const rng = new Rng(77);
  const inputs = 3,
    n = 7;
  const model = Sequential.build(resolvedConfig(inputs, layers, loss), rng);
  assert.equal(model.fused, expectFused);
  // Larger weights than the default scale so every layer is exercised away from linearity.
  for (const p of model.params()) for (let i = 0; i < p.length; i++) p[i] = 0.8 * (2 * rng.uniform() - 1);
  const x = randomArray(rng, n * inputs, -2, 2);
  const t = targets(rng, n, model.outputs, kind);
  model.lossAndGradients(x, t, n);
  const analytic = model.grads().map((g) => Float64Array.from(g));
  const f = (): number => model.evaluate(x, t, n).loss;
  model.params().forEach((p, i) => assertGradClose(analytic[i], numericGradient(p, f), `${loss} param ${i}`));
}

describe('Sequential', () => {
  it('back-propagates the exact gradient of every parameter: fused sigmoid + Binary (with a maxout layer)', () => {
    checkModelGradients([dense(4, 'tanh'), maxout(3, 2), dense(1, 'sigmoid')], 'Binary', 'binary', true);
  });

  it('back-propagates the exact gradient: fused softmax + Cross', () => {
    checkModelGradients([dense(5, 'Swish'), maxout(4, 3), dense(3, 'softmax')], 'Cross', 'onehot', true);
  });

  it('back-propagates the exact gradient: Square after identity, and Square after softmax (unfused VJP)', () => {
    checkModelGradients([dense(4, 'tanh'), dense(2, 'identity')], 'Square', 'real', false);
    checkModelGradients([dense(4, 'sigmoid'), dense(3, 'softmax')], 'Square', 'onehot', false);
  });

  it('keeps the fused Binary loss and its gradient finite on saturated logits z = ±1000', () => {
    const model = Sequential.build(resolvedConfig(1, [dense(1, 'sigmoid')], 'Binary'), new Rng(1));
    const [w, b] = model.params();
    w[0] = 1000;
    b[0] = 0;
    // x = [1, −1], t = [0, 1]: both samples are confidently wrong. Per sample
    // L = max(z, 0) − t·z + log1p(e^−|z|) = 1000 + log1p(e^−1000) = 1000, so the mean is 1000.
    // (Through y = σ(z) = 1 exactly, log(1 − y) would be −∞.)
    const loss = model.lossAndGradients(Float64Array.of(1, -1), Float64Array.of(0, 1), 2);
    assert.equal(loss, 1000);
    // dL/dz = (y − t)/n = [1/2, −1/2]; dW = Σ x·dz = 1/2 + 1/2 = 1; db = 0.
    const [dw, db] = model.grads();
    assert.equal(dw[0], 1);
    assert.equal(db[0], 0);
  });

  it('keeps the fused Cross loss finite on saturated softmax logits', () => {
    const model = Sequential.build(resolvedConfig(1, [dense(2, 'softmax')], 'Cross'), new Rng(1));
    const [w, b] = model.params();
    w.set([1000, -1000]);
    b.fill(0);
    // x = 1: z = [1000, −1000], softmax = [1, e^−2000 = 0]; target class 1:
    // L = logsumexp(z) − z₁ = 1000 − (−1000) = 2000, and dL/dz = y − t = [1, −1].
    const loss = model.lossAndGradients(Float64Array.of(1), Float64Array.of(0, 1), 1);
    assert.equal(loss, 2000);
    assert.deepEqual(Array.from(model.grads()[0]), [1, -1]);
  });

  it('round-trips its weights through JSON text with identical predictions', () => {
    const config = resolvedConfig(2, [dense(5, 'ELU', 'he'), maxout(3, 2), dense(2, 'softmax')], 'Cross');
    const model = Sequential.build(config, new Rng(3));
    const x = randomArray(new Rng(4), 6 * 2);
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = Sequential.fromJSON(config, json);
    assert.deepEqual(loaded.predict(x, 6), model.predict(x, 6));
    assert.deepEqual(
      json.layers.map((l: { type: string; units: number }) => [l.type, l.units]),
      [
        ['dense', 5],
        ['maxout', 3],
        ['dense', 2],
      ],
    );
    assert.equal(json.layers[1].w.length, 5 * 3 * 2);
  });

  it('refuses saved weights whose shape differs from the description', () => {
    const config = resolvedConfig(2, [dense(3, 'tanh'), dense(1, 'sigmoid')], 'Binary');
    const json = Sequential.build(config, new Rng(1)).toJSON();
    const other = resolvedConfig(2, [dense(4, 'tanh'), dense(1, 'sigmoid')], 'Binary');
    assert.throws(
      () => Sequential.fromJSON(other, json),
      (e: unknown) => e instanceof NnError && /layer 1 has shape 2→3/.test(e.message),
    );
    const truncated = { ...json, layers: [json.layers[0]] };
    assert.throws(() => Sequential.fromJSON(config, truncated), /1 layers, the description has 2/);
  });

  it('counts parameters and draws the same weights for the same seed', () => {
    const config = resolvedConfig(4, [dense(8, 'ReLU', 'he'), maxout(3, 2), dense(1, 'sigmoid')], 'Binary');
    const a = Sequential.build(config, new Rng(9)),
      b = Sequential.build(config, new Rng(9)),
      c = Sequential.build(config, new Rng(10));
    // 4·8 + 8, then 8·6 + 6, then 3·1 + 1 = 40 + 54 + 4 = 98
    assert.equal(a.paramCount, 98);
    assert.deepEqual(a.params(), b.params());
    assert.notDeepEqual(a.params(), c.params());
  });

  it('evaluates accuracy by threshold 0.5 for one output and by arg-max for several', () => {
    const one = Sequential.build(resolvedConfig(1, [dense(1, 'sigmoid')], 'Binary'), new Rng(1));
    one.params()[0][0] = 1;
    one.params()[1][0] = 0;
    // x = [2, −1, 0.5, −3] → y = σ(x) ≥ 0.5 for x ≥ 0: predictions [1, 0, 1, 0] vs targets [1, 1, 1, 0] → 3/4.
    assert.equal(one.evaluate(Float64Array.of(2, -1, 0.5, -3), Float64Array.of(1, 1, 1, 0), 4).accuracy, 0.75);
    const three = Sequential.build(resolvedConfig(1, [dense(3, 'softmax')], 'Cross'), new Rng(1));
    three.params()[0].set([1, 0, -1]);
    three.params()[1].fill(0);
    // x = 1 → z = [1, 0, −1] → class 0; x = −1 → class 2. Targets: class 0 and class 1 → 1/2.
    assert.equal(three.evaluate(Float64Array.of(1, -1), Float64Array.of(1, 0, 0, 0, 1, 0), 2).accuracy, 0.5);
    const reg = Sequential.build(resolvedConfig(1, [dense(1, 'identity')], 'Square'), new Rng(1));
    assert.equal(reg.evaluate(Float64Array.of(1), Float64Array.of(0), 1).accuracy, undefined);
  });

  it('returns a copy of every layer output for histograms', () => {
    const model = Sequential.build(resolvedConfig(2, [dense(4, 'ReLU', 'he'), dense(3, 'softmax')], 'Cross'), new Rng(2));
    const x = randomArray(new Rng(5), 5 * 2);
    const outs = model.layerOutputs(x, 5);
    assert.deepEqual(
      outs.map((o) => o.length),
      [20, 15],
    );
    assert.ok(
      outs[0].every((v) => v >= 0),
      'ReLU outputs are non-negative',
    );
    assert.deepEqual(outs[1], model.predict(x, 5));
  });

  it('names an unknown activation with its path', () => {
    assert.throws(
      () => Sequential.build(resolvedConfig(2, [dense(4, 'relu')], 'Square'), new Rng(1)),
      (e: unknown) => e instanceof NnError && e.problems[0].path.join('.') === 'layers.0.activation' && /ReLU/.test(e.message),
    );
  });
});
