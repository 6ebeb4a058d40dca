/**
 * Entry of the optimizer comparison's script (`dist/compare.js`): keeps the comparison state from
 * the host's messages, draws the overlaid curves and the results table, and reports what it drew.
 */
import { applyCompareUpdate, type CompareState, type CompareToHost, type HostToCompare } from '../src/shared/compare-protocol';
import { CompareChart } from './compare-chart';
import { describeState, renderTable } from './compare-table';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();

function post(message: CompareToHost): void {
  api.postMessage(message);
}

const chart = new CompareChart(document.getElementById('compare-chart') as HTMLCanvasElement);
const body = document.querySelector('#results tbody') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const stop = document.getElementById('stop') as HTMLButtonElement;
const logScale = document.getElementById('log-scale') as HTMLInputElement;
let state: CompareState = { file: '', epochs: 0, seed: 0, series: [], done: false };
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
    post({ type: 'drawn', series: state.series.map((s) => ({ optimizer: s.optimizer, points: s.losses.length })) });
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

window.addEventListener('message', (event: MessageEvent<HostToCompare>) => receive(event.data));
stop.addEventListener('click', () => {
  stop.disabled = true;
  status.textContent = 'Stopping…';
  post({ type: 'stop' });
});
logScale.addEventListener('change', () => chart.setLogScale(logScale.checked, state.series));
new MutationObserver(() => chart.applyTheme()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
post({ type: 'ready' });
