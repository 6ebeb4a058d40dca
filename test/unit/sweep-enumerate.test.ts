import { strict as assert } from 'assert';
import { checkSweep } from '../../src/core/sweep/check-sweep';
import { enumerateSweep } from '../../src/core/sweep/enumerate';
import { combinationProblem, resolveCombination } from '../../src/core/sweep/resolve-combination';
import { aggregateRuns, bestResult, downsample, type SweepRunSummary } from '../../src/core/sweep/sweep-results';
import { bestConfigText } from '../../src/core/sweep/write-best';
import type { SweepSpec } from '../../src/core/sweep/sweep-types';
import { validateConfig } from '../../src/core/config/validate';
import { Rng } from '../../src/core/rng';

const base = (sweep: unknown): Record<string, unknown> => ({
  data: { generator: 'xor', samples: 40 },
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  optimizer: 'Adam',
  sweep,
});

/** `x` with every object and array in it frozen. */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function specOf(sweep: unknown): SweepSpec {
  const checked = checkSweep(base(sweep));
  assert.ok(checked.spec, JSON.stringify(checked.problems));
  return checked.spec;
}

describe('sweep enumeration: grid', () => {
  it('takes every combination, the last parameter changing fastest', () => {
    const spec = specOf({ parameters: { 'optimizer.alpha': { values: [0.1, 0.01] }, 'layers[0].units': { values: [2, 4, 8] } } });
    const combos = enumerateSweep(spec);
    assert.equal(combos.length, 6);
    assert.deepEqual(
      combos.map((c) => [c.index, c.values['optimizer.alpha'], c.values['layers[0].units']]),
      [
        [0, 0.1, 2],
        [1, 0.1, 4],
        [2, 0.1, 8],
        [3, 0.01, 2],
        [4, 0.01, 4],
        [5, 0.01, 8],
      ],
    );
  });

  it('counts the product of the value lists', () => {
    const spec = specOf({
      parameters: {
        'training.l2': { values: [0, 1, 2, 3, 4] },
        'training.epochs': { values: [1, 2, 3, 4, 5, 6, 7] },
        'training.shuffle': { values: [true, false] },
      },
    });
    assert.equal(enumerateSweep(spec).length, 70);
    assert.equal(new Set(enumerateSweep(spec).map((c) => JSON.stringify(c.values))).size, 70);
  });
});

describe('sweep enumeration: random', () => {
  const sweep = {
    method: 'random',
    runs: 200,
    seed: 7,
    parameters: {
      'optimizer.name': { values: ['Adam', 'SGD', 'RMSprop'] },
      'training.l2': { min: 1e-6, max: 1e-2, scale: 'log' },
      'training.batchSize': { min: 2, max: 6, integer: true },
      'layers[0].units': { min: 1, max: 1000, scale: 'log', integer: true },
      'training.validationSplit': { min: 0.1, max: 0.3 },
    },
  };

  it('draws runs combinations from the seed, the same ones every time', () => {
    const a = enumerateSweep(specOf(sweep));
    assert.equal(a.length, 200);
    assert.deepEqual(enumerateSweep(specOf(sweep)), a);
    assert.notDeepEqual(enumerateSweep(specOf({ ...sweep, seed: 8 })), a);
  });

  it('draws with the seeded generator, parameter by parameter in the order written', () => {
    const [first] = enumerateSweep(specOf(sweep));
    const rng = new Rng(7);
    const name = ['Adam', 'SGD', 'RMSprop'][rng.int(3)];
    const l2 = Math.exp(Math.log(1e-6) + rng.uniform() * (Math.log(1e-2) - Math.log(1e-6)));
    const batch = 2 + rng.int(5);
    const units = Math.round(Math.exp(rng.uniform() * Math.log(1000)));
    const split = 0.1 + rng.uniform() * 0.2;
    assert.deepEqual(first.values, {
      'optimizer.name': name,
      'training.l2': l2,
      'training.batchSize': batch,
      'layers[0].units': units,
      'training.validationSplit': split,
    });
  });

  it('keeps log-scale draws in bounds and spread evenly over the decades', () => {
    const draws = enumerateSweep(specOf(sweep)).map((c) => c.values['training.l2'] as number);
    assert.ok(draws.every((x) => x >= 1e-6 && x <= 1e-2));
    // Four decades, 200 draws: each decade gets a fair share (about 50).
    for (let d = -6; d < -2; d++) {
      const n = draws.filter((x) => x >= 10 ** d && x < 10 ** (d + 1)).length;
      assert.ok(n > 25 && n < 75, `decade 1e${d}: ${n}`);
    }
  });

  it('draws whole numbers within the bounds, every one of a small range', () => {
    const combos = enumerateSweep(specOf(sweep));
    const batches = combos.map((c) => c.values['training.batchSize'] as number);
    assert.ok(batches.every((x) => Number.isInteger(x) && x >= 2 && x <= 6));
    assert.deepEqual([...new Set(batches)].sort(), [2, 3, 4, 5, 6]);
    const units = combos.map((c) => c.values['layers[0].units'] as number);
    assert.ok(units.every((x) => Number.isInteger(x) && x >= 1 && x <= 1000));
    const splits = combos.map((c) => c.values['training.validationSplit'] as number);
    assert.ok(splits.every((x) => x >= 0.1 && x <= 0.3));
    const names = new Set(combos.map((c) => c.values['optimizer.name']));
    assert.equal(names.size, 3);
  });
});

describe('sweep combinations: resolving and checking', () => {
  const spec = specOf({ parameters: { 'optimizer.alpha': { values: [0.5] }, 'training.l2': { values: [0.001] }, 'layers[0].units': { values: [0, 3] } } });
  const config = base(spec);
  config.sweep = { parameters: {} };
  const [good, bad] = enumerateSweep(spec);

  it('fills the values into a copy, creates absent keys, turns a named optimizer into an object and drops the sweep block', () => {
    const resolved = resolveCombination(config, spec, bad);
    assert.deepEqual(resolved, {
      data: { generator: 'xor', samples: 40 },
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      optimizer: { name: 'Adam', alpha: 0.5 },
      training: { l2: 0.001 },
    });
    assert.equal(config.optimizer, 'Adam');
    assert.ok(config.sweep);
  });

  it('copies only what it writes: the config (frozen here) stays as it was and shares the rest', () => {
    const frozen: Record<string, unknown> = deepFreeze({
      ...base({ parameters: {} }),
      data: {
        inputs: [
          [0, 0],
          [1, 1],
        ],
        targets: [0, 1],
      },
      training: { epochs: 3 },
    });
    const resolved = resolveCombination(frozen, spec, bad, 1);
    assert.equal(resolved.data, frozen.data);
    assert.equal((resolved.layers as unknown[])[1], (frozen.layers as unknown[])[1]);
    assert.deepEqual(resolved.training, { epochs: 3, l2: 0.001, seed: 2 });
    assert.deepEqual(frozen.training, { epochs: 3 });
    // The checker reads a resolved config without changing it (a write to a frozen object would throw).
    assert.ok(!validateConfig(resolved).problems.some((p) => p.code === 'internal'));
  });

  it('gives repeat r the seed training.seed + r', () => {
    assert.equal((resolveCombination(config, spec, good, 2).training as { seed: number }).seed, 3);
    const seeded = { ...config, training: { seed: 40 } };
    assert.equal((resolveCombination(seeded, spec, good, 1).training as { seed: number }).seed, 41);
    assert.equal((resolveCombination(seeded, spec, good, 0).training as { seed: number }).seed, 40);
  });

  it('reports an invalid combination with its parameter, value and problem', () => {
    const problems = validateConfig(resolveCombination(config, spec, good)).problems;
    assert.equal(combinationProblem(spec, good, problems), 'layers[0].units = 0: layers[0].units: units must be positive (at least 1), got 0');
    assert.equal(combinationProblem(spec, bad, validateConfig(resolveCombination(config, spec, bad)).problems), undefined);
  });
});

describe('sweep results', () => {
  const run = (repeat: number, loss: number, status: SweepRunSummary['status'] = 'completed'): SweepRunSummary => ({
    index: 0,
    repeat,
    seed: 1 + repeat,
    status,
    metrics: { loss, accuracy: 1 - loss },
    epochs: 3,
    seconds: 0.1,
  });

  it('aggregates repeats by their mean, with the spread', () => {
    const r = aggregateRuns(0, { a: 1 }, [run(0, 0.25), run(1, 0.5), run(2, 0.75)]);
    assert.deepEqual(r.metrics, { loss: 0.5, accuracy: 0.5 });
    assert.deepEqual(r.spread, { loss: [0.25, 0.75], accuracy: [0.25, 0.75] });
    assert.equal(aggregateRuns(0, {}, [run(0, 0.25)]).spread, undefined);
    assert.equal(aggregateRuns(0, {}, [run(0, 0.25), run(1, NaN, 'diverged')]).status, 'diverged');
  });

  it('picks the lowest loss or the highest accuracy among completed runs, ties to the first', () => {
    const results = [0.3, 0.1, 0.1, 0.05].map((loss, i) => ({ ...aggregateRuns(i, {}, [run(0, loss, i === 3 ? 'diverged' : 'completed')]) }));
    assert.equal(bestResult(results, 'loss')?.index, 1);
    assert.equal(bestResult(results, 'accuracy')?.index, 1);
    assert.equal(bestResult(results, 'valLoss'), undefined);
  });

  it('downsamples a curve keeping its ends', () => {
    assert.deepEqual(downsample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3), [1, 5, 9]);
    assert.deepEqual(downsample([1, 2], 5), [1, 2]);
  });
});

describe('sweep: the best configuration as text', () => {
  it('writes the values into the original text, keeps its layout and drops the sweep block', () => {
    const text = `{
    "data": { "generator": "xor", "samples": 40 },
    "layers": [
        { "units": 4, "activation": "tanh" },
        { "units": 1, "activation": "sigmoid" }
    ],
    "optimizer": "Adam",
    "sweep": {
        "parameters": { "optimizer.alpha": { "values": [0.5] }, "layers[0].units": { "values": [7] }, "training.l2": { "values": [0.01] } }
    }
}
`;
    const config = JSON.parse(text) as Record<string, unknown>;
    const spec = checkSweep(config).spec;
    assert.ok(spec);
    const resolved = resolveCombination(config, spec, enumerateSweep(spec)[0]);
    const out = bestConfigText(text, spec, resolved);
    assert.deepEqual(JSON.parse(out), resolved);
    assert.ok(out.includes('\n        { "units": 7, "activation": "tanh" },\n'), out);
    assert.ok(!out.includes('sweep'));
    assert.ok(out.endsWith('}\n'));
  });
});
