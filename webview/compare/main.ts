/**
 * Entry of the optimizer comparison's script (`dist/compare.js`): keeps the comparison state from
 * the host's messages, draws the overlaid curves and the results table, and reports what it drew.
 */
import { tagParser } from '../../src/protocol/channel';
import {
  applyCompareUpdate,
  boundCompareState,
  HOST_TO_COMPARE_TYPES,
  parseSavedCompare,
  type CompareState,
  type CompareToHost,
  type HostToCompare,
} from '../../src/protocol/compare';
import { onThemeChange } from '../common/theme';
import { loadState, pageChannel, saveState } from '../common/vscode-api';
import { CompareChart } from './compare-chart';
import { describeState, renderTable } from './compare-table';

const channel = pageChannel<CompareToHost, HostToCompare>(tagParser<HostToCompare>(HOST_TO_COMPARE_TYPES), { onMessage: receive });

function post(message: CompareToHost): void {
  channel.post(message);
}

/** Saves a bounded copy of the comparison, at most once a second while runs stream in and at once when done. */
let lastSave = 0;
function persist(): void {
  const now = Date.now();
  if (!state.done && now - lastSave < 1000) return;
  lastSave = now;
  saveState(boundCompareState(state));
}

const chart = new CompareChart(document.getElementById('compare-chart') as HTMLCanvasElement);
const body = document.querySelector('#results tbody') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const stop = document.getElementById('stop') as HTMLButtonElement;
const logScale = document.getElementById('log-scale') as HTMLInputElement;
let state: CompareState = parseSavedCompare(loadState()) ?? { file: '', epochs: 0, seed: 0, series: [], done: false };
let cancelled = false;
let frame: number | undefined;

/** Redraws once per animation frame, however many messages arrived, then tells the host what is shown. */
function scheduleRender(): void {
  if (frame !== undefined) return;
  frame = requestAnimationFrame(() => {
    frame = undefined;
    chart.show(state.series);
    renderTable(body, state);
    status.textContent = describeState(state, cancelled);
    status.dataset.done = String(state.done);
    stop.disabled = state.done;
    post({ type: 'drawn', series: state.series.map((s) => ({ optimizer: s.optimizer, points: s.epochsDone ?? s.losses.length })) });
    persist();
  });
}

function receive(message: HostToCompare): void {
  switch (message.type) {
    case 'reset':
      state = message.state;
      cancelled = false;
      break;
    case 'update':
      state = applyCompareUpdate(state, message);
      break;
    case 'done':
      state = { ...state, done: true };
      cancelled = message.cancelled;
      break;
    default: {
      const unknown: never = message;
      throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
    }
  }
  scheduleRender();
}

stop.addEventListener('click', () => {
  stop.disabled = true;
  status.textContent = 'Stopping…';
  post({ type: 'stop' });
});
logScale.addEventListener('change', () => chart.setLogScale(logScale.checked, state.series));
onThemeChange(() => chart.applyTheme());
if (state.series.length > 0) scheduleRender(); // a restored comparison draws before the host answers
post({ type: 'ready' });
