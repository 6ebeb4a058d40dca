/**
 * With a `validationData` block every sample of `data` trains (the trainer draws no split), so the
 * checks that count training samples (a batch normalisation's batch of one, a split that holds out
 * everything) count them the same way.
 */
import { strict as assert } from 'assert';
import { prepareRun } from '../../src/core/config/load';

/** The problem codes of a description as the CLI, the worker and the editor prepare it. */
function codes(description: Record<string, unknown>): string[] {
  return prepareRun(JSON.stringify(description), { readFile: () => '' }).problems.map((p) => p.code ?? '');
}

/** Ten inline samples, a batchnorm model, batches of four and a split of 0.1. */
function config(withValidationData: boolean): Record<string, unknown> {
  const inputs = Array.from({ length: 10 }, (_, i) => [i / 10, 1 - i / 10]);
  const targets = Array.from({ length: 10 }, (_, i) => i % 2);
  return {
    data: { inputs, targets },
    ...(withValidationData ? { validationData: { inputs: inputs.slice(0, 4), targets: targets.slice(0, 4) } } : {}),
    layers: [{ units: 4, activation: 'identity' }, { type: 'batchnorm' }, { type: 'activation', activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
    training: { epochs: 2, batchSize: 4, validationSplit: 0.1 },
  };
}

describe('validationData: every sample of data trains', () => {
  it('the split leaves 9 training samples, a last batch of one: an error', () => {
    const found = codes(config(false));
    assert.ok(found.includes('batch-of-one'), found.join(', '));
  });

  it('with validationData all 10 train (batches of 4, 4, 2): no batch-of-one error', () => {
    const found = codes(config(true));
    assert.ok(!found.includes('batch-of-one'), found.join(', '));
  });
});
