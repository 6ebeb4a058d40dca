/**
 * SantaE and SantaSSS with their default settings train every shipped example to the end: with the
 * reference's defaults (λ = 1e-8, G_prev = 0 at the first step) SantaE diverged in the first epoch
 * on all of them and SantaSSS on the spiral.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { prepareRun } from '../../../src/core/config/load';
import { train } from '../../../src/core/train/trainer';

const examplesDir = join(__dirname, '..', '..', '..', 'examples');

describe('Santa defaults on the shipped examples', () => {
  // The Fashion-MNIST example (60,000 images read from IDX files) has its own tests; every other example trains here.
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.nn.json') && !f.startsWith('fashion-mnist'));
  for (const file of files) {
    for (const optimizer of ['SantaE', 'SantaSSS']) {
      it(`${file} trains with ${optimizer}'s defaults without diverging`, () => {
        const config = JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Record<string, unknown>;
        const run = prepareRun({ ...config, optimizer }, { readFile: (rel) => readFileSync(join(examplesDir, rel), 'utf8') });
        assert.ok(run.config && run.data, JSON.stringify(run.problems));
        const result = train(run.config, run.data);
        assert.equal(result.status, 'completed', result.message);
        const losses = result.history.map((r) => r.loss);
        assert.ok(losses.every(Number.isFinite));
        assert.ok(losses[losses.length - 1] < losses[0], `${file}: the loss fell (${losses[0]} → ${losses[losses.length - 1]})`);
      });
    }
  }
});
