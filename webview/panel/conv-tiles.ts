/**
 * Seeing a CNN: the first conv2d layer's filters as small tiles (a diverging map symmetric around 0:
 * the theme's blue for negative weights, its background for 0, its red for positive ones) and every
 * conv2d layer's feature maps for one fixed image (the theme's background for the smallest output, its
 * foreground for the largest), redrawn with each snapshot. Canvases are reused while the layout stays
 * the same, so a live update only repaints pixels.
 */
import type { FeatureMaps, FilterView } from '../../src/protocol/panel';
import { cssVar, rgb, type ThemeColors } from '../common/theme';
import { short } from './histogram-text';
import { filterPixels, levelPixels, type Rgb } from './tile-colors';

/** On-screen size (CSS pixels) a tile's longer side is scaled up to, at least 1 pixel per value. */
const FILTER_SIDE = 30;
const MAP_SIDE = 56;

/** A canvas of w×h pixels showing `pixels` (RGBA), shown `side` CSS pixels along its longer side. */
function paint(canvas: HTMLCanvasElement, w: number, h: number, pixels: Uint8ClampedArray, side: number): void {
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const scale = Math.max(1, Math.round(side / Math.max(w, h)));
  canvas.style.width = `${w * scale}px`;
  canvas.style.height = `${h * scale}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(w, h);
  image.data.set(pixels);
  ctx.putImageData(image, 0, 0);
}

/** A tile canvas (decorative: the group it is in carries the text alternative). */
function tileCanvas(title: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'tile';
  canvas.title = title;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

/** The diverging map's ends and middle in the current theme. */
function divergingEnds(colors: ThemeColors): { neg: Rgb; mid: Rgb; pos: Rgb } {
  return { neg: rgb(cssVar('--vscode-charts-blue', '#3794ff')), mid: rgb(colors.background), pos: rgb(cssVar('--vscode-charts-red', '#f14c4c')) };
}

/** Draws the filters of `view` into `container` (one group per filter, one tile per input channel); returns the tiles drawn. */
export function renderFilters(container: HTMLElement, caption: HTMLElement, view: FilterView, colors: ThemeColors): number {
  const { shown, channels, kh, kw, values, scale } = view;
  const area = kh * kw;
  const count = shown * channels;
  const key = `${shown}:${channels}:${kh}:${kw}`;
  if (container.dataset.layout !== key) {
    const groups = Array.from({ length: shown }, (_, f) => {
      const group = document.createElement('div');
      group.className = 'filter';
      for (let c = 0; c < channels; c++) group.append(tileCanvas(channels > 1 ? `filter ${f + 1}, input channel ${c + 1}` : `filter ${f + 1}`));
      return group;
    });
    container.replaceChildren(...groups);
    container.dataset.layout = key;
  }
  const all = Array.from(container.querySelectorAll<HTMLCanvasElement>('canvas.tile'));
  const { neg, mid, pos } = divergingEnds(colors);
  for (let t = 0; t < count && t < all.length; t++) paint(all[t], kw, kh, filterPixels(values, t * area, area, scale, neg, mid, pos), FILTER_SIDE);
  const more = view.filters > shown ? ` (the first ${shown} of ${view.filters})` : '';
  const text = `Layer ${view.layer + 1}: ${shown} filters${more} of ${channels}×${kh}×${kw} weights; colour: w / ${short(scale)}, blue negative, red positive.`;
  caption.textContent = text;
  container.setAttribute('aria-label', text);
  return Math.min(count, all.length);
}

/** Draws the probe image and every layer of `maps` into `container`; returns the layers and the channel tiles drawn. */
export function renderFeatureMaps(container: HTMLElement, maps: FeatureMaps, colors: ThemeColors): { layers: number; tiles: number } {
  const low = rgb(colors.background);
  const high = rgb(colors.foreground);
  const [ic, ih, iw] = maps.input.shape;
  const key = [`${ic}:${ih}:${iw}`, ...maps.layers.map((l) => `${l.layer}:${l.shown}:${l.height}:${l.width}`)].join('|');
  if (container.dataset.layout !== key) {
    const rows: HTMLElement[] = [];
    const inputRow = document.createElement('div');
    inputRow.className = 'map-layer';
    const inputTitle = document.createElement('h3');
    inputRow.append(inputTitle);
    for (let c = 0; c < ic; c++) inputRow.append(tileCanvas(`input channel ${c + 1}`));
    rows.push(inputRow);
    for (const l of maps.layers) {
      const row = document.createElement('div');
      row.className = 'map-layer';
      row.append(document.createElement('h3'));
      for (let c = 0; c < l.shown; c++) row.append(tileCanvas(`channel ${c + 1}`));
      rows.push(row);
    }
    container.replaceChildren(...rows);
    container.dataset.layout = key;
  }
  const rows = Array.from(container.querySelectorAll<HTMLElement>('.map-layer'));
  const fill = (row: HTMLElement | undefined, title: string, levels: readonly number[], n: number, h: number, w: number): void => {
    if (!row) return;
    const heading = row.querySelector('h3');
    if (heading) heading.textContent = title;
    row.setAttribute('role', 'img');
    row.setAttribute('aria-label', title);
    row.querySelectorAll<HTMLCanvasElement>('canvas.tile').forEach((canvas, c) => {
      if (c < n) paint(canvas, w, h, levelPixels(levels, c * h * w, h * w, low, high), MAP_SIDE);
    });
  };
  fill(
    rows[0],
    `Input: ${maps.input.set} sample ${maps.input.index + 1}${maps.input.label !== undefined ? `, a ${maps.input.label}` : ''}`,
    maps.input.levels,
    ic,
    ih,
    iw,
  );
  let shown = 0;
  maps.layers.forEach((l, k) => {
    const part = l.shown < l.channels ? `${l.shown} of ${l.channels}` : `${l.channels}`;
    fill(
      rows[k + 1],
      `${l.label}: ${part} channels of ${l.height}×${l.width}, outputs ${short(l.min)} to ${short(l.max)}`,
      l.levels,
      l.shown,
      l.height,
      l.width,
    );
    shown += l.shown;
  });
  return { layers: maps.layers.length, tiles: shown };
}
