/**
 * The built-in 8×8 digits: the decoded module equals scikit-learn's load_digits() (shape, class
 * counts, first and last images, pixel sum), and a small model learns them.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { prepareRun } from '../../src/core/config/load';
import { allIndices, inputRows } from '../../src/core/data/dataset';
import { decodeBase64 } from '../../src/core/data/base64';
import { loadDigits } from '../../src/core/data/digits';
import { train } from '../../src/core/train/trainer';

/** Hand-copied from scikit-learn 1.2's load_digits(): samples per class 0..9, first and last image, sum of all pixels. */
const SKLEARN = {
  counts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
  first: [
    0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0,
    2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
  ],
  last: [
    0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0, 0, 0, 15, 15, 8, 15, 0, 0, 0, 0, 5, 16, 16, 10, 0, 0, 0, 0, 12, 15, 15, 12, 0, 0, 0, 4, 16, 6, 4, 16, 6,
    0, 0, 8, 16, 10, 8, 16, 8, 0, 0, 1, 8, 12, 14, 12, 1, 0,
  ],
  lastLabel: 8,
  pixelSum: 561718,
};

/** Class index of each sample (arg-max of its one-hot row). */
function labelsOf(y: Float64Array, n: number): number[] {
  return Array.from({ length: n }, (_, i) => y.subarray(10 * i, 10 * i + 10).indexOf(1));
}

describe('built-in digits', () => {
  const d = loadDigits();

  it('has 1,797 8×8 images, 10 classes, bytes 0..16 read as [0, 1]', () => {
    assert.deepEqual([d.n, d.inputs, d.outputs, d.task], [1797, 64, 10, 'classification']);
    assert.deepEqual(d.imageShape, [8, 8]);
    assert.ok(d.x instanceof Uint8Array && d.x.length === 1797 * 64);
    assert.equal(Math.max(...d.x), 16);
    const rows = inputRows(d, allIndices(d.n));
    assert.ok(rows.every((v) => v >= 0 && v <= 1));
  });

  it('matches scikit-learn: class counts, first and last image, pixel sum', () => {
    const labels = labelsOf(d.y, d.n);
    const counts = new Array(10).fill(0);
    for (const l of labels) counts[l]++;
    assert.deepEqual(counts, SKLEARN.counts);
    assert.deepEqual(Array.from(d.x.subarray(0, 64)), SKLEARN.first);
    assert.deepEqual(Array.from(d.x.subarray(64 * 1796)), SKLEARN.last);
    assert.equal(labels[1796], SKLEARN.lastLabel);
    assert.deepEqual(labels.slice(0, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(
      Array.from(d.x).reduce((s, v) => s + v, 0),
      SKLEARN.pixelSum,
    );
  });

  // Debian's scikit-learn (python3-sklearn, which npm test's first step installs) lives beside /usr/bin/python3, not in .venv/.
  it("matches Debian's scikit-learn (python3-sklearn): every pixel and label", () => {
    const script =
      'from sklearn.datasets import load_digits\nd=load_digits()\nprint(",".join(str(int(v)) for v in d.data.reshape(-1)))\nprint(",".join(str(int(v)) for v in d.target))';
    const r = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8', maxBuffer: 8 << 20 });
    assert.equal(r.error, undefined, `cannot run /usr/bin/python3 (apt-get install python3-sklearn): ${String(r.error)}`);
    assert.equal(r.status, 0, `/usr/bin/python3 cannot load scikit-learn's digits (apt-get install python3-sklearn):\n${r.stderr.trim().split('\n').pop()}`);
    const [pixels, targets] = r.stdout.trim().split('\n');
    assert.deepEqual(Array.from(d.x), pixels.split(',').map(Number));
    assert.deepEqual(labelsOf(d.y, d.n), targets.split(',').map(Number));
  });

  it('"normalize": true standardises the pixels (float64)', () => {
    const s = loadDigits(true);
    assert.ok(s.x instanceof Float64Array);
    const col = Array.from({ length: s.n }, (_, i) => s.x[i * 64 + 20]);
    const mean = col.reduce((a, b) => a + b, 0) / s.n;
    assert.ok(Math.abs(mean) < 1e-9);
  });

  it('a 64-32-10 model reaches more than 90 % validation accuracy', () => {
    const run = prepareRun({
      data: { dataset: 'digits' },
      layers: [
        { units: 32, activation: 'ReLU' },
        { units: 10, activation: 'softmax' },
      ],
      optimizer: { name: 'Adam', alpha: 0.005 },
      training: { epochs: 15, batchSize: 32, validationSplit: 0.2 },
    });
    assert.deepEqual(run.problems, []);
    const r = train(run.config!, run.data!);
    const last = r.history[r.history.length - 1];
    assert.ok(last.valAccuracy! > 0.9, `val accuracy ${last.valAccuracy}`);
  });

  it('decodes base64 like the standard', () => {
    assert.deepEqual(Array.from(decodeBase64('AAECAw==')), [0, 1, 2, 3]);
    assert.deepEqual(Array.from(decodeBase64('/+8=')), [255, 239]);
    assert.throws(() => decodeBase64('A*'), /invalid base64 character at 1/);
  });
});
