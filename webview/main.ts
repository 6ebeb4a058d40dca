/**
 * Entry of the training panel's script (`dist/webview.js`): keeps the panel state from the host's
 * messages (restoring it from `getState` after a reload), draws every part of the page once per frame,
 * persists state and view preferences with `setState`, and reports back what it drew.
 */
import { applyToPanelState, initialPanelState, isFinalPhase, lossSummary } from '../src/shared/panel-state';
import type { HostToWebview, PanelState } from '../src/shared/protocol';
import { createAccuracyChart } from './accuracy-chart';
import { ActivationPlots } from './activation-plots';
import { ChartTools } from './chart-tools';
import { describeSurface, drawDecisionSurface } from './decision-surface';
import { csvSaveMessage, pngSaveMessage } from './export';
import { Header } from './header';
import { renderHistograms } from './histograms';
import { LiveRegion } from './live-region';
import { createLossChart } from './loss-chart';
import type { MetricChart } from './metric-chart';
import { renderProblems } from './problems-list';
import { DEFAULT_PREFS, fromPersisted, toPersisted, type ViewPrefs } from './state';
import { installTestHook } from './test-hook';
import { onThemeChange, themeColors } from './theme';
import { loadState, postToHost, saveState } from './vscode-api';

/** The element with `id`, or an error naming it. */
function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the panel`);
  return el as T;
}

const restored = fromPersisted(loadState());
let state: PanelState = restored?.panel ?? initialPanelState(document.querySelector('#title .file')?.textContent ?? '');
let prefs: ViewPrefs = restored?.prefs ?? { ...DEFAULT_PREFS };
let colors = themeColors();
let histogramLayers = 0;

const loss = createLossChart(byId<HTMLCanvasElement>('loss-chart'));
const accuracy = createAccuracyChart(byId<HTMLCanvasElement>('accuracy-chart'));
const plots = new ActivationPlots(byId('activation-plots'));
const live = new LiveRegion(byId('status'));
const header = new Header(byId('run-label'), byId('figures'), byId('actions'), {
  onTrain: () => postToHost({ type: 'train' }),
  onStop: () => postToHost({ type: 'stop' }),
});
const tools = new ChartTools(byId('chart-tools'), prefs, {
  onPrefs: (change) => {
    prefs = { ...prefs, ...change };
    schedule();
  },
  onExportCsv: () => postToHost(csvSaveMessage(state.fileName, state.history)),
});

/** Wires a chart card's PNG button. */
function pngButton(id: string, chart: MetricChart, name: string): void {
  byId(id).addEventListener('click', () => postToHost(pngSaveMessage(state.fileName, name, chart.toPng())));
}
pngButton('loss-png', loss, 'loss');
pngButton('accuracy-png', accuracy, 'accuracy');

let frame: number | undefined;
let drawnSnapshot: PanelState['snapshot'];
let themeChanged = false;

/** Redraws on the next animation frame (many messages per frame collapse into one draw). */
function schedule(): void {
  frame ??= requestAnimationFrame(draw);
}

/** Draws every part from `state` and `prefs`, persists both and tells the host what the chart holds. */
function draw(): void {
  frame = undefined;
  const force = themeChanged;
  themeChanged = false;
  header.render(state);
  live.update(state);
  renderProblems(byId('problems'), byId('problem-list'), state);
  tools.show(prefs);
  loss.render(state, prefs);
  byId('loss-summary').textContent = lossSummary(state.history);
  const classification = state.task === 'classification' || state.history.some((r) => r.accuracy !== undefined);
  byId('accuracy-card').hidden = !classification;
  if (classification) accuracy.render(state, prefs);
  byId('activations-card').hidden = state.activations.length === 0;
  plots.render(state.activations, colors, force);
  if (state.snapshot !== drawnSnapshot || force) drawSnapshot();
  persist();
  postToHost({ type: 'rendered', points: state.history.length, epoch: state.history[state.history.length - 1]?.epoch ?? 0 });
}

/** State is saved at most this often while a run streams in (a long history is costly to clone). */
const PERSIST_INTERVAL_MS = 1000;
let lastPersist = 0;
let persistTimer: number | undefined;

/** Saves state and prefs with `setState`: at once when the run is over, else at most once per interval. */
function persist(): void {
  const now = Date.now();
  if (isFinalPhase(state.phase) || now - lastPersist >= PERSIST_INTERVAL_MS) {
    window.clearTimeout(persistTimer);
    persistTimer = undefined;
    lastPersist = now;
    saveState(toPersisted(state, prefs));
  } else {
    persistTimer ??= window.setTimeout(() => {
      persistTimer = undefined;
      persist();
    }, PERSIST_INTERVAL_MS - (now - lastPersist));
  }
}

/** Draws the histograms and the decision surface of the latest snapshot. */
function drawSnapshot(): void {
  drawnSnapshot = state.snapshot;
  const snap = state.snapshot;
  histogramLayers = renderHistograms(byId('histograms'), snap, colors);
  byId('histograms-card').hidden = histogramLayers === 0;
  const surface = snap?.surface;
  byId('surface-card').hidden = !surface;
  if (snap && surface) {
    const canvas = byId<HTMLCanvasElement>('surface');
    const side = Math.min(360, Math.max(160, byId('surface-card').clientWidth - 24));
    drawDecisionSurface(canvas, surface, colors, side);
    canvas.setAttribute('aria-label', describeSurface(surface, snap.epoch));
  }
}

/** Applies one host message. */
function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'reset':
    case 'started':
    case 'progress':
    case 'phase':
    case 'snapshot':
    case 'runs':
      state = applyToPanelState(state, message);
      schedule();
      break;
    default: {
      const unknown: never = message;
      throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

onThemeChange(() => {
  colors = themeColors();
  loss.applyTheme();
  accuracy.applyTheme();
  themeChanged = true;
  schedule();
});

installTestHook({
  loss: () => loss.datasets(),
  accuracy: () => (byId('accuracy-card').hidden ? [] : accuracy.datasets()),
  lossScale: () => loss.scaleType,
  prefs: () => ({ ...prefs }),
  activationPlots: () => plots.count,
  histogramLayers: () => histogramLayers,
  surfaceEpoch: () => (byId('surface-card').hidden ? undefined : drawnSnapshot?.epoch),
});

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
draw();
postToHost({ type: 'ready' });
