import { strict as assert } from 'assert';
import { inlineToDataset } from '../../src/core/data/inline';

const load = (inputs: unknown, targets: unknown, normalize = false) => inlineToDataset(inputs, targets, normalize, ['data'], 100);

describe('inline data', () => {
  it('packs rows, accepts one number per target, and recognises 0/1 labels as classes', () => {
    const { data, problems } = load(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 1, 1, 0],
    );
    assert.deepEqual(problems, []);
    assert.equal(data?.n, 4);
    assert.deepEqual(Array.from(data!.x), [0, 0, 0, 1, 1, 0, 1, 1]);
    assert.deepEqual(Array.from(data!.y), [0, 1, 1, 0]);
    assert.equal(data?.task, 'classification');
    assert.equal(load([[1], [2]], [[0.5], [2]]).data?.task, 'regression');
  });

  it('reports ragged rows, non-numbers and NaN at their exact paths, all at once', () => {
    const { data, problems } = load([[0, 0], [1], [1, 'a'], [NaN, 1]], [[0], [1], [1], [null]]);
    assert.equal(data, undefined);
    const where = problems.map((p) => JSON.stringify(p.path));
    assert.deepEqual(where, ['["data","inputs",1]', '["data","inputs",2,1]', '["data","inputs",3,0]', '["data","targets",3,0]']);
    assert.match(problems[0].message, /inputs\[1\] has 1 values but inputs\[0\] has 2/);
    assert.match(problems[2].message, /finite/);
    assert.match(problems[3].message, /got null/);
  });

  it('reports a count mismatch between inputs and targets', () => {
    const { problems } = load([[0], [1], [2]], [0, 1]);
    assert.deepEqual(problems[0].path, ['data', 'targets']);
    assert.match(problems[0].message, /3 input rows but 2 targets/);
  });

  it('rejects non-arrays, empty arrays and too many rows', () => {
    assert.match(load('x', [1]).problems[0].message, /must be an array of rows/);
    assert.match(load([], []).problems[0].message, /empty/);
    const many = Array.from({ length: 101 }, () => [1]);
    assert.match(load(many, many).problems[0].message, /more than the limit of 100/);
  });
});
