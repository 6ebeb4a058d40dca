import type { FloatArray } from '../../src/core/linalg/float-array';
import { strict as assert } from 'assert';
import { createThreadedKernel } from '../../bench/thread-helper';
import type { ResolvedConfig } from '../../src/core/config/resolved';
import type { Dataset } from '../../src/core/data/dataset';
import { isKernelHelperThread } from '../../src/node/threads/kernel-thread';
import { ThreadedWasmKernel } from '../../src/core/linalg/threaded-kernel';
import { WasmKernel } from '../../src/core/linalg/wasm-kernel';
import { Rng } from '../../src/core/rng';
import { TrainingRun } from '../../src/core/train/trainer';
import { dense, resolvedConfig } from './model-fixtures';
import { kernelName } from '../support/kernel-name';

/** Random inputs and one-hot targets for a classifier with `inputs` features and `classes` classes. */
function randomData(n: number, inputs: number, classes: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n * inputs }, () => rng.normal());
  const y = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) y[i * classes + rng.int(classes)] = 1;
  return { x, y, n, inputs, outputs: classes, task: 'classification' };
}

/** Fills a kernel-owned array with a fixed pattern. */
function filled(kernel: WasmKernel, len: number, f: (i: number) => number): FloatArray {
  const a = kernel.alloc(len);
  for (let i = 0; i < len; i++) a[i] = f(i);
  return a;
}

describe('two-thread WebAssembly kernel', function () {
  this.timeout(60000);

  for (const precision of ['float64', 'float32'] as const) {
    it(`splits big products over two threads with results identical to one thread (${precision})`, async () => {
      const threaded = (await createThreadedKernel(precision))!;
      try {
        const single = new WasmKernel({ precision });
        // 70 rows: the helper's share (rows 32–69) is not a multiple of 4; 99 and 13 exercise the edge tiles.
        const [n, k, m] = [70, 300, 99];
        const results = [single, threaded.kernel].map((kern) => {
          const a = filled(kern, n * k, (i) => Math.sin(i)),
            b = filled(kern, k * m, (i) => Math.cos(0.7 * i));
          const g = filled(kern, n * m, (i) => Math.sin(0.3 * i)),
            bias = filled(kern, m, (i) => i / m);
          const c = kern.alloc(n * m),
            dw = kern.alloc(k * m),
            dx = kern.alloc(n * k);
          kern.matmul(a, b, c, n, k, m, bias);
          kern.matmulTransA(a, g, dw, n, k, m);
          kern.matmulTransB(g, b, dx, n, m, k);
          return [c, dw, dx].map((x) => Array.from(x));
        });
        assert.deepEqual(results[1], results[0]);
        assert.equal(threaded.kernel.splitCount, 3, 'products split');
        assert.equal(threaded.kernel.name, kernelName(precision === 'float64' ? 'wasm64x2' : 'wasm32x2'));
      } finally {
        threaded.close();
      }
    });
  }

  it('leaves small products on one thread and never starts the helper for a small model', () => {
    let spawned = 0;
    const kernel = new ThreadedWasmKernel({
      spawn: () => {
        spawned++;
        return { terminate: () => undefined };
      },
    });
    const config: ResolvedConfig = resolvedConfig(
      2,
      [dense(16, 'ReLU'), dense(16, 'ReLU'), dense(2, 'softmax')],
      'Cross',
      { name: 'SGD', params: { eta: 0.1 } },
      { epochs: 3, batchSize: 32 },
    );
    const run = new TrainingRun(config, randomData(256, 2, 2, 1), { kernel });
    while (!run.done) run.runEpoch();
    assert.equal(spawned, 0);
    assert.equal(kernel.splitCount, 0);
  });

  it('trains bit-identically on one and two threads', async () => {
    const config: ResolvedConfig = resolvedConfig(
      40,
      [dense(48, 'ReLU'), dense(24, 'tanh'), dense(3, 'softmax')],
      'Cross',
      { name: 'Adam', params: { alpha: 0.01 } },
      { epochs: 4, batchSize: 32, validationSplit: 0.25 },
    );
    const data = randomData(300, 40, 3, 2);
    // Threshold 1: every product with at least 8 output rows is split.
    const threaded = (await createThreadedKernel('float64', 1))!;
    try {
      const one = new TrainingRun(config, data, { kernel: new WasmKernel() });
      const two = new TrainingRun(config, data, { kernel: threaded.kernel });
      while (!one.done) one.runEpoch();
      while (!two.done) two.runEpoch();
      assert.ok(threaded.kernel.splitCount > 100, `only ${threaded.kernel.splitCount} products split`);
      assert.deepEqual(
        two.history.map((e) => [e.loss, e.valLoss, e.accuracy]),
        one.history.map((e) => [e.loss, e.valLoss, e.accuracy]),
      );
    } finally {
      threaded.close();
    }
  });

  it('a run that made its own two-thread kernel stops the helper when it ends', () => {
    let terminated = 0;
    const config: ResolvedConfig = resolvedConfig(
      2,
      [dense(4, 'tanh'), dense(1, 'sigmoid')],
      'Binary',
      { name: 'SGD', params: { eta: 0.1 } },
      { epochs: 2, batchSize: 8 },
    );
    const run = new TrainingRun(config, randomData(16, 2, 1, 3), { spawnKernelHelper: () => ({ terminate: () => void terminated++ }) });
    assert.equal(run.model.kernel.name, kernelName('wasm64x2'));
    (run.model.kernel as ThreadedWasmKernel).startHelper();
    while (!run.done) run.runEpoch();
    assert.equal(terminated, 1);
  });

  it('the main thread is not a helper thread', () => {
    assert.equal(isKernelHelperThread(), false);
  });
});
