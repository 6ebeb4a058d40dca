/**
 * Confusion matrices and sample images: counts add up to the samples, the diagonal is the number of
 * correct predictions (as the accuracy counts them), and misclassified images come first.
 */
import { strict as assert } from 'assert';
import { prepareRun } from '../../src/core/config/load';
import { allIndices, type Dataset } from '../../src/core/data/dataset';
import { classCount, classify, confusionMatrix, pixelsOf, sampleImages } from '../../src/core/model/confusion';
import { evaluateOn } from '../../src/core/train/evaluate';
import { train } from '../../src/core/train/trainer';

/** A digits model trained for `epochs` (few: it still errs). */
function digitsModel(epochs: number) {
  const run = prepareRun({
    data: { dataset: 'digits' },
    layers: [{ units: 10, activation: 'softmax' }],
    optimizer: { name: 'SGD', eta: 0.05 },
    training: { epochs, batchSize: 64 },
  });
  assert.ok(run.config && run.data);
  return { model: train(run.config, run.data).model, data: run.data };
}

describe('confusion matrix', () => {
  it('counts pairs of true and predicted classes', () => {
    const c = { actual: Int32Array.from([0, 0, 1, 2, 2, 2]), predicted: Int32Array.from([0, 1, 1, 2, 0, 2]) };
    assert.deepEqual(confusionMatrix(c, 3, ['a', 'b']), {
      labels: ['a', 'b', '2'],
      counts: [
        [1, 1, 0],
        [0, 1, 0],
        [1, 0, 2],
      ],
    });
  });

  it('on the digits: sums to the samples, diagonal = correct predictions = accuracy × n', () => {
    const { model, data } = digitsModel(1);
    const indices = allIndices(1000);
    const c = classify(model, data, indices);
    const m = confusionMatrix(c, classCount(data), data.classNames);
    const total = m.counts.flat().reduce((a, b) => a + b, 0);
    const diagonal = m.counts.reduce((s, row, i) => s + row[i], 0);
    assert.equal(total, 1000);
    const accuracy = evaluateOn(model, data, indices, true).accuracy!;
    assert.equal(diagonal, Math.round(accuracy * 1000));
    assert.ok(diagonal < 1000, 'one epoch of SGD still errs');
    // row i sums to the samples of class i
    const perClass = new Array(10).fill(0);
    for (let i = 0; i < 1000; i++) perClass[data.y.subarray(10 * i, 10 * i + 10).indexOf(1)]++;
    assert.deepEqual(
      m.counts.map((row) => row.reduce((a, b) => a + b, 0)),
      perClass,
    );
  });

  it('one output column: classes 0/1 by the 0.5 threshold', () => {
    const run = prepareRun({ data: { generator: 'xor', samples: 40 }, layers: [{ units: 1, activation: 'sigmoid' }], training: { epochs: 1 } });
    const { model } = train(run.config!, run.data!);
    const c = classify(model, run.data!);
    const m = confusionMatrix(c, classCount(run.data!));
    assert.equal(m.counts.length, 2);
    assert.equal(
      m.counts.flat().reduce((a, b) => a + b, 0),
      40,
    );
  });
});

describe('sample images', () => {
  it('lists the misclassified ones first, then correct ones, with pixels 0..255', () => {
    const { model, data } = digitsModel(1);
    const c = classify(model, data, allIndices(60));
    const wrongAt = Array.from(c.indices).filter((_, r) => c.actual[r] !== c.predicted[r]);
    const wrong = wrongAt.length;
    assert.ok(wrong > 4 && wrong < 56, `${wrong} misclassified among 60`);
    const limit = wrong + 4;
    const s = sampleImages(data, c, limit)!;
    assert.deepEqual(s.shape, [8, 8]);
    assert.equal(s.items.length, limit);
    const flags = s.items.map((it) => it.label !== it.predicted);
    assert.deepEqual(flags, [...new Array(wrong).fill(true), ...new Array(4).fill(false)]);
    // the misclassified ones in sample order: their pixels are those of wrongAt
    assert.deepEqual(
      s.items.slice(0, wrong).map((it) => it.pixels),
      wrongAt.map((i) => pixelsOf(data, i)),
    );
    const few = sampleImages(data, c, 3)!;
    assert.ok(few.items.length === 3 && few.items.every((it) => it.label !== it.predicted));
    for (const it of s.items) assert.ok(it.pixels.length === 64 && it.pixels.every((p) => Number.isInteger(p) && p >= 0 && p <= 255));
    // the first digit (a 0): pixel value 13 of 16 → round(13 · 255 / 16)
    assert.equal(pixelsOf(data, 0)[3], Math.round((13 * 255) / 16));
  });

  it('only for image sets; standardised pixels are stretched to 0..255', () => {
    const { model, data } = digitsModel(1);
    const notImages: Dataset = { ...data, imageShape: undefined };
    assert.equal(sampleImages(notImages, classify(model, notImages, allIndices(5)), 4), undefined);
    const floats: Dataset = { ...data, x: Float64Array.from(data.x, (v) => v - 8), xDivisor: 1 };
    const p = pixelsOf(floats, 0);
    assert.equal(Math.min(...p), 0);
    assert.equal(Math.max(...p), 255);
  });
});
