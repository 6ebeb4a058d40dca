import { strict as assert } from 'assert';
import { divergenceMessage, firstRunaway, learningRateOf, lossExploded } from '../../src/core/train/divergence';
import { prepareRun } from '../../src/core/config/load';
import { train } from '../../src/core/train/trainer';
import { gatherRows, splitSamples } from '../../src/core/train/split';
import { Rng } from '../../src/core/rng';

describe('trainer helpers', () => {
  it("words the divergence message with the optimizer's learning-rate parameter and a tenth of it", () => {
    assert.equal(
      divergenceMessage(12, 'loss became NaN', { name: 'Adam', params: { alpha: 0.5 } }),
      'Training diverged at epoch 12 (loss became NaN). Try a smaller learning rate (Adam.alpha is 0.5; try 0.05).',
    );
    // Defaults are filled in when the config gives none (Adam's α is 0.001); the "SDG" alias resolves to SGD (η 0.01).
    assert.deepEqual(learningRateOf({ name: 'Adam', params: {} }), { optimizer: 'Adam', param: 'alpha', value: 0.001, default: 0.001 });
    assert.deepEqual(learningRateOf({ name: 'SDG', params: {} }), { optimizer: 'SGD', param: 'eta', value: 0.01, default: 0.01 });
    assert.match(
      divergenceMessage(3, 'a weight became Infinity', { name: 'RMSprop', params: { eta: 0.03 } }),
      /epoch 3 .*RMSprop\.eta is 0\.03; try 0\.003\)\.$/,
    );
    // AdaDelta has no learning rate: the advice stays general.
    assert.equal(learningRateOf({ name: 'AdaDelta', params: {} }), undefined);
    assert.match(
      divergenceMessage(2, 'loss became NaN', { name: 'AdaDelta', params: {} }),
      /^Training diverged at epoch 2 \(loss became NaN\)\. Try a smaller learning rate or other optimizer settings/,
    );
  });

  it('splits by a seeded permutation: disjoint, complete, reproducible', () => {
    const a = splitSamples(10, 0.3, new Rng(1));
    assert.equal(a.train.length, 7);
    assert.equal(a.validation.length, 3);
    assert.deepEqual(
      [...a.train, ...a.validation].sort((p, q) => p - q),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.deepEqual(splitSamples(10, 0.3, new Rng(1)), a);
    assert.notDeepEqual(splitSamples(10, 0.3, new Rng(2)).validation, a.validation);
    // Without a validation split the order is left alone (and no random number is drawn).
    assert.deepEqual(Array.from(splitSamples(4, 0, new Rng(1)).train), [0, 1, 2, 3]);
  });

  it('gathers rows into a contiguous batch', () => {
    const src = Float64Array.of(0, 1, 10, 11, 20, 21, 30, 31); // 4 rows × 2 cols
    const out = new Float64Array(4);
    gatherRows(src, 2, Uint32Array.of(3, 0, 2), 1, 2, out); // rows 0 and 2
    assert.deepEqual(Array.from(out), [0, 1, 20, 21]);
  });
});

describe('divergence rules', () => {
  it("counts an epoch loss past 1e6 × the first epoch's as divergence, and NaN or Infinity always", () => {
    assert.equal(lossExploded(1e5, 0.5), false);
    assert.equal(lossExploded(6e5, 0.5), true);
    assert.equal(lossExploded(NaN, 0.5), true);
    assert.equal(lossExploded(Infinity, 0.5), true);
    assert.equal(lossExploded(0.5, 0), false, 'a perfect first epoch is counted as 1e-6');
  });

  it('finds a weight beyond ±1e12 or NaN', () => {
    assert.equal(firstRunaway([Float64Array.of(1e11, -1e11)]), undefined);
    assert.equal(firstRunaway([Float64Array.of(1), Float64Array.of(-2e12)]), -2e12);
    assert.ok(Number.isNaN(firstRunaway([Float64Array.of(NaN)])));
  });

  it('names eps when it is 0, and suggests the default for an absurd learning rate', () => {
    assert.match(divergenceMessage(1, 'loss became NaN', { name: 'Adam', params: { alpha: 0.001, eps: 0 } }), /Adam\.eps is 0/);
    assert.match(divergenceMessage(1, 'a weight reached 1e+300', { name: 'SGD', params: { eta: 1e300 } }), /SGD\.eta is 1e\+300; try its default 0\.01/);
  });

  it('a learning rate of 1e300 diverges at epoch 1 instead of completing', () => {
    const run = prepareRun({
      data: { generator: 'sine', samples: 40 },
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'tanh' },
      ],
      optimizer: { name: 'SGD', eta: 1e300 },
      training: { epochs: 5 },
    });
    assert.ok(run.config && run.data);
    const result = train(run.config, run.data);
    assert.equal(result.status, 'diverged');
    assert.match(result.message ?? '', /^Training diverged at epoch 1 /);
  });
});
