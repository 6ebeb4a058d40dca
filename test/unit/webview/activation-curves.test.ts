import { strict as assert } from 'assert';
import { activationCurve, activationCurves, curveRange, curveTitle } from '../../../webview/panel/activation-curves';

const close = (a: number, b: number, tol = 1e-9): boolean => Math.abs(a - b) <= tol;

describe('activation plot curves', () => {
  it('samples tanh and its derivative 1 − tanh² over [−5, 5]', () => {
    const c = activationCurve({ layer: 'dense 1', name: 'tanh', params: {} }, 11);
    assert.deepEqual(c.xs, [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    c.xs.forEach((x, i) => {
      assert.ok(close(c.f[i], Math.tanh(x)), `f(${x})`);
      assert.ok(close(c.df[i], 1 - Math.tanh(x) ** 2), `f′(${x})`);
    });
    assert.equal(c.note, undefined);
  });

  it('applies parameters (leaky-ReLU alpha) and names them in the title', () => {
    const use = { layer: 'dense 2', name: 'leaky-ReLU', params: { alpha: 0.2 } };
    const c = activationCurve(use, 11);
    assert.ok(close(c.f[0], -1) && close(c.df[0], 0.2));
    assert.ok(close(c.f[10], 5) && close(c.df[10], 1));
    assert.equal(curveTitle(use), 'leaky-ReLU (alpha 0.2)');
  });

  it('widens the range where the shape lies further out', () => {
    assert.deepEqual(curveRange({ layer: '', name: 'ReLU6', params: {} }), [-3, 9]);
    assert.deepEqual(curveRange({ layer: '', name: 'hard-shrink', params: { lambda: 2 } }), [-6, 6]);
    assert.deepEqual(curveRange({ layer: '', name: 'threshold', params: { threshold: 1, value: 0 } }), [-4, 6]);
    assert.deepEqual(curveRange({ layer: '', name: 'sigmoid', params: {} }), [-5, 5]);
    const relu6 = activationCurve({ layer: '', name: 'ReLU6', params: {} }, 13);
    assert.equal(Math.max(...relu6.f), 6, 'the cap at 6 is inside the plotted range');
  });

  it('plots softmax through the first component of [x, 0] with its diagonal derivative', () => {
    const c = activationCurve({ layer: 'output', name: 'softmax', params: {} }, 5);
    c.xs.forEach((x, i) => {
      const s = 1 / (1 + Math.exp(-x));
      assert.ok(close(c.f[i], s), `softmax₀ at ${x}`);
      assert.ok(close(c.df[i], s * (1 - s)), `∂y₀/∂x₀ at ${x}`);
    });
    assert.match(c.note ?? '', /first component/);
  });

  it('merges layers that use the same activation and parameters', () => {
    const curves = activationCurves(
      [
        { layer: 'dense 1', name: 'tanh', params: {} },
        { layer: 'dense 2', name: 'tanh', params: {} },
        { layer: 'dense 3', name: 'ELU', params: { alpha: 1 } },
        { layer: 'dense 4', name: 'ELU', params: { alpha: 0.5 } },
      ],
      5,
    );
    assert.deepEqual(
      curves.map((c) => [c.title, c.layers.join(', ')]),
      [
        ['tanh', 'dense 1, dense 2'],
        ['ELU (alpha 1)', 'dense 3'],
        ['ELU (alpha 0.5)', 'dense 4'],
      ],
    );
  });
});
