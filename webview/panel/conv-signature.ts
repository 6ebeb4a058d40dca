/**
 * What the convolution cards show, in numbers an end-to-end test can compare between two readings
 * (through the test hook): tile counts and sums of the values drawn, which change while the model trains.
 */
import type { NetworkSnapshot } from '../../src/protocol/panel';

/** The convolution cards' content. */
export interface ConvShown {
  /** Epoch of the snapshot drawn. */
  epoch: number;
  filterTiles: number;
  mapLayers: number;
  mapTiles: number;
  /** Σ of the filter weights sent (0 without filters). */
  filterSum: number;
  /** Σ over layers of the levels sent (0 without feature maps). */
  mapSum: number;
}

/** The sums of `snapshot`'s filters and feature-map levels. */
export function convSignature(snapshot: NetworkSnapshot): { filterSum: number; mapSum: number } {
  const filterSum = (snapshot.filters?.values ?? []).reduce((s, v) => s + v, 0);
  const mapSum = (snapshot.featureMaps?.layers ?? []).reduce((s, l) => s + l.levels.reduce((a, q) => a + q, 0), 0);
  return { filterSum, mapSum };
}
