import { strict as assert } from 'assert';
import { prepareRun } from '../../src/core/config/load';
import { parseConfigText } from '../../src/core/config/parse-json';
import { canonicalJson, digestOf, fnv1a } from '../../src/core/config/digest';

const files: Record<string, string> = {
  'pts.csv': 'a,b,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n',
  'ragged.csv': 'a,b,label\n0,0,no\n0,1\n1,0,yes\n',
  'nan.csv': 'a,b,t\n0,0,1\nNaN,1,0\n',
};
const readFile = (p: string): string => {
  if (!(p in files)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
  return files[p];
};
const csvModel = (csv: string, extra: object = {}) => ({
  data: { csv, ...extra },
  layers: [
    { units: 3, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
});

describe('prepareRun', () => {
  it('parses, validates, loads CSV data and sets the input count from it', () => {
    const run = prepareRun(JSON.stringify(csvModel('pts.csv')), { readFile });
    assert.deepEqual(run.problems, []);
    assert.equal(run.config?.inputs, 2);
    assert.equal(run.data?.n, 4);
    assert.deepEqual(run.data?.classNames, ['no', 'yes']);
    assert.match(run.digest ?? '', /^[0-9a-f]{8}$/);
  });

  it('turns a JSON syntax error into a problem with line and column', () => {
    const run = prepareRun('{\n  "data": { "generator": "xor" },\n  "layers": [ { "units": 1 } ]\n  "loss": "Square"\n}');
    assert.equal(run.config, undefined);
    assert.equal(run.problems.length, 1);
    assert.match(run.problems[0].message, /JSON syntax error at line 4, column 3/);
    assert.deepEqual(run.syntaxError && [run.syntaxError.line, run.syntaxError.column], [4, 3]);
    assert.match(parseConfigText('').problems[0].message, /empty/);
  });

  it('reports a missing data file, a ragged CSV row and NaN with paths and lines', () => {
    const missing = prepareRun(csvModel('nope.csv'), { readFile });
    assert.deepEqual(missing.problems[0].path, ['data', 'csv']);
    assert.equal(missing.problems[0].message, 'data file not found: nope.csv');
    const ragged = prepareRun(csvModel('ragged.csv'), { readFile });
    assert.match(ragged.problems[0].message, /ragged\.csv line 3: expected 3 columns/);
    const nan = prepareRun(csvModel('nan.csv'), { readFile });
    assert.match(nan.problems[0].message, /nan\.csv line 3, column 1 \("a"\): "NaN" is not a finite number/);
  });

  it('reports config and data problems together', () => {
    const json = csvModel('nope.csv');
    (json.layers[0] as Record<string, unknown>).activation = 'tanhh';
    const run = prepareRun(json, { readFile });
    assert.deepEqual(run.problems.map((p) => p.path.join('.')).sort(), ['data.csv', 'layers.0.activation']);
  });

  it('cross-checks output units against CSV targets', () => {
    const json = csvModel('pts.csv');
    json.layers[1] = { units: 2, activation: 'softmax' };
    const run = prepareRun(json, { readFile });
    const p = run.problems.find((q) => q.code === 'shape-mismatch');
    assert.deepEqual(p?.path, ['layers', 1, 'units']);
    assert.equal(p?.suggestion, '1');
  });

  it('reports NaN and ragged rows of inline data at their paths', () => {
    const run = prepareRun({ data: { inputs: [[0, 1], [NaN, 2], [3]], targets: [0, 1, 1] }, layers: [{ units: 1 }] });
    assert.deepEqual(
      run.problems.map((p) => JSON.stringify(p.path)),
      ['["data","inputs",1,0]', '["data","inputs",2]'],
    );
  });

  it('checks a validation split against the real sample count', () => {
    // ⌊4 · 0.2⌋ = 0 samples held out: a warning, the run still starts
    const run = prepareRun({ ...csvModel('pts.csv'), training: { validationSplit: 0.2 } }, { readFile });
    assert.equal(run.problems.length, 1);
    assert.equal(run.problems[0].severity, 'warning');
    assert.match(run.problems[0].message, /of 4 samples holds out no sample/);
    assert.ok(run.config);
  });

  it('without a file reader, CSV data is a problem, not an exception', () => {
    assert.match(prepareRun(csvModel('pts.csv')).problems[0].message, /no file access/);
  });
});

describe('config digest', () => {
  it('is FNV-1a: the published test vectors', () => {
    // FNV-1a 32-bit reference values: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968
    assert.equal(fnv1a('').toString(16), '811c9dc5');
    assert.equal(fnv1a('a').toString(16), 'e40c292c');
    assert.equal(fnv1a('foobar').toString(16), 'bf9cf968');
  });

  it('ignores key order and changes with any value', () => {
    assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }), '{"a":[2,{"c":4,"d":3}],"b":1}');
    assert.equal(digestOf({ x: 1, y: 2 }), digestOf({ y: 2, x: 1 }));
    assert.notEqual(digestOf({ x: 1, y: 2 }), digestOf({ x: 1, y: 3 }));
    const a = prepareRun({ data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmoid' }] });
    const b = prepareRun({ data: { generator: 'xor' }, layers: [{ units: 1, activation: 'sigmoid' }], training: { seed: 2 } });
    assert.notEqual(a.digest, b.digest);
  });
});
