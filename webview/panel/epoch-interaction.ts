/**
 * A chart.js interaction mode for per-epoch charts, `mode: 'epoch'`: the epoch nearest the pointer,
 * then one point of every visible line at that epoch (chart.js's `x` mode lists every point within
 * the hit radius, so neighbouring epochs showed up twice). Works on decimated lines too.
 */
import { Interaction, type InteractionItem, type InteractionModeFunction } from 'chart.js';

declare module 'chart.js' {
  interface InteractionModeMap {
    /** The epoch nearest the pointer, then one point of every visible line at that epoch. */
    epoch: InteractionModeFunction;
  }
}

/** Max horizontal distance (px) between the hovered epoch and a line's nearest point for it to be listed. */
const EPOCH_SNAP_PX = 6;

Interaction.modes.epoch = (chart, e, _options, useFinalPosition) => {
  const nearest = Interaction.modes.nearest(chart, e, { axis: 'x', intersect: false }, useFinalPosition);
  if (nearest.length === 0) return [];
  const x = nearest[0].element.x;
  const items: InteractionItem[] = [];
  for (const meta of chart.getSortedVisibleDatasetMetas()) {
    let best = -1;
    let dist = Infinity;
    meta.data.forEach((el, i) => {
      const d = Math.abs(el.x - x);
      if (d < dist) [best, dist] = [i, d];
    });
    if (best >= 0 && dist <= EPOCH_SNAP_PX) items.push({ element: meta.data[best], datasetIndex: meta.index, index: best });
  }
  return items;
};
