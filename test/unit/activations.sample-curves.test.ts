/**
 * One way to sample an activation's curves: the core's sampler, and the hover, the gallery and the
 * panel's plots all reading the same numbers over the same x range.
 */
import { strict as assert } from 'assert';
import { ACTIVATIONS } from '../../src/core/activations';
import { curveRange, sampleCurves } from '../../src/core/activations/sample-curves';
import { sampleActivation } from '../../src/core/editing/activation-plot';
import { activationCurve } from '../../webview/panel/activation-curves';
import { sampleCurves as gallerySample } from '../../webview/gallery/gallery-sampling';

describe('activation curve sampling (core, shared by hover, gallery and panel)', () => {
  it('gives every activation the same range and the same f and f′ in the hover, the gallery and the panel', () => {
    for (const entry of ACTIVATIONS) {
      const params: Record<string, number> = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
      const core = sampleCurves(entry.name, params, { count: 161 });
      const hover = sampleActivation(entry.name, params);
      const gallery = gallerySample(entry.name, params, 161, false);
      const panel = activationCurve({ layer: 'Layer 1', name: entry.name, params }, 161);
      assert.deepEqual(hover.range, curveRange(entry.name, params), entry.name);
      for (const other of [hover.x, Array.from(gallery.xs), panel.xs]) assert.deepEqual(other, Array.from(core.xs), `${entry.name}: x grid`);
      for (const other of [hover.f, Array.from(gallery.f), panel.f]) assert.deepEqual(other, Array.from(core.f), `${entry.name}: f`);
      for (const other of [hover.d, Array.from(gallery.df), panel.df]) assert.deepEqual(other, Array.from(core.df), `${entry.name}: f′`);
    }
  });

  it('draws a row-wise activation as its first output on [x, 0]: softmax gives σ(x) and σ(x)(1 − σ(x))', () => {
    const c = sampleCurves('softmax', {}, { count: 11, range: [-5, 5] });
    assert.ok(c.note);
    c.xs.forEach((x, i) => {
      const s = 1 / (1 + Math.exp(-x));
      assert.ok(Math.abs(c.f[i] - s) < 1e-15, `f(${x})`);
      assert.ok(Math.abs(c.df[i] - s * (1 - s)) < 1e-15, `f′(${x})`);
    });
  });

  it('samples f″ where the activation defines it, only when asked', () => {
    assert.ok(sampleCurves('Mish', {}, { withSecond: true }).d2f);
    assert.equal(sampleCurves('Mish', {}).d2f, undefined);
    assert.equal(sampleCurves('ReLU', {}, { withSecond: true }).d2f, undefined);
  });

  it('widens or shifts the range where the shape lies further out', () => {
    assert.deepEqual(curveRange('ReLU6'), [-3, 9]);
    assert.deepEqual(curveRange('soft-shrink', { lambda: 3 }), [-9, 9]);
    assert.deepEqual(curveRange('threshold', { threshold: 2, value: 0 }), [-3, 7]);
    assert.deepEqual(curveRange('tanh'), [-5, 5]);
  });
});
