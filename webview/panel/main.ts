/**
 * Entry of the training panel's script (`dist/webview.js`): keeps the panel model from the host's
 * messages (restoring it from `getState` after a reload), draws every part of the page at most once per
 * animation frame, persists a bounded (decimated) state and the view preferences with `setState`, and
 * acknowledges what it drew (`rendered.seq`): the host sends more progress only then.
 */
import { tagParser } from '../../src/protocol/channel';
import { initialPanelState, isFinalPhase, lossSummary, PanelModel } from '../../src/protocol/view/panel-state';
import { HOST_TO_WEBVIEW_TYPES, type PanelState, type SequencedHostMessage, type WebviewToHost } from '../../src/protocol/panel';
import { createAccuracyChart } from './accuracy-chart';
import { createLearningRateChart } from './lr-chart';
import { rateChanges } from './rate-changes';
import { ActivationPlots } from './activation-plots';
import { ChartTools } from './chart-tools';
import { describeSurface, drawDecisionSurface } from './decision-surface';
import { pngSaveMessage } from './export';
import { Header } from './header';
import { renderHistograms } from './histograms';
import { renderFeatureMaps, renderFilters } from './conv-tiles';
import { convSignature, type ConvShown } from './conv-signature';
import { LiveRegion } from './live-region';
import { createLossChart } from './loss-chart';
import type { MetricChart } from './metric-chart';
import { renderProblems } from './problems-list';
import { renderConfusion, type ConfusionSummary } from './confusion-matrix';
import { renderSamples } from './sample-images';
import { DEFAULT_PREFS, fromPersisted, toPersisted, type ViewPrefs } from './state';
import { installTestHook } from './test-hook';
import { onThemeChange, themeColors } from '../common/theme';
import { loadState, pageChannel, saveState } from '../common/vscode-api';

/** The element with `id`, or an error naming it. */
function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the panel`);
  return el as T;
}

const restored = fromPersisted(loadState());
const model = new PanelModel(restored?.panel ?? initialPanelState(document.querySelector('#title .file')?.textContent ?? ''));
let prefs: ViewPrefs = restored?.prefs ?? { ...DEFAULT_PREFS };
/** The newest host message applied (acknowledged after the next draw). */
let lastSeq = 0;
/** When this document's script started, when it first drew an epoch, and its latest draws (wall-clock ms), for tests and `npm run bench -- panel`. */
const timeline = { startedAt: Date.now(), firstPointAt: undefined as number | undefined, draws: [] as number[] };
/** Draw times kept for the timeline. */
const MAX_DRAW_TIMES = 600;
const channel = pageChannel<WebviewToHost, SequencedHostMessage>(tagParser<SequencedHostMessage>(HOST_TO_WEBVIEW_TYPES), { onMessage: receive });
const postToHost = (message: WebviewToHost): void => channel.post(message);
let colors = themeColors();
let histogramLayers = 0;
let confusionShown: ConfusionSummary | undefined;
let samplesShown = 0;
let convShown: ConvShown | undefined;

const loss = createLossChart(byId<HTMLCanvasElement>('loss-chart'));
const accuracy = createAccuracyChart(byId<HTMLCanvasElement>('accuracy-chart'));
const learningRate = createLearningRateChart(byId<HTMLCanvasElement>('lr-chart'));
const plots = new ActivationPlots(byId('activation-plots'));
const live = new LiveRegion(byId('status'));
const header = new Header(byId('run-label'), byId('figures'), byId('actions'), {
  onTrain: () => postToHost({ type: 'train' }),
  onStop: () => postToHost({ type: 'stop' }),
  onExport: () => postToHost({ type: 'export' }),
});
const tools = new ChartTools(byId('chart-tools'), prefs, {
  onPrefs: (change) => {
    prefs = { ...prefs, ...change };
    schedule();
  },
  onExportCsv: () => postToHost({ type: 'exportCsv' }),
});

/** Wires a chart card's PNG button. */
function pngButton(id: string, chart: MetricChart, name: string): void {
  byId(id).addEventListener('click', () => postToHost(pngSaveMessage(model.view.fileName, name, chart.toPng())));
}
pngButton('loss-png', loss, 'loss');
pngButton('accuracy-png', accuracy, 'accuracy');
pngButton('lr-png', learningRate, 'learning-rate');

let frame: number | undefined;
let drawnSnapshot: PanelState['snapshot'];
let themeChanged = false;

/** Redraws on the next animation frame (many messages per frame collapse into one draw). */
function schedule(): void {
  frame ??= requestAnimationFrame(draw);
}

/**
 * Draws every part from the model and `prefs`, persists both and acknowledges what it drew. The work is
 * bounded whatever the run's length: the charts read the history's decimated selection, the texts its ends.
 */
function draw(): void {
  frame = undefined;
  const force = themeChanged;
  themeChanged = false;
  const state = model.view;
  const history = model.history;
  const selection = history.selection();
  header.render(state);
  live.update(state);
  renderProblems(byId('problems'), byId('problem-list'), state);
  tools.show(prefs);
  loss.render(model, prefs, selection);
  byId('loss-summary').textContent = lossSummary(state.history);
  const classification = state.task === 'classification' || history.count('accuracy') > 0;
  byId('accuracy-card').hidden = !classification;
  if (classification) accuracy.render(model, prefs, selection);
  const scheduled = rateChanges(state.history);
  byId('lr-card').hidden = !scheduled;
  if (scheduled) learningRate.render(model, prefs, selection);
  byId('activations-card').hidden = state.activations.length === 0;
  plots.render(state.activations, colors, force);
  if (state.snapshot !== drawnSnapshot || force) drawSnapshot(state);
  persist();
  postToHost({ type: 'rendered', points: history.length, epoch: history.last?.epoch ?? 0, seq: lastSeq });
  const drawnAt = Date.now();
  if (history.length > 0) timeline.firstPointAt ??= drawnAt;
  timeline.draws.push(drawnAt);
  if (timeline.draws.length > MAX_DRAW_TIMES) timeline.draws.splice(0, timeline.draws.length - MAX_DRAW_TIMES);
}

/** State is saved at most this often while a run streams in (a long history is costly to clone). */
const PERSIST_INTERVAL_MS = 1000;
let lastPersist = 0;
let persistTimer: number | undefined;

/** Saves state and prefs with `setState`: at once when the run is over, else at most once per interval. */
function persist(): void {
  const now = Date.now();
  if (isFinalPhase(model.view.phase) || now - lastPersist >= PERSIST_INTERVAL_MS) {
    window.clearTimeout(persistTimer);
    persistTimer = undefined;
    lastPersist = now;
    saveState(toPersisted(model.toState(), prefs)); // bounded: the history decimated
  } else {
    persistTimer ??= window.setTimeout(
      () => {
        persistTimer = undefined;
        persist();
      },
      PERSIST_INTERVAL_MS - (now - lastPersist),
    );
  }
}

/** Draws the histograms and the decision surface of the latest snapshot. */
function drawSnapshot(state: PanelState): void {
  drawnSnapshot = state.snapshot;
  const snap = state.snapshot;
  histogramLayers = renderHistograms(byId('histograms'), snap, colors);
  byId('histograms-card').hidden = histogramLayers === 0;
  const confusion = snap?.confusion;
  byId('confusion-card').hidden = !confusion;
  confusionShown = confusion ? renderConfusion(byId('confusion'), byId('confusion-caption'), confusion, colors) : undefined;
  const samples = snap?.samples;
  byId('samples-card').hidden = !samples || samples.items.length === 0;
  samplesShown = samples ? renderSamples(byId('samples'), samples, confusion?.labels ?? []).shown : 0;
  const filters = snap?.filters;
  byId('filters-card').hidden = !filters;
  const filterTiles = filters ? renderFilters(byId('filters'), byId('filters-caption'), filters, colors) : 0;
  const maps = snap?.featureMaps;
  byId('maps-card').hidden = !maps || maps.layers.length === 0;
  const mapsShown = maps ? renderFeatureMaps(byId('feature-maps'), maps, colors) : { layers: 0, tiles: 0 };
  convShown =
    snap && (filters || maps) ? { epoch: snap.epoch, filterTiles, mapLayers: mapsShown.layers, mapTiles: mapsShown.tiles, ...convSignature(snap) } : undefined;
  const surface = snap?.surface;
  byId('surface-card').hidden = !surface;
  if (snap && surface) {
    const canvas = byId<HTMLCanvasElement>('surface');
    const side = Math.min(360, Math.max(160, byId('surface-card').clientWidth - 24));
    drawDecisionSurface(canvas, surface, colors, side);
    canvas.setAttribute('aria-label', describeSurface(surface, snap.epoch));
  }
}

/** Applies one host message (in place, in time proportional to the message) and schedules a draw. */
function receive(message: SequencedHostMessage): void {
  model.apply(message);
  if (typeof message.seq === 'number' && message.seq > lastSeq) lastSeq = message.seq;
  schedule();
}

onThemeChange(() => {
  colors = themeColors();
  loss.applyTheme();
  accuracy.applyTheme();
  learningRate.applyTheme();
  themeChanged = true;
  schedule();
});

installTestHook({
  loss: () => loss.datasets(),
  accuracy: () => (byId('accuracy-card').hidden ? [] : accuracy.datasets()),
  learningRate: () => (byId('lr-card').hidden ? [] : learningRate.datasets()),
  lossScale: () => loss.scaleType,
  prefs: () => ({ ...prefs }),
  activationPlots: () => plots.count,
  histogramLayers: () => histogramLayers,
  surfaceEpoch: () => (byId('surface-card').hidden ? undefined : drawnSnapshot?.epoch),
  confusion: () => (confusionShown ? { ...confusionShown } : undefined),
  samples: () => samplesShown,
  conv: () => (convShown ? { ...convShown } : undefined),
  timeline: () => ({ startedAt: timeline.startedAt, firstPointAt: timeline.firstPointAt, draws: [...timeline.draws] }),
});

draw();
postToHost({ type: 'ready' });
