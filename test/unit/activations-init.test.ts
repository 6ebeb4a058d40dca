/** Each activation's default initialiser lives in its registry entry, and `init: "auto"` reads it from there. */
import { strict as assert } from 'assert';
import { ACTIVATIONS } from '../../src/core/activations';
import type { ActivationEntry } from '../../src/core/activations';
import { validateConfig } from '../../src/core/config/validate';

// He: the rectifier family and the smooth activations that are ≈ 0 for x < 0 and unbounded above.
const HE = ['ReLU', 'ReLU6', 'leaky-ReLU', 'ELU', 'SELU', 'CELU', 'softplus', 'Swish', 'Mish', 'tanhExp'];

describe('default initialiser per activation', () => {
  it('every activation entry names He or Xavier, He exactly for the ReLU family', () => {
    for (const e of ACTIVATIONS as readonly Partial<ActivationEntry>[]) {
      assert.ok(e.init === 'he' || e.init === 'xavier', `${e.name}: init ${String(e.init)}`);
      assert.equal(e.init, HE.includes(e.name!) ? 'he' : 'xavier', e.name);
    }
  });

  it('init "auto" (the default) resolves from the registry entry, for every activation', () => {
    for (const e of ACTIVATIONS) {
      const layers = [
        { units: 3, activation: e.name },
        { units: 2, activation: e.name, init: 'auto' },
      ];
      const { config, problems } = validateConfig({ data: { inputs: [[0, 1]], targets: [[0, 1]] }, layers, loss: 'Square' });
      assert.ok(config, `${e.name}: ${JSON.stringify(problems)}`);
      assert.equal(config.layers[0].init, e.init, `${e.name}, init omitted`);
      assert.equal(config.layers[1].init, e.init, `${e.name}, init "auto"`);
    }
  });

  it('follows a changed registry entry (no separate list)', () => {
    const tanh = ACTIVATIONS.find((e) => e.name === 'tanh')!;
    const saved = tanh.init;
    try {
      tanh.init = 'he';
      const { config } = validateConfig({ data: { inputs: [[0, 1]], targets: [[0]] }, layers: [{ units: 1, activation: 'tanh' }], loss: 'Square' });
      assert.equal(config?.layers[0].init, 'he');
    } finally {
      tanh.init = saved;
    }
  });
});
