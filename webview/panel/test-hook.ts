/**
 * A tiny read-only window into the panel for end-to-end tests, `window.__nnLab`: what the charts hold
 * (dataset labels, roles and point counts), the y scale, the view preferences, how many plots are shown and what the convolution cards show.
 * It exposes copies only; nothing in it can change the panel.
 */
import type { DatasetInfo } from './metric-chart';
import type { ConvShown } from './conv-signature';
import type { ViewPrefs } from './state';

/** What the hook reports. */
export interface TestHook {
  loss(): DatasetInfo[];
  accuracy(): DatasetInfo[];
  /** The learning-rate chart's datasets (empty while the card is hidden: no schedule changed the rate). */
  learningRate(): DatasetInfo[];
  lossScale(): string;
  prefs(): ViewPrefs;
  activationPlots(): number;
  histogramLayers(): number;
  surfaceEpoch(): number | undefined;
  /** The confusion matrix shown (classes, samples counted, right answers, which set), if any. */
  confusion(): { classes: number; total: number; correct: number; set: string } | undefined;
  /** Sample images shown. */
  samples(): number;
  /** Convolutional models: the filter tiles and feature maps shown, with sums that change as they train; else undefined. */
  conv(): ConvShown | undefined;
  /** Wall-clock ms: when the page's script started, when it first drew an epoch, and its latest draws. */
  timeline(): { startedAt: number; firstPointAt: number | undefined; draws: number[] };
}

/** Installs the hook as a frozen `window.__nnLab`. */
export function installTestHook(hook: TestHook): void {
  Object.defineProperty(window, '__nnLab', { value: Object.freeze({ ...hook }), writable: false, configurable: false });
}
