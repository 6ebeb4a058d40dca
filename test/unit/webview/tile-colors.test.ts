/**
 * The pixel colours of the convolution tiles and the texts around them (pure, no DOM): the diverging map
 * is symmetric around 0, the level ramp runs from the background to the foreground, and the layer summary
 * and the test hook's sums say what the panel shows.
 */
import { strict as assert } from 'assert';
import { convSignature } from '../../../webview/panel/conv-signature';
import { layerSummary } from '../../../webview/panel/histogram-text';
import { diverging, filterPixels, levelPixels, ramp } from '../../../webview/panel/tile-colors';

const NEG = [0, 0, 200] as const;
const MID = [30, 30, 30] as const;
const POS = [200, 0, 0] as const;

describe('convolution tile colours', () => {
  it('diverging: mid at 0, the ends at ±1, clamped, equal magnitudes equally far from mid', () => {
    assert.deepEqual(diverging(0, NEG, MID, POS), [30, 30, 30]);
    assert.deepEqual(diverging(-1, NEG, MID, POS), [0, 0, 200]);
    assert.deepEqual(diverging(1, NEG, MID, POS), [200, 0, 0]);
    assert.deepEqual(diverging(7, NEG, MID, POS), [200, 0, 0]);
    assert.deepEqual(diverging(NaN, NEG, MID, POS), [30, 30, 30]);
    // t = ±0.5: mid + 0.5·(end − mid)
    assert.deepEqual(diverging(-0.5, NEG, MID, POS), [15, 15, 115]);
    assert.deepEqual(diverging(0.5, NEG, MID, POS), [115, 15, 15]);
  });

  it('filterPixels: w / scale through the diverging map, opaque; a zero scale is all mid', () => {
    const px = filterPixels([9, -2, 0, 2, 4], 1, 3, 4, NEG, MID, POS);
    assert.deepEqual(Array.from(px), [15, 15, 115, 255, 30, 30, 30, 255, 115, 15, 15, 255]);
    assert.deepEqual(Array.from(filterPixels([1], 0, 1, 0, NEG, MID, POS)), [30, 30, 30, 255]);
  });

  it('ramp and levelPixels: level 0 is low, 255 high', () => {
    assert.deepEqual(ramp(0, [0, 0, 0], [255, 200, 100]), [0, 0, 0]);
    assert.deepEqual(ramp(255, [0, 0, 0], [255, 200, 100]), [255, 200, 100]);
    assert.deepEqual(Array.from(levelPixels([0, 51, 255], 1, 2, [0, 0, 0], [255, 255, 255])), [51, 51, 51, 255, 255, 255, 255, 255]);
  });

  it('layerSummary: output shape and parameter count', () => {
    assert.equal(layerSummary({ shape: [16, 28, 28], params: 160 }), '→ 16×28×28 · 160 params');
    assert.equal(layerSummary({ shape: [10], params: 1 }), '→ 10 · 1 param');
    assert.equal(layerSummary({ params: 12345 }), '12,345 params');
    assert.equal(layerSummary({}), '');
  });

  it('convSignature: sums of the filter weights and of the feature-map levels', () => {
    const layer = { layer: 0, label: 'L', channels: 1, shown: 1, height: 1, width: 2, min: 0, max: 1 };
    assert.deepEqual(
      convSignature({
        epoch: 1,
        layers: [],
        filters: { layer: 0, filters: 1, shown: 1, channels: 1, kh: 1, kw: 2, values: [0.5, -0.25], scale: 0.5 },
        featureMaps: {
          input: { shape: [1, 1, 1], levels: [9], set: 'test', index: 0 },
          layers: [
            { ...layer, levels: [3, 4] },
            { ...layer, levels: [10, 0] },
          ],
        },
      }),
      { filterSum: 0.25, mapSum: 17 },
    );
    assert.deepEqual(convSignature({ epoch: 1, layers: [] }), { filterSum: 0, mapSum: 0 });
  });
});
