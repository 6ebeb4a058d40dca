import { strict as assert } from 'assert';
import { generate, GENERATOR_NAMES } from '../../src/core/data/generators';
import { loadIris } from '../../src/core/data/iris';
import { standardize } from '../../src/core/data/normalize';

const opts = (over: Partial<{ samples: number; noise: number; classes: number; seed: number }> = {}) => ({
  samples: 200,
  noise: 0,
  classes: 2,
  seed: 7,
  ...over,
});

describe('data generators', () => {
  it('xor without noise: label 1 exactly where x·y > 0, points off the axes, classes balanced', () => {
    const d = generate('xor', opts());
    assert.equal(d.n, 200);
    assert.equal(d.inputs, 2);
    assert.equal(d.outputs, 1);
    assert.equal(d.task, 'classification');
    let ones = 0;
    for (let i = 0; i < d.n; i++) {
      const x = d.x[2 * i];
      const y = d.x[2 * i + 1];
      assert.ok(Math.abs(x) >= 0.05 && Math.abs(x) <= 1 && Math.abs(y) >= 0.05 && Math.abs(y) <= 1);
      assert.equal(d.y[i], x * y > 0 ? 1 : 0);
      ones += d.y[i];
    }
    assert.equal(ones, 100);
  });

  it('circle without noise: class 1 within radius 0.5, class 0 in the ring [0.7, 1]', () => {
    const d = generate('circle', opts({ samples: 101 }));
    for (let i = 0; i < d.n; i++) {
      const r = Math.hypot(d.x[2 * i], d.x[2 * i + 1]);
      if (d.y[i] === 1) assert.ok(r <= 0.5 + 1e-12, `r = ${r}`);
      else assert.ok(r >= 0.7 - 1e-12 && r <= 1 + 1e-12, `r = ${r}`);
    }
  });

  it('spiral with 3 arms: one-hot targets, radius grows with position on the arm', () => {
    const d = generate('spiral', opts({ samples: 90, classes: 3 }));
    assert.equal(d.outputs, 3);
    assert.deepEqual(d.classNames, ['class 0', 'class 1', 'class 2']);
    for (let i = 0; i < d.n; i++) {
      const row = Array.from(d.y.subarray(3 * i, 3 * i + 3));
      assert.deepEqual(
        row,
        [0, 1, 2].map((c) => (c === i % 3 ? 1 : 0)),
      );
      // arm position s = floor(i/3)/30 is the radius (noise 0)
      assert.ok(Math.abs(Math.hypot(d.x[2 * i], d.x[2 * i + 1]) - Math.floor(i / 3) / 30) < 1e-12);
    }
  });

  it('gauss: each cluster mean lies near its centre 0.6·(cos φ, sin φ)', () => {
    const d = generate('gauss', opts({ samples: 2000, classes: 4 }));
    for (let c = 0; c < 4; c++) {
      let mx = 0;
      let my = 0;
      let k = 0;
      for (let i = c; i < d.n; i += 4) {
        mx += d.x[2 * i];
        my += d.x[2 * i + 1];
        k++;
      }
      const phi = (2 * Math.PI * c) / 4 + Math.PI / 4;
      // standard error of the mean: 0.2/√500 ≈ 0.009; allow 5 of them
      assert.ok(Math.abs(mx / k - 0.6 * Math.cos(phi)) < 0.045 && Math.abs(my / k - 0.6 * Math.sin(phi)) < 0.045);
    }
  });

  it('sine without noise: y = sin(x), x in [−π, π]; noise adds a spread of about `noise`', () => {
    const d = generate('sine', opts({ samples: 500 }));
    assert.equal(d.task, 'regression');
    for (let i = 0; i < d.n; i++) {
      assert.ok(Math.abs(d.x[i]) <= Math.PI);
      assert.equal(d.y[i], Math.sin(d.x[i]));
    }
    const noisy = generate('sine', opts({ samples: 4000, noise: 0.1 }));
    let ss = 0;
    for (let i = 0; i < noisy.n; i++) ss += (noisy.y[i] - Math.sin(noisy.x[i])) ** 2;
    assert.ok(Math.abs(Math.sqrt(ss / noisy.n) - 0.1) < 0.01);
  });

  it('the same seed gives the same data, another seed other data', () => {
    for (const g of GENERATOR_NAMES) {
      const a = generate(g, opts({ noise: 0.1 }));
      const b = generate(g, opts({ noise: 0.1 }));
      const c = generate(g, opts({ noise: 0.1, seed: 8 }));
      assert.deepEqual(a.x, b.x, g);
      assert.notDeepEqual(a.x, c.x, g);
    }
  });
});

describe('iris', () => {
  it("holds Fisher's 150 samples, 50 per class, with the published column means", () => {
    const d = loadIris(false);
    assert.equal(d.n, 150);
    assert.equal(d.inputs, 4);
    assert.equal(d.outputs, 3);
    assert.deepEqual(d.classNames, ['setosa', 'versicolor', 'virginica']);
    // first sample of Fisher's table: 5.1, 3.5, 1.4, 0.2, setosa
    assert.deepEqual(Array.from(d.x.subarray(0, 4)), [5.1, 3.5, 1.4, 0.2]);
    assert.deepEqual(Array.from(d.y.subarray(0, 3)), [1, 0, 0]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 150; i++) for (let c = 0; c < 3; c++) counts[c] += d.y[3 * i + c];
    assert.deepEqual(counts, [50, 50, 50]);
    // UCI iris.names: means 5.84, 3.05 (3.057 after the 1999 correction), 3.76, 1.20
    const mean = [0, 1, 2, 3].map(
      (j) =>
        Float64Array.from(d.x)
          .filter((_, k) => k % 4 === j)
          .reduce((s, v) => s + v, 0) / 150,
    );
    [5.843, 3.057, 3.758, 1.199].forEach((m, j) => assert.ok(Math.abs(mean[j] - m) < 1e-3, `mean ${j}: ${mean[j]}`));
  });

  it('interleaves the classes so a trailing slice holds all three', () => {
    const d = loadIris(false);
    const tail = [0, 0, 0];
    for (let i = 120; i < 150; i++) for (let c = 0; c < 3; c++) tail[c] += d.y[3 * i + c];
    assert.deepEqual(tail, [10, 10, 10]);
  });

  it('is standardised by default: zero mean, unit variance per feature', () => {
    const d = loadIris();
    for (let j = 0; j < 4; j++) {
      const col = Array.from(d.x.filter((_, k) => k % 4 === j));
      const m = col.reduce((s, v) => s + v, 0) / 150;
      const v = col.reduce((s, x) => s + (x - m) ** 2, 0) / 150;
      assert.ok(Math.abs(m) < 1e-12 && Math.abs(v - 1) < 1e-12);
    }
  });
});

describe('standardize', () => {
  it('matches hand-worked values and leaves constant columns centred only', () => {
    // column 0: 1, 2, 3 → mean 2, σ = √(2/3) → (−1.2247…, 0, 1.2247…); column 1: constant 5 → 0
    const x = new Float64Array([1, 5, 2, 5, 3, 5]);
    const stats = standardize(x, 3, 2);
    assert.deepEqual(stats.mean, [2, 5]);
    const s = Math.sqrt(2 / 3);
    assert.ok(Math.abs(x[0] + 1 / s) < 1e-12 && x[2] === 0 && Math.abs(x[4] - 1 / s) < 1e-12);
    assert.deepEqual([x[1], x[3], x[5]], [0, 0, 0]);
  });
});
