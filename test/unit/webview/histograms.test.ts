import { strict as assert } from 'assert';
import { describeHistogram } from '../../../webview/panel/histogram-text';

describe('histogram text alternative', () => {
  it('states the count, the range and the fullest bin', () => {
    // 4 bins over [−1, 1]: width 0.5, the fullest is bin 2 = [0, 0.5), centre 0.25
    assert.equal(describeHistogram('activations', { min: -1, max: 1, counts: [1, 2, 7, 0] }), 'activations: 10 values from -1 to 1, most near 0.25');
  });

  it('says when there is nothing to show', () => {
    assert.equal(describeHistogram('weights', { min: 0, max: 0, counts: [0, 0] }), 'weights: no values');
    assert.equal(describeHistogram('weights', { min: 0, max: 1, counts: [] }), 'weights: no values');
  });
});
