/**
 * Snapshots computed in the worker: histograms count every finite value in the right bin, and the
 * decision surface of a trained 2-D classifier agrees with the model and with the data.
 */
import { strict as assert } from 'assert';
import { prepareRun } from '../../../src/core/config/load';
import { train } from '../../../src/core/train/trainer';
import { decisionSurface, histogram, sampleIndices, takeSnapshot } from '../../../src/node/worker/network-snapshot';

describe('network snapshots', () => {
  it('histogram: every finite value in its bin [min + i·w, min + (i+1)·w), max in the last', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, NaN, Infinity], 4);
    assert.deepEqual({ min: h.min, max: h.max }, { min: 0, max: 1 });
    assert.deepEqual(h.counts, [2, 0, 1, 2]);
    const one = histogram([3, 3, 3], 5);
    assert.equal(
      one.counts.reduce((a, b) => a + b, 0),
      3,
    );
    const w = (one.max - one.min) / 5;
    const bin = one.counts.findIndex((c) => c === 3);
    assert.ok(one.min + bin * w <= 3 && 3 < one.min + (bin + 1) * w, 'the single value lies inside its bin');
    assert.deepEqual(histogram([], 3).counts, [0, 0, 0]);
  });

  it('sampleIndices spreads at most `limit` distinct indices over n', () => {
    assert.deepEqual(sampleIndices(3, 5), [0, 1, 2]);
    const s = sampleIndices(1000, 256);
    assert.equal(s.length, 256);
    assert.equal(new Set(s).size, 256);
    assert.ok(s[255] > 990);
  });

  it('a trained XOR classifier: surface matches the model and classifies most points right', () => {
    const prepared = prepareRun({
      data: { generator: 'xor', samples: 200, noise: 0 },
      layers: [
        { units: 8, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'Binary',
      optimizer: { name: 'Adam', alpha: 0.03 },
      training: { epochs: 150, batchSize: 20, seed: 1 },
    });
    assert.ok(prepared.config && prepared.data);
    const { model } = train(prepared.config, prepared.data);
    const s = decisionSurface(model, prepared.data, 20);
    assert.ok(s);
    assert.equal(s.values.length, 400);
    assert.equal(s.classes, 2);
    assert.ok(s.points.length === 200 && s.points.every((p) => p.c === 0 || p.c === 1));
    // Row 0 is the top: cell (row, col) centre is (xMin + (col+.5)/size·dx, yMax − (row+.5)/size·dy).
    const row = 3,
      col = 15;
    const cx = s.xMin + ((col + 0.5) / 20) * (s.xMax - s.xMin),
      cy = s.yMax - ((row + 0.5) / 20) * (s.yMax - s.yMin);
    assert.ok(Math.abs(model.predict(new Float64Array([cx, cy]), 1)[0] - s.values[row * 20 + col]) < 1e-12);
    // The nearest cell to each point predicts its class for most points.
    let right = 0;
    for (const p of s.points) {
      const c = Math.min(19, Math.floor(((p.x - s.xMin) / (s.xMax - s.xMin)) * 20));
      const r = Math.min(19, Math.floor(((s.yMax - p.y) / (s.yMax - s.yMin)) * 20));
      if ((s.values[r * 20 + c] >= 0.5 ? 1 : 0) === p.c) right++;
    }
    assert.ok(right / s.points.length > 0.85, `surface agrees with ${right} of ${s.points.length} points`);
    const snap = takeSnapshot(model, prepared.data, 150);
    assert.equal(snap.layers.length, 2);
    assert.match(snap.layers[0].label, /tanh/);
    assert.equal(
      snap.layers[0].activations.counts.reduce((a, b) => a + b, 0),
      200 * 8,
      'every activation of the sampled rows',
    );
    assert.equal(
      snap.layers[1].weights.counts.reduce((a, b) => a + b, 0),
      8,
    );
    assert.ok(snap.surface);
  });

  it('no surface for regression or inputs other than 2', () => {
    const prepared = prepareRun({
      data: { generator: 'sine', samples: 30 },
      layers: [{ units: 4, activation: 'tanh' }, { units: 1 }],
      training: { epochs: 1 },
    });
    assert.ok(prepared.config && prepared.data);
    const { model } = train(prepared.config, prepared.data);
    assert.equal(decisionSurface(model, prepared.data), undefined);
    assert.equal(takeSnapshot(model, prepared.data, 1).surface, undefined);
  });
});
