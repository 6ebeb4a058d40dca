import { strict as assert } from 'assert';
import { didYouMean, editDistance, formatPath, NnError } from '../../src/core/problems';

describe('problems and "did you mean"', () => {
  const names = ['ReLU', 'ReLU6', 'leaky-ReLU', 'tanh', 'Mish', 'softmax'];
  it('answers case and punctuation slips with the registered spelling', () => {
    assert.equal(didYouMean('relu', names), 'ReLU');
    assert.equal(didYouMean('leaky_relu', names), 'leaky-ReLU');
    assert.equal(didYouMean('mish', names), 'Mish');
  });
  it('answers small typos, swapped letters included, and stays silent on far-off names', () => {
    assert.equal(didYouMean('softmx', names), 'softmax');
    assert.equal(didYouMean('tahn', names), 'tanh');
    assert.equal(editDistance('tahn', 'tanh'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(didYouMean('transformer', names), undefined);
  });
  it('formats JSON paths and lists every problem in the message', () => {
    assert.equal(formatPath(['layers', 1, 'activation']), 'layers[1].activation');
    assert.equal(formatPath([]), '(root)');
    const e = new NnError([
      { path: ['loss'], message: 'bad loss', severity: 'error' },
      { path: ['layers', 0, 'units'], message: 'bad units', severity: 'error' },
    ]);
    assert.match(e.message, /loss: bad loss\nlayers\[0\]\.units: bad units/);
  });
});
