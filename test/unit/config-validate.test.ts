import type { DenseSpec } from '../../src/core/layers/kinds/dense';
import { strict as assert } from 'assert';
import { validateConfig, DEFAULT_LIMITS } from '../../src/core/config/validate';
import { prepareRun } from '../../src/core/config/load';
import { Rng } from '../../src/core/rng';
import type { Problem } from '../../src/core/problems';

const base = () => ({
  data: { generator: 'xor', samples: 40 },
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
});

function find(problems: Problem[], path: (string | number)[]): Problem {
  const p = problems.find((q) => JSON.stringify(q.path) === JSON.stringify(path));
  assert.ok(p, `no problem at ${JSON.stringify(path)}; got ${JSON.stringify(problems.map((q) => [q.path, q.message]))}`);
  return p;
}

describe('validateConfig: defaults', () => {
  it('fills every default of a minimal description', () => {
    const { config, problems } = validateConfig(base());
    assert.deepEqual(problems, []);
    assert.ok(config);
    assert.equal(config.name, 'model');
    assert.equal(config.inputs, 2);
    assert.equal(config.loss, 'Binary'); // one-unit sigmoid output
    assert.equal(config.optimizer.name, 'Adam');
    assert.deepEqual(config.training, { epochs: 100, batchSize: 32, validationSplit: 0, seed: 1, shuffle: true, precision: 'float64' });
    assert.deepEqual(config.layers[0], { type: 'dense', units: 4, activation: { name: 'tanh', params: {} }, init: 'xavier', initScale: 0.05 });
  });

  it('infers Cross after softmax and Square otherwise; He init for ReLU, identity by default', () => {
    const soft = validateConfig({
      data: { generator: 'spiral', classes: 3 },
      layers: [
        { units: 5, activation: 'ReLU' },
        { units: 3, activation: 'softmax' },
      ],
    });
    assert.equal(soft.config?.loss, 'Cross');
    assert.equal(soft.config?.layers[0].init, 'he');
    const reg = validateConfig({ data: { generator: 'sine' }, layers: [{ units: 5, activation: 'tanh' }, { units: 1 }] });
    assert.equal(reg.config?.loss, 'Square');
    const out = reg.config?.layers[1];
    assert.equal(out?.type === 'dense' ? (out as DenseSpec).activation.name : '', 'identity');
  });

  it('resolves activation and optimizer parameters over their defaults', () => {
    const { config, problems } = validateConfig({
      ...base(),
      layers: [
        { units: 4, activation: { name: 'leaky-ReLU', alpha: 0.2 } },
        { units: 1, activation: 'sigmoid' },
      ],
      optimizer: { name: 'SGD', eta: 0.5 },
    });
    assert.deepEqual(problems, []);
    const l0 = config?.layers[0];
    assert.equal(l0?.type === 'dense' ? (l0 as DenseSpec).activation.params.alpha : -1, 0.2);
    assert.equal(config?.optimizer.params.eta, 0.5);
  });

  it('resolves glorot to xavier and maxout layers with default pieces', () => {
    const { config } = validateConfig({
      ...base(),
      layers: [
        { type: 'maxout', units: 3 },
        { units: 1, activation: 'sigmoid', init: 'glorot' },
      ],
    });
    assert.deepEqual(config?.layers[0], { type: 'maxout', units: 3, pieces: 2, init: 'he', initScale: 0.05 });
    assert.equal(config?.layers[1].init, 'xavier');
  });
});

/** [what, edit of the base description, expected path, message fragment] */
const BAD: [string, (c: Record<string, unknown>) => void, (string | number)[], RegExp][] = [
  ['unknown activation', (c) => ((c.layers as object[])[0] = { units: 4, activation: 'relu' }), ['layers', 0, 'activation'], /Did you mean "ReLU"/],
  ['unknown optimizer', (c) => (c.optimizer = 'Adamm'), ['optimizer'], /Did you mean "Adam"/],
  ['unknown optimizer in an object', (c) => (c.optimizer = { name: 'Nadm' }), ['optimizer', 'name'], /Did you mean "Nadam"/],
  ['unknown loss', (c) => (c.loss = 'cross'), ['loss'], /Did you mean "Cross"/],
  ['unknown optimizer parameter', (c) => (c.optimizer = { name: 'SGD', lr: 0.1 }), ['optimizer', 'lr'], /no parameter "lr"/],
  [
    'bad activation parameter',
    (c) => ((c.layers as object[])[0] = { units: 4, activation: { name: 'leaky-ReLU', alpha: 'big' } }),
    ['layers', 0, 'activation', 'alpha'],
    /expected a number/,
  ],
  ['units as a string', (c) => ((c.layers as object[])[0] = { units: '4' }), ['layers', 0, 'units'], /whole number, got the string "4"/],
  ['negative units', (c) => ((c.layers as object[])[0] = { units: -3 }), ['layers', 0, 'units'], /positive/],
  ['fractional units', (c) => ((c.layers as object[])[0] = { units: 2.5 }), ['layers', 0, 'units'], /whole number, got 2.5/],
  ['a billion units', (c) => ((c.layers as object[])[0] = { units: 1e9 }), ['layers', 0, 'units'], /at most 4096 \(the maxUnits limit\)/],
  ['missing units', (c) => ((c.layers as object[])[0] = { activation: 'tanh' }), ['layers', 0], /needs "units"/],
  ['empty layers', (c) => (c.layers = []), ['layers'], /empty/],
  ['layers not an array', (c) => (c.layers = { units: 3 }), ['layers'], /must be an array/],
  ['too many layers', (c) => (c.layers = Array.from({ length: 65 }, () => ({ units: 1 }))), ['layers'], /maxLayers/],
  ['unknown layer key', (c) => ((c.layers as object[])[0] = { units: 4, activaton: 'tanh' }), ['layers', 0, 'activaton'], /Did you mean "activation"/],
  [
    'activation on maxout',
    (c) => ((c.layers as object[])[0] = { type: 'maxout', units: 4, activation: 'tanh' }),
    ['layers', 0, 'activation'],
    /maxout layer has no activation/,
  ],
  ['pieces of 1', (c) => ((c.layers as object[])[0] = { type: 'maxout', units: 4, pieces: 1 }), ['layers', 0, 'pieces'], /at least 2/],
  ['unknown layer type', (c) => ((c.layers as object[])[0] = { type: 'conv', units: 4 }), ['layers', 0, 'type'], /unknown layer type "conv"/],
  ['unknown init', (c) => ((c.layers as object[])[0] = { units: 4, init: 'kaiming' }), ['layers', 0, 'init'], /Choose one of/],
  ['epochs zero', (c) => (c.training = { epochs: 0 }), ['training', 'epochs'], /positive/],
  ['epochs too many', (c) => (c.training = { epochs: 1e7 }), ['training', 'epochs'], /maxEpochs/],
  ['batch size as text', (c) => (c.training = { batchSize: 'all' }), ['training', 'batchSize'], /whole number/],
  ['split 1.0', (c) => (c.training = { validationSplit: 1 }), ['training', 'validationSplit'], /\[0, 1\)/],
  ['negative split', (c) => (c.training = { validationSplit: -0.1 }), ['training', 'validationSplit'], /\[0, 1\)/],
  ['shuffle as a string', (c) => (c.training = { shuffle: 'yes' }), ['training', 'shuffle'], /true or false/],
  ['epochs at the top level', (c) => (c.epochs = 10), ['epochs'], /put it in "training"/],
  ['misspelt top-level key', (c) => (c.optimiser = 'SGD'), ['optimiser'], /Did you mean "optimizer"/],
  ['missing data', (c) => delete c.data, [], /missing "data"/],
  ['unknown generator', (c) => (c.data = { generator: 'spirl' }), ['data', 'generator'], /Did you mean "spiral"/],
  ['negative samples', (c) => (c.data = { generator: 'xor', samples: -5 }), ['data', 'samples'], /at least 2/],
  ['noise above 1', (c) => (c.data = { generator: 'xor', noise: 3 }), ['data', 'noise'], /\[0, 1\]/],
  ['two data sources', (c) => (c.data = { generator: 'xor', dataset: 'iris' }), ['data'], /several sources/],
  ['no data source', (c) => (c.data = { samples: 10 }), ['data'], /needs one source/],
  ['key of another source', (c) => (c.data = { generator: 'xor', target: 'y' }), ['data', 'target'], /only "csv" data takes "target"/],
  ['unknown dataset', (c) => (c.data = { dataset: 'iriss' }), ['data', 'dataset'], /Did you mean "iris"/],
  [
    'output units ≠ targets',
    (c) => ((c.layers as object[])[1] = { units: 2, activation: 'sigmoid' }),
    ['layers', 1, 'units'],
    /2 units but the data has 1 target column/,
  ],
  ['not an object', (c) => (c.training = [1]), ['training'], /must be an object/],
];

describe('validateConfig: bad descriptions', () => {
  for (const [what, edit, path, fragment] of BAD) {
    it(`${what} → ${JSON.stringify(path)}`, () => {
      const json: Record<string, unknown> = base();
      edit(json);
      const { config, problems } = validateConfig(json);
      const p = find(problems, path);
      assert.equal(p.severity, 'error');
      assert.match(p.message, fragment);
      assert.equal(config, undefined);
    });
  }

  it('gives unknown names the code "unknown-name" and a suggestion for quick fixes', () => {
    const json: Record<string, unknown> = base();
    json.layers = [
      { units: 4, activation: 'leaky_relu' },
      { units: 1, activation: 'sigmoid' },
    ];
    const p = find(validateConfig(json).problems, ['layers', 0, 'activation']);
    assert.equal(p.code, 'unknown-name');
    assert.equal(p.suggestion, 'leaky-ReLU');
  });

  it('reports several problems at once, one per place', () => {
    const { problems } = validateConfig({
      data: { generator: 'xor', samples: 'many' },
      layers: [
        { units: 0, activation: 'relu' },
        { units: 1, activation: 'sigmod' },
      ],
      optimizer: { name: 'SGD', eta: -1 },
      training: { epochs: 2.5, validationSplit: 1 },
      extra: true,
    });
    const paths = problems.filter((p) => p.severity === 'error').map((p) => JSON.stringify(p.path));
    for (const want of [
      '["data","samples"]',
      '["layers",0,"units"]',
      '["layers",0,"activation"]',
      '["layers",1,"activation"]',
      '["optimizer","eta"]',
      '["training","epochs"]',
      '["training","validationSplit"]',
      '["extra"]',
    ])
      assert.ok(paths.includes(want), `missing ${want} in ${paths.join(' ')}`);
  });
});

describe('validateConfig: warnings', () => {
  it('accepts "SDG" with a warning suggesting "SGD"', () => {
    const { config, problems } = validateConfig({ ...base(), optimizer: 'SDG' });
    assert.equal(config?.optimizer.name, 'SGD');
    const p = find(problems, ['optimizer']);
    assert.equal(p.severity, 'warning');
    assert.equal(p.suggestion, 'SGD');
  });

  it('warns about Cross without softmax and Binary with several units or no sigmoid', () => {
    const cross = validateConfig({ ...base(), loss: 'Cross' });
    assert.match(find(cross.problems, ['loss']).message, /expects a softmax output/);
    assert.ok(cross.config, 'a warning does not block the run');
    const binary = validateConfig({ data: { generator: 'spiral', classes: 3 }, layers: [{ units: 3, activation: 'tanh' }], loss: 'Binary' });
    const messages = binary.problems
      .filter((p) => p.severity === 'warning')
      .map((p) => p.message)
      .join('\n');
    assert.match(messages, /expects one output unit/);
    assert.match(messages, /expects a sigmoid output/);
  });

  it('warns when initScale is given for another initialiser and when a split holds out nothing', () => {
    const { problems } = validateConfig({
      ...base(),
      layers: [
        { units: 4, init: 'he', initScale: 0.1 },
        { units: 1, activation: 'sigmoid' },
      ],
      training: { validationSplit: 0.01 },
    });
    assert.equal(find(problems, ['layers', 0, 'initScale']).severity, 'warning');
    assert.equal(find(problems, ['training', 'validationSplit']).severity, 'warning');
  });
});

describe('validateConfig: limits', () => {
  it('counts parameters against maxParams before any allocation', () => {
    const json = { data: { generator: 'xor' }, layers: [{ units: 4000 }, { units: 4000 }, { units: 1 }] };
    // (2+1)·4000 + (4000+1)·4000 + 4001 = 16 020 001 > 5 000 000
    const p = find(validateConfig(json).problems, ['layers']);
    assert.match(p.message, /16020001 parameters/);
    assert.ok(validateConfig(json, { limits: { maxParams: 20_000_000 } }).config);
  });

  it('exports the documented defaults', () => {
    assert.equal(DEFAULT_LIMITS.maxUnits, 4096);
    assert.equal(DEFAULT_LIMITS.maxLayers, 64);
    assert.equal(DEFAULT_LIMITS.maxParams, 5_000_000);
    assert.equal(DEFAULT_LIMITS.maxEpochs, 100_000);
    assert.equal(DEFAULT_LIMITS.maxSamples, 1_000_000);
  });
});

describe('validateConfig: never throws', () => {
  const rng = new Rng(2024);
  const atoms: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e300,
    -0,
    '',
    'x',
    'ReLU',
    'SDG',
    [],
    [1, 'a'],
    {},
    { name: 'SGD' },
    { name: 3 },
    { units: 2 },
    [{}],
    [[1]],
    NaN,
    Infinity,
  ];
  const pick = (): unknown => atoms[rng.int(atoms.length)];
  const setters: ((c: Record<string, unknown>) => void)[] = [
    (c) => (c.data = pick()),
    (c) => (c.layers = pick()),
    (c) => ((c.layers as unknown[])[0] = pick()),
    (c) => ((c.layers as Record<string, unknown>[])[1].activation = pick()),
    (c) => ((c.layers as Record<string, unknown>[])[0].units = pick()),
    (c) => ((c.layers as Record<string, unknown>[])[0].type = pick()),
    (c) => (c.loss = pick()),
    (c) => (c.optimizer = pick()),
    (c) => (c.optimizer = { name: 'Adam', alpha: pick(), beta1: pick() }),
    (c) => (c.training = pick()),
    (c) => (c.training = { epochs: pick(), batchSize: pick(), validationSplit: pick(), seed: pick(), shuffle: pick() }),
    (c) => (c.data = { generator: pick(), samples: pick(), noise: pick(), classes: pick() }),
    (c) => (c.data = { csv: pick(), target: pick(), header: pick() }),
    (c) => (c.data = { inputs: pick(), targets: pick() }),
    (c) => (c.name = pick()),
  ];
  it('returns problems for 600 random mutations without an exception', () => {
    for (let k = 0; k < 600; k++) {
      const json: Record<string, unknown> = base();
      for (let m = 0; m < 1 + rng.int(3); m++) {
        try {
          setters[rng.int(setters.length)](json);
        } catch {
          // this mutation does not apply to what an earlier one left (e.g. layers is now a number)
        }
      }
      let result;
      try {
        result = prepareRun(json, { readFile: () => 'a,b\n1,0\n' });
      } catch (e) {
        assert.fail(`threw on ${JSON.stringify(json)}: ${e}`);
      }
      assert.ok(Array.isArray(result.problems));
      for (const p of result.problems) assert.ok(p.message.length > 0 && Array.isArray(p.path));
      assert.ok(!result.problems.some((p) => p.code === 'internal'), JSON.stringify(result.problems));
      assert.equal(
        result.config === undefined,
        result.problems.some((p) => p.severity === 'error'),
      );
    }
  });

  it('answers non-objects at the top', () => {
    for (const v of [null, 3, 'x', [], undefined]) assert.match(validateConfig(v).problems[0].message, /must be a JSON object/);
  });
});
