/**
 * Every activation against PyTorch float64 values (test/fixtures/activations.json, written by
 * test/fixtures/make_activation_fixtures.py): forward, backward (a VJP with a random dy), d2y.
 *
 * Tolerance: |ours − torch| ≤ 1e-12·|torch| + 1e-14 for every value. The absolute part covers
 * values that both sides compute with cancellation (x − tanh x near 0, torch's tanh backward
 * 1 − (1 − tanh²)), which differ by a few 1e-17 in absolute terms.
 */
import { strict as assert } from 'assert';
import { activationRegistry } from '../../src/core/activations';
import { assertClose, f64, readFixture } from './activations.helpers';

interface ActivationCase {
  name: string;
  params: Record<string, number>;
  oracle: string;
  cols: number;
  x: number[];
  y: number[];
  dy: number[];
  dx: number[];
  d2y?: number[];
  mpmath?: Record<string, number[]>;
}

const RTOL = 1e-12;
const ATOL = 1e-14;
const fixture = readFixture<{ cases: ActivationCase[] }>('activations.json');

describe('activations vs PyTorch float64 fixtures', () => {
  for (const c of fixture.cases) {
    const label = `${c.name} ${JSON.stringify(c.params)} (${c.x.length / c.cols}×${c.cols}, ${c.oracle})`;
    it(label, () => {
      const act = activationRegistry.create(c.name, c.params);
      const x = f64(c.x);
      const y = act.forward(x, c.cols);
      assertClose(y, c.y, RTOL, ATOL, `${c.name} forward`, c.x);
      const dx = act.backward(x, y, f64(c.dy), c.cols);
      assertClose(dx, c.dx, RTOL, ATOL, `${c.name} backward`, c.x);
      if (c.d2y) {
        assert.ok(act.d2y, `${c.name} should define d2y`);
        assertClose(act.d2y(x), c.d2y, RTOL, ATOL, `${c.name} d2y`, c.x);
      }
      // The allocation-free paths give bit-identical results.
      const yInto = new Float64Array(x.length);
      act.forwardInto(x, yInto, c.cols);
      assert.deepEqual(yInto, y);
      const dxInto = new Float64Array(x.length);
      act.backwardInto(x, y, f64(c.dy), dxInto, c.cols);
      assert.deepEqual(dxInto, dx);
    });
  }

  it('covers every registered activation (a new activation without fixture values fails here)', () => {
    for (const name of activationRegistry.names()) {
      const cases = fixture.cases.filter((c) => c.name === name);
      assert.ok(cases.length > 0, `no fixture case for "${name}": add it to make_activation_fixtures.py`);
      if (activationRegistry.create(name).d2y)
        assert.ok(
          cases.every((c) => c.d2y),
          `fixture for "${name}" lacks second derivatives`,
        );
      // Both a single long row and a multi-row batch are covered.
      assert.ok(
        cases.some((c) => c.x.length / c.cols > 1),
        `no multi-row batch for "${name}"`,
      );
    }
    for (const c of fixture.cases) assert.ok(activationRegistry.has(c.name), `fixture names unknown activation ${c.name}`);
  });

  it('includes |x| = 1000 for every pointwise activation', () => {
    for (const name of activationRegistry.names()) {
      if (!activationRegistry.create(name).pointwise) continue;
      const xs = fixture.cases.filter((c) => c.name === name).flatMap((c) => c.x);
      assert.ok(xs.includes(1000) && xs.includes(-1000), name);
    }
  });
});
