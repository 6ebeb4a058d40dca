/**
 * Entry of the training panel's script (`dist/webview.js`): keeps the panel state from the host's
 * messages, draws the loss chart and the status line, and reports back what it drew.
 */
import { applyToPanelState, initialPanelState } from '../src/shared/panel-state';
import type { HostToWebview, PanelState } from '../src/shared/protocol';
import { LossChart } from './loss-chart';
import { PanelView } from './panel-view';
import { postToHost } from './vscode-api';

const canvas = document.getElementById('loss-chart') as HTMLCanvasElement;
const chart = new LossChart(canvas);
const view = new PanelView();
let state: PanelState = initialPanelState(document.querySelector('#title .file')?.textContent ?? '');

/** Applies one host message to the state, the chart and the page. */
function receive(message: HostToWebview): void {
  state = applyToPanelState(state, message);
  switch (message.type) {
    case 'reset':
      chart.reset(state.history, state.hasValidation);
      break;
    case 'started':
      chart.setValidation(message.hasValidation);
      break;
    case 'progress':
      chart.append(message.reports);
      break;
    case 'phase':
      break;
    default: {
      const unknown: never = message;
      throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
    }
  }
  view.render(state);
  if (message.type === 'reset' || message.type === 'progress') postToHost({ type: 'rendered', points: chart.points, epoch: chart.lastEpoch });
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
document.getElementById('stop')?.addEventListener('click', () => postToHost({ type: 'stop' }));
view.render(state);
postToHost({ type: 'ready' });
