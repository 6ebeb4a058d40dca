import { strict as assert } from 'assert';
import { checkSweep } from '../../src/core/sweep/check-sweep';
import { parseSweepPath } from '../../src/core/sweep/sweep-path';
import { formatPath, type Problem } from '../../src/core/problems';
import { validateConfig } from '../../src/core/config/validate';

const config = (sweep: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  data: { generator: 'xor', samples: 40 },
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  optimizer: 'Adam',
  ...extra,
  sweep,
});

/** Each problem as the CLI prints it: `path: message`. */
function lines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
}

function errorsOf(sweep: unknown, extra?: Record<string, unknown>): string[] {
  return lines(checkSweep(config(sweep, extra)).problems.filter((p) => p.severity === 'error'));
}

describe('sweep block: paths', () => {
  it('reads the paths nn-lab check prints, and formats them back the same', () => {
    for (const key of ['optimizer.alpha', 'layers[0].units', 'training.l2', 'data["odd key"]', 'layers[10].activation.alpha'])
      assert.equal(formatPath(parseSweepPath(key) as (string | number)[]), key);
    assert.deepEqual(parseSweepPath('layers[0].units'), ['layers', 0, 'units']);
  });

  it('says why a key is not a path', () => {
    for (const key of ['', 'layers[', 'layers..units', 'layers[0]units', '.a', 'a.[0]', 'layers[x]'])
      assert.match(String(parseSweepPath(key)), /^is not a path/, key);
  });
});

describe('sweep block: checks', () => {
  it('accepts the issue example with its defaults filled in', () => {
    const checked = checkSweep(
      config(
        {
          method: 'random',
          runs: 20,
          seed: 1,
          metric: 'valLoss',
          parameters: {
            'optimizer.alpha': { values: [0.001, 0.01, 0.1] },
            'layers[0].units': { values: [16, 32, 64] },
            'training.l2': { min: 1e-6, max: 1e-2, scale: 'log' },
          },
        },
        { training: { validationSplit: 0.25 } },
      ),
    );
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.spec?.runs, 20);
    assert.equal(checked.spec?.repeats, 1);
    assert.deepEqual(checked.spec?.parameters[2], {
      kind: 'range',
      min: 1e-6,
      max: 1e-2,
      scale: 'log',
      integer: false,
      key: 'training.l2',
      path: ['training', 'l2'],
    });
  });

  it('fills in the defaults: grid, seed 1, loss without validation, valLoss with it', () => {
    const spec = checkSweep(config({ parameters: { 'optimizer.alpha': { values: [0.1, 0.2] } } })).spec;
    assert.deepEqual({ method: spec?.method, runs: spec?.runs, seed: spec?.seed, metric: spec?.metric }, { method: 'grid', runs: 2, seed: 1, metric: 'loss' });
    const withVal = checkSweep(config({ parameters: { 'optimizer.alpha': { values: [0.1] } } }, { training: { validationSplit: 0.2 } })).spec;
    assert.equal(withVal?.metric, 'valLoss');
  });

  it('reports every mistake as one line with its JSON path', () => {
    const cases: [unknown, string][] = [
      [{ parameters: { 'layers[9].units': { values: [1] } } }, 'sweep.parameters["layers[9].units"]: no layer 9 (layers has 2 layers: layers[0] to layers[1])'],
      [
        { parameters: { 'training.l2': { min: 0.001, max: 0.1 } } },
        'sweep.parameters["training.l2"]: a grid takes only listed "values": a range ("min", "max") needs "method": "random"',
      ],
      [
        { method: 'random', parameters: { 'training.l2': { values: [1] } } },
        'sweep: a random sweep needs "runs": how many combinations to draw, e.g. "runs": 20',
      ],
      [
        { method: 'grd', parameters: { 'training.l2': { values: [1] } } },
        'sweep.method: unknown method "grd". Did you mean "grid"? Choose one of: grid, random',
      ],
      [
        { metric: 'val_loss', parameters: { 'training.l2': { values: [1] } } },
        'sweep.metric: unknown metric "val_loss". Did you mean "valLoss"? Choose one of: loss, valLoss, accuracy, valAccuracy, testLoss, testAccuracy',
      ],
      [
        { metric: 'valLoss', parameters: { 'training.l2': { values: [1] } } },
        'sweep.metric: "valLoss" needs validation data: set "training": { "validationSplit": 0.2 } or a "validationData" block, or rank by "loss"',
      ],
      [
        { metric: 'testAccuracy', parameters: { 'training.l2': { values: [1] } } },
        'sweep.metric: "testAccuracy" needs a "testData" block: add one, or rank by "loss"',
      ],
      [{ repeats: 0, parameters: { 'training.l2': { values: [1] } } }, 'sweep.repeats: repeats must be positive (at least 1), got 0'],
      [{ runs: 2.5, method: 'random', parameters: { 'training.l2': { values: [1] } } }, 'sweep.runs: runs must be a whole number, got 2.5'],
      [
        { parameters: { 'optimiser.alpha': { values: [1] } } },
        'sweep.parameters["optimiser.alpha"]: "optimiser.alpha" does not lead into the config: unknown top-level key "optimiser". Did you mean "optimizer"? Paths start with one of: name, description, data, testData, validationData, layers, loss, optimizer, training',
      ],
      [{ parameters: { 'layers[0': { values: [1] } } }, 'sweep.parameters["layers[0"]: "layers[0" is not a path: expected [N] or ["key"] at character 7'],
      [
        { parameters: { 'training.l2': { values: [] } } },
        'sweep.parameters["training.l2"].values: "values" must be a non-empty array such as [0.001, 0.01, 0.1], got an empty array',
      ],
      [
        { parameters: { 'training.l2': [1, 2] } },
        'sweep.parameters["training.l2"]: each parameter must be an object such as { "values": [1, 2] } or { "min": 0.001, "max": 0.1, "scale": "log" }, got an array',
      ],
      [
        { parameters: { 'training.l2': { values: [1], min: 0 } } },
        'sweep.parameters["training.l2"].min: a parameter takes either "values" or a range ("min", "max"), not both: remove "min" or "values"',
      ],
      [
        { parameters: { 'training.l2': { valeus: [1] } } },
        'sweep.parameters["training.l2"].valeus: unknown key "valeus" in a sweep parameter. Did you mean "values"? Allowed: values, min, max, scale, integer',
      ],
      [
        { method: 'random', runs: 3, parameters: { 'training.l2': { min: 0, max: 1, scale: 'log' } } },
        'sweep.parameters["training.l2"].min: a log scale needs "min" > 0, got 0',
      ],
      [
        { method: 'random', runs: 3, parameters: { 'training.l2': { min: 1, max: 1 } } },
        'sweep.parameters["training.l2"].max: "max" must be greater than "min" (1), got 1',
      ],
      [
        { method: 'random', runs: 3, parameters: { 'training.l2': { min: 0.2, max: 0.8, integer: true } } },
        'sweep.parameters["training.l2"]: no whole number lies between "min" (0.2) and "max" (0.8)',
      ],
      [
        { method: 'random', runs: 3, parameters: { 'training.l2': { min: 0, max: 1, scale: 'ln' } } },
        'sweep.parameters["training.l2"].scale: "scale" must be "linear" or "log", got the string "ln"',
      ],
      [
        { method: 'random', runs: 3, parameters: { 'training.l2': { max: 1 } } },
        'sweep.parameters["training.l2"]: a range needs both "min" and "max"; "min" is missing',
      ],
      [
        { parameters: { 'layers[0].units': { values: [1] }, 'layers[0]["units"]': { values: [2] } } },
        'sweep.parameters["layers[0]["units"]"]: the same setting as "layers[0].units": sweep each setting once',
      ],
      [
        { parameters: { optimizer: { values: ['SGD'] }, 'optimizer.alpha': { values: [2] } } },
        'sweep.parameters["optimizer.alpha"]: overlaps "optimizer" (one sets a part of the other): sweep one of them',
      ],
      [{ parameters: { 'layers.units': { values: [1] } } }, 'sweep.parameters["layers.units"]: layers is an array, so it has no key "units"'],
      [{ parameters: { 'training[0]': { values: [1] } } }, 'sweep.parameters["training[0]"]: training is absent, so it has no item 0'],
      [{ parameters: {} }, 'sweep.parameters: sweep.parameters is empty: add at least one, e.g. "optimizer.alpha": { "values": [0.001, 0.01] }'],
      [{ method: 'grid' }, 'sweep: sweep needs "parameters": The swept settings, keyed by their path in the config (as "nn-lab check" prints it: "optimizer'],
      [
        { parameters: { 'training.l2': { values: [1] } }, extra: 1 },
        'sweep.extra: unknown key "extra" in sweep. Allowed: method, runs, seed, metric, repeats, parameters',
      ],
      ['grid', 'sweep: sweep must be an object such as { "method": "grid", "parameters": { … } }, got the string "grid"'],
    ];
    for (const [sweep, line] of cases) {
      const got = errorsOf(sweep);
      assert.equal(got.length, 1, `${JSON.stringify(sweep)} → ${JSON.stringify(got)}`);
      assert.ok(got[0].startsWith(line), `${JSON.stringify(sweep)}:\n got  ${got[0]}\n want ${line}`);
    }
  });

  it('warns about a grid of more than 1,000 runs and refuses one of more than 100,000', () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    const big = checkSweep(config({ parameters: { 'layers[0].units': { values }, 'training.epochs': { values } } }));
    assert.deepEqual(lines(big.problems), ['sweep.parameters: the grid has 1600 combinations (more than 1000): consider "method": "random" with fewer "runs"']);
    assert.equal(big.problems[0].severity, 'warning');
    assert.equal(big.spec?.runs, 1600);
    const huge = checkSweep(
      config({
        parameters: {
          'layers[0].units': { values },
          'training.epochs': { values },
          'training.batchSize': { values: Array.from({ length: 70 }, (_, i) => i + 1) },
        },
      }),
    );
    assert.equal(huge.spec, undefined);
    assert.match(lines(huge.problems)[0], /^sweep\.parameters: the grid has 112000 combinations, more than 100000/);
  });

  it('warns that a grid ignores "runs"', () => {
    const checked = checkSweep(config({ runs: 5, parameters: { 'training.l2': { values: [0, 1] } } }));
    assert.equal(checked.spec?.runs, 2);
    assert.deepEqual(lines(checked.problems), [
      'sweep.runs: a grid runs every combination (2), so "runs" is ignored: use "method": "random" to draw 5 of them',
    ]);
  });

  it('warns about each value that makes the config invalid on its own, at its path in the block', () => {
    const checked = checkSweep(
      config({
        method: 'random',
        runs: 4,
        parameters: {
          'layers[0].units': { values: [4, 0, 'wide'] },
          'optimizer.name': { values: ['Adam', 'Adamm'] },
          'training.validationSplit': { min: 0.1, max: 1 },
        },
      }),
    );
    assert.ok(checked.spec, 'the sweep still runs');
    assert.ok(checked.problems.every((p) => p.severity === 'warning'));
    assert.deepEqual(lines(checked.problems), [
      'sweep.parameters["layers[0].units"].values[1]: 0 makes the config invalid: layers[0].units: units must be positive (at least 1), got 0',
      'sweep.parameters["layers[0].units"].values[2]: "wide" makes the config invalid: layers[0].units: units must be a whole number, got the string "wide"',
      'sweep.parameters["optimizer.name"].values[1]: "Adamm" makes the config invalid: optimizer.name: Unknown optimizer "Adamm". Did you mean "Adam"? (names are case-sensitive)',
      'sweep.parameters["training.validationSplit"].max: 1 makes the config invalid: training.validationSplit: validationSplit must be in [0, 1), got 1',
    ]);
  });

  it('says when there is no sweep block', () => {
    assert.match(lines(checkSweep({ data: {} }).problems)[0], /^\(root\): the config has no "sweep" block/);
  });

  it('is accepted by the config checker, which ignores it', () => {
    const checked = validateConfig(config({ nonsense: true }));
    assert.deepEqual(checked.problems, []);
    assert.ok(checked.config);
  });
});
