import { strict as assert } from 'assert';
import { buildSync } from 'esbuild';
import { useTempDir } from '../support/temp-dir';
import { kernelName } from '../support/kernel-name';

/**
 * The library entry as scripts see it: src/core/index.ts bundled to CommonJS exactly as
 * `npm run build` makes dist/core.js, then loaded with require().
 */
describe('library entry (dist/core.js)', () => {
  type Lib = typeof import('../../src/core/index');
  let lib: Lib;
  const tmp = useTempDir('core');
  before(() => {
    const outfile = tmp.join('core.js');
    buildSync({
      entryPoints: ['src/core/index.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    lib = require(outfile) as Lib;
  });

  it('lists 26 activations and 17 optimizers by their registered names', () => {
    assert.equal(lib.activations.names().length, 26);
    assert.ok(lib.activations.names().includes('leaky-ReLU'));
    assert.equal(lib.optimizers.names().length, 17);
    assert.ok(lib.optimizers.names().includes('SGD'));
    assert.deepEqual(lib.losses.names(), ['Square', 'Binary', 'Cross']);
  });

  it('creates an activation with forward/backward over a batch (cols) and d2y where defined', () => {
    const softmax = lib.activations.create('softmax');
    // Two rows [0, ln 3] → [1/4, 3/4] each.
    const y = softmax.forward(new Float64Array([0, Math.log(3), 0, Math.log(3)]), 2);
    assert.ok(Math.abs(y[0] - 0.25) < 1e-15 && Math.abs(y[3] - 0.75) < 1e-15);
    // VJP with dy = [1, 0] on row 1: y ⊙ (dy − Σ dy·y) = [0.25·0.75, 0.75·(−0.25)].
    const dx = softmax.backward(new Float64Array(4), y, new Float64Array([1, 0, 0, 0]), 2);
    assert.ok(Math.abs(dx[0] - 0.1875) < 1e-15 && Math.abs(dx[1] + 0.1875) < 1e-15 && dx[2] === 0);
    const leaky = lib.activations.create('leaky-ReLU', { alpha: 0.1 });
    assert.deepEqual(Array.from(leaky.forward(new Float64Array([-2, 3]))), [-0.2, 3]);
    assert.equal(typeof lib.activations.create('Mish').d2y, 'function');
    assert.equal(lib.activations.create('ReLU').d2y, undefined);
  });

  it('creates an optimizer whose step updates params in place with t counted inside', () => {
    const sgd = lib.optimizers.create('SGD', { eta: 0.5 });
    const w = new Float64Array([1, 2]);
    sgd.step([w], [new Float64Array([2, -2])]);
    assert.deepEqual(Array.from(w), [0, 3]); // w − 0.5·g
    assert.equal(sgd.t, 1);
  });

  it('carries the WebAssembly kernel inside the bundle (no extra file) and trains with it in float32', () => {
    assert.equal(lib.createKernel('float32').name, kernelName('wasm32'));
    const prepared = lib.prepareRun({
      data: {
        inputs: [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        targets: [0, 1, 1, 0],
      },
      layers: [
        { units: 8, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      optimizer: { name: 'Adam', alpha: 0.05 },
      training: { epochs: 5, batchSize: 4, seed: 3, precision: 'float32' },
    });
    const run = new lib.TrainingRun(prepared.config!, prepared.data!);
    assert.equal(run.model.kernel.name, kernelName('wasm32'));
    assert.ok(Number.isFinite(run.runEpoch()!.loss));
  });

  it('answers a near miss with "did you mean"', () => {
    assert.throws(() => lib.activations.create('mish'), /Did you mean "Mish"/);
    assert.throws(() => lib.optimizers.create('adam'), /Did you mean "Adam"/);
  });

  it('trains an inline XOR description through prepareRun and train', () => {
    const prepared = lib.prepareRun({
      data: {
        inputs: [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        targets: [0, 1, 1, 0],
      },
      layers: [
        { units: 8, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      optimizer: { name: 'Adam', alpha: 0.05 },
      training: { epochs: 300, batchSize: 4, seed: 3 },
    });
    assert.deepEqual(
      prepared.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const result = lib.train(prepared.config!, prepared.data!);
    assert.equal(result.status, 'completed');
    assert.equal(result.history.at(-1)!.accuracy, 1);
  });
});
