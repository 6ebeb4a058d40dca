/**
 * The convolution views of the worker's snapshots: the first conv2d layer's filters and every conv2d
 * layer's feature maps for a probe image give exactly the numbers of a plain loop over known integer
 * weights and pixels (so every sum is exact), within the caps on tiles, channels and levels; the layers'
 * output shapes and parameter counts; and the wiring of the probe through `inspectable`.
 */
import { strict as assert } from 'assert';
import { inputShapeOf, type ResolvedConfig } from '../../../src/core/config/resolved';
import type { Dataset } from '../../../src/core/data/dataset';
import { prepareRun } from '../../../src/core/config/load';
import { Conv2dLayer } from '../../../src/core/layers/conv2d';
import { layerShapes } from '../../../src/core/layers/kinds/registry';
import { Sequential } from '../../../src/core/model/sequential';
import { Rng } from '../../../src/core/rng';
import { TrainingRun } from '../../../src/core/train/trainer';
import { classLabel, featureMaps, filterView, MAX_FILTER_TILES, MAX_MAP_CHANNELS, toLevels } from '../../../src/node/worker/conv-views';
import { inspectable } from '../../../src/node/worker/inspectable-run';
import { takeSnapshot } from '../../../src/node/worker/network-snapshot';

/** Four samples of [2, 4, 4] integer pixels. */
const ROWS = Array.from({ length: 4 }, (_, s) => Array.from({ length: 32 }, (_, k) => ((k * 7 + s * 5) % 11) - 3));

/** conv 40 (2×2) → conv 3 (2×2) → flatten → dense 1, identity activations in the convolutions. */
function prepared(): { config: ResolvedConfig; data: Dataset } {
  const p = prepareRun(
    {
      data: { inputs: ROWS, targets: [0, 1, 0, 1], shape: [2, 4, 4] },
      layers: [
        { type: 'conv2d', filters: 40, kernel: 2, activation: 'identity' },
        { type: 'conv2d', filters: 3, kernel: 2, activation: 'identity' },
        { type: 'flatten' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'Binary',
      training: { epochs: 2, batchSize: 2, seed: 3 },
    },
    {},
  );
  assert.deepEqual(
    p.problems.filter((q) => q.severity === 'error'),
    [],
  );
  assert.ok(p.config && p.data);
  return { config: p.config, data: p.data };
}

/** The model of `prepared()` with integer weights: conv 1 w[k] = (k mod 9) − 4, b[f] = f mod 3; conv 2 w[k] = (k mod 5) − 2, b = 1. */
function knownModel(): Sequential {
  const p = prepared();
  const model = Sequential.build(p.config, new Rng(0));
  const [c1, c2] = model.layers as Conv2dLayer[];
  c1.w.forEach((_, k) => (c1.w[k] = (k % 9) - 4));
  c1.b.forEach((_, f) => (c1.b[f] = f % 3));
  c2.w.forEach((_, k) => (c2.w[k] = (k % 5) - 2));
  c2.b.fill(1);
  return model;
}

/** z[f, y, x] = b[f] + Σ_{c,i,j} W[f, c, i, j]·x[c, y + i, x + j] (stride 1, no padding), by plain loops. */
function convolve(x: ArrayLike<number>, [c, h, w]: number[], W: ArrayLike<number>, b: ArrayLike<number>, k: number): { out: number[]; shape: number[] } {
  const filters = b.length;
  const oh = h - k + 1,
    ow = w - k + 1;
  const out: number[] = [];
  for (let f = 0; f < filters; f++)
    for (let y = 0; y < oh; y++)
      for (let xx = 0; xx < ow; xx++) {
        let z = b[f];
        for (let ch = 0; ch < c; ch++)
          for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) z += W[((f * c + ch) * k + i) * k + j] * x[(ch * h + y + i) * w + xx + j];
        out.push(z);
      }
  return { out, shape: [filters, oh, ow] };
}

describe('convolution views of the snapshots', () => {
  it('filters: the first conv layer W[f, c, i, j], capped at 64 tiles (filters × channels), scale max |w|', () => {
    const model = knownModel();
    const view = filterView(model);
    assert.ok(view);
    // 2 input channels: ⌊64 / 2⌋ = 32 of the 40 filters, each 2 channels × 2×2.
    assert.deepEqual({ ...view, values: view.values.length }, { layer: 0, filters: 40, shown: 32, channels: 2, kh: 2, kw: 2, values: 32 * 8, scale: 4 });
    assert.equal(view.shown * view.channels, MAX_FILTER_TILES);
    assert.deepEqual(
      view.values,
      Array.from({ length: 256 }, (_, k) => (k % 9) - 4),
    );
    const few = filterView(model, 6);
    assert.deepEqual(few && { shown: few.shown, values: few.values }, { shown: 3, values: Array.from({ length: 24 }, (_, k) => (k % 9) - 4) });
    // More channels than tiles: still one filter.
    assert.equal(filterView(model, 1)?.shown, 1);
  });

  it('feature maps: each conv layer after its activation, exact levels, capped channels and levels', () => {
    const model = knownModel();
    const [c1, c2] = model.layers as Conv2dLayer[];
    const p = prepared();
    const x = ROWS[1];
    const one = convolve(x, [2, 4, 4], c1.w, c1.b, 2);
    const two = convolve(one.out, one.shape, c2.w, c2.b, 2);
    const maps = featureMaps(model, { data: p.data, index: 1, set: 'training' }, ['first', 'second']);
    assert.ok(maps);
    assert.deepEqual(maps.input.shape, [2, 4, 4]);
    assert.deepEqual(maps.input, { shape: [2, 4, 4], levels: toLevels(x, Math.min(...x), Math.max(...x)), set: 'training', index: 1, label: '1' });
    assert.equal(maps.layers.length, 2);
    const expect = (layer: number, label: string, values: number[], channels: number, shown: number, side: number): void => {
      const kept = values.slice(0, shown * side * side);
      const min = Math.min(...kept),
        max = Math.max(...kept);
      const levels = kept.map((v) => Math.round((255 * (v - min)) / (max - min)));
      assert.deepEqual(maps.layers[layer === 0 ? 0 : 1], { layer, label, channels, shown, height: side, width: side, min, max, levels });
    };
    // Layer 1: 40 channels of 3×3, capped at 16; layer 2: 3 channels of 2×2.
    expect(0, 'first', one.out, 40, MAX_MAP_CHANNELS, 3);
    expect(1, 'second', two.out, 3, 3, 2);
    assert.ok(maps.layers[0].levels.includes(0) && maps.layers[0].levels.includes(255));

    // 150 levels: 16·9 = 144 for layer 1, then ⌊6 / 4⌋ = 1 channel of layer 2.
    const tight = featureMaps(model, { data: p.data, index: 1, set: 'training' }, [], 16, 150);
    assert.deepEqual(
      tight?.layers.map((l) => [l.shown, l.levels.length]),
      [
        [16, 144],
        [1, 4],
      ],
    );
    // 100 levels: ⌊100 / 9⌋ = 11 channels of layer 1, layer 2 no longer fits.
    const tighter = featureMaps(model, { data: p.data, index: 1, set: 'training' }, [], 16, 100);
    assert.deepEqual(
      tighter?.layers.map((l) => [l.layer, l.shown, l.levels.length, l.label]),
      [[0, 11, 99, 'Layer 1']],
    );
  });

  it('classLabel: the class name, else its number; undefined for regression', () => {
    const base = { x: new Float64Array(6), n: 2, inputs: 3, task: 'classification' as const };
    assert.equal(classLabel({ ...base, y: Float64Array.of(0.2, 0.7), outputs: 1 }, 1), '1');
    assert.equal(classLabel({ ...base, y: Float64Array.of(0, 1, 0, 1, 0, 0), outputs: 3, classNames: ['a', 'b', 'c'] }, 0), 'b');
    assert.equal(classLabel({ ...base, y: Float64Array.of(0, 1, 0, 1, 0, 0), outputs: 3 }, 1), '0');
    assert.equal(classLabel({ ...base, task: 'regression', y: Float64Array.of(1, 2), outputs: 1 }, 0), undefined);
  });

  it('toLevels: round(255·(v − min)/(max − min)), 0 for a flat range or a value that is not finite', () => {
    assert.deepEqual(toLevels([-1, 0, 0.5, 1, NaN], -1, 1), [0, 128, 191, 255, 0]);
    assert.deepEqual(toLevels([2, 2], 2, 2), [0, 0]);
  });

  it('snapshots: output shapes and parameter counts per layer, filters and maps only for conv models', () => {
    const p = prepared();
    const model = knownModel();
    const layout = layerShapes(p.config.layers, inputShapeOf(p.config));
    assert.ok('shapes' in layout);
    const snap = takeSnapshot(model, p.data, 4, true, { shapes: layout.shapes, probe: { data: p.data, index: 0, set: 'training' } });
    assert.deepEqual(
      snap.layers.map((l) => [l.shape, l.params]),
      [
        [[40, 3, 3], 40 * (2 * 2 * 2 + 1)],
        [[3, 2, 2], 3 * (40 * 2 * 2 + 1)],
        [[12], 0],
        [[1], 12 + 1],
      ],
    );
    assert.equal(snap.filters?.shown, 32);
    assert.equal(snap.featureMaps?.layers.length, 2);
    assert.equal(snap.featureMaps?.layers[0].label, snap.layers[0].label);
    // Without a probe no feature maps; a dense model has neither.
    assert.equal(takeSnapshot(model, p.data, 4).featureMaps, undefined);
    const dense = prepareRun(
      { data: { generator: 'xor', samples: 20 }, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'Binary', training: { epochs: 1 } },
      {},
    );
    assert.ok(dense.config && dense.data);
    const plain = takeSnapshot(Sequential.build(dense.config, new Rng(0)), dense.data, 1, false, { probe: { data: dense.data, index: 0, set: 'training' } });
    assert.equal(plain.filters, undefined);
    assert.equal(plain.featureMaps, undefined);
  });

  it('inspectable runs send shapes, filters and the feature maps of the first sample of the view set', () => {
    const p = prepared();
    const runner = inspectable(new TrainingRun(p.config, p.data));
    runner.runEpoch();
    const snap = runner.snapshot?.(1);
    assert.ok(snap);
    assert.deepEqual(snap.layers[0].shape, [40, 3, 3]);
    assert.ok(snap.filters && snap.featureMaps);
    assert.deepEqual({ set: snap.featureMaps.input.set, index: snap.featureMaps.input.index }, { set: 'training', index: 0 });
  });
});
