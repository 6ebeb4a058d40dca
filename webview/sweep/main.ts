/**
 * Entry of the sweep panel's script (`dist/sweep.js`): keeps the sweep's rows from the host's
 * messages and draws, at most once per animation frame however many messages arrived, the status,
 * the invalid combinations, the parallel-coordinates plot, the best runs' curves, the scatters and
 * the table (sorted by the chosen column, filtered by the brushes). Saves a bounded copy of the state
 * for a window reload, and exposes a read-only `window.__nnLabSweep` for end-to-end tests.
 */
import { tagParser } from '../../src/protocol/channel';
import {
  applySweepRow,
  dropSweepCurve,
  HOST_TO_SWEEP_TYPES,
  parseSavedSweep,
  type HostToSweep,
  type SweepRow,
  type SweepState,
  type SweepToHost,
} from '../../src/protocol/sweep';
import {
  bestRows,
  boundSweepState,
  defaultSort,
  formatNumber,
  metricAxis,
  metricColumns,
  parameterAxis,
  passesBrushes,
  setBrush,
  sortRows,
  type SweepBrush,
  type SweepColumn,
  type SweepSort,
} from '../../src/protocol/view/sweep-view';
import { higherIsBetter } from '../../src/core/sweep/sweep-types';
import { CurveKeeper } from '../../src/protocol/view/sweep-rows';
import { onThemeChange } from '../common/theme';
import { loadState, pageChannel, saveState } from '../common/vscode-api';
import { BestCurves } from './best-curves';
import { ParallelCoords } from './parallel-coords';
import { Scatters } from './scatters';
import { columnId, SweepTable } from './sweep-table';
import { installSweepTestHook, type SweepHookRow } from './test-hook';

/** How many of the best runs the curves chart overlays. */
const BEST_CURVES = 5;

const channel = pageChannel<SweepToHost, HostToSweep>(tagParser<HostToSweep>(HOST_TO_SWEEP_TYPES), { onMessage: receive });
const post = (message: SweepToHost): void => channel.post(message);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $<HTMLElement>('status');
const progress = $<HTMLProgressElement>('progress');
const stop = $<HTMLButtonElement>('stop');
const exportCsv = $<HTMLButtonElement>('export-csv');
const clearBrushes = $<HTMLButtonElement>('clear-brushes');
const invalidSection = $<HTMLElement>('invalid-section');
const invalidList = $<HTMLElement>('invalid');

let state: SweepState = parseSavedSweep(loadState()) ?? {
  file: '',
  source: '',
  metric: 'loss',
  repeats: 1,
  parameters: [],
  rows: [],
  done: 0,
  total: 0,
  finished: false,
  cancelled: false,
};
let sort: SweepSort = defaultSort(state.metric);
let curveKeeper = keeperFor(state);
let brushes: SweepBrush[] = [];
let frame: number | undefined;
let delay: ReturnType<typeof setTimeout> | undefined;
let lastRender = 0;
let lastSave = 0;
/** What the last draw showed, for the test hook. */
let shown: { rows: readonly SweepRow[]; visible: number; best: number | undefined; draws: number } = { rows: [], visible: 0, best: undefined, draws: 0 };

const table = new SweepTable($('results-head'), document.querySelector('#results tbody') as HTMLElement, $('table-note'), {
  sort: (column: SweepColumn) => {
    const same = columnId(column) === columnId(sort.column);
    sort = { column, descending: same ? !sort.descending : column.kind === 'metric' && higherIsBetter(column.metric) };
    scheduleRender();
  },
  open: (index) => post({ type: 'open', index }),
  apply: (index) => post({ type: 'apply', index }),
});
const pc = new ParallelCoords($('pc'), (key, lo, hi) => {
  brushes = setBrush(brushes, key, lo, hi);
  scheduleRender();
});
const curves = new BestCurves($('curves'));
const scatters = new Scatters($('scatters'));

/** A keeper of the best runs' curves that has seen `s`'s rows (their curves already bounded by the host). */
function keeperFor(s: SweepState): CurveKeeper {
  const keeper = new CurveKeeper(s.metric);
  s.rows.forEach((r, i) => {
    const { row, evicted } = keeper.admit(r);
    s.rows[i] = row;
    if (evicted !== undefined) dropSweepCurve(s, evicted);
  });
  return keeper;
}

/** Saves a bounded copy of the sweep, at most once a second (less often for big sweeps) while runs go, and at once when finished. */
function persist(): void {
  const now = Date.now();
  if (!state.finished && now - lastSave < 1000 + state.rows.length / 5) return; // a big sweep: less often
  lastSave = now;
  saveState(boundSweepState(state));
}

function describe(best: number | undefined): string {
  const running = state.rows.filter((r) => r.status === 'running').length;
  const bad = state.rows.filter((r) => r.status === 'diverged' || r.status === 'failed').length;
  const invalid = state.rows.filter((r) => r.status === 'invalid').length;
  const bestRow = state.rows.find((r) => r.index === best);
  const bestText = bestRow
    ? `Best${state.finished ? '' : ' so far'}: run ${bestRow.index + 1} (${state.metric} ${formatNumber(bestRow.metrics[state.metric] ?? NaN)}${state.repeats > 1 ? `, mean of ${state.repeats}` : ''}).`
    : '';
  const head = state.finished
    ? `${state.cancelled ? 'Stopped' : 'Finished'}: ${state.done} of ${state.total} combinations ended.`
    : `Sweeping ${state.file}: ${state.done} of ${state.total} combinations done${running ? `, ${running} running` : ''}.`;
  const notes = [bad ? `${bad} diverged or failed.` : '', invalid ? `${invalid} invalid (not run).` : ''];
  return [head, bestText, ...notes].filter(Boolean).join(' ');
}

function renderInvalid(): void {
  const invalid = state.rows.filter((r) => r.status === 'invalid').sort((a, b) => a.index - b.index);
  invalidSection.hidden = invalid.length === 0;
  if (String(invalid.length) === invalidList.dataset.count) return;
  invalidList.dataset.count = String(invalid.length);
  invalidList.replaceChildren(
    ...invalid.slice(0, 200).map((r) => {
      const li = document.createElement('li');
      li.textContent = `Run ${r.index + 1}: ${r.message ?? 'invalid'}`;
      return li;
    }),
  );
}

function render(): void {
  const higher = higherIsBetter(state.metric);
  const best = bestRows(state.rows, state.metric, BEST_CURVES);
  const bestIndex = best[0]?.index;
  const paramAxes = state.parameters.map((p) => parameterAxis(p, state.rows));
  const axes = [...paramAxes, metricAxis(state.metric, state.rows)];
  const passing = state.rows.filter((r) => passesBrushes(r, axes, brushes));
  const visible = new Set(passing.map((r) => r.index));
  const sorted = sortRows(passing, sort);
  status.textContent = describe(bestIndex);
  status.dataset.done = String(state.finished);
  progress.max = Math.max(1, state.total);
  progress.value = state.done;
  stop.disabled = state.finished;
  exportCsv.disabled = state.rows.length === 0;
  clearBrushes.disabled = brushes.length === 0;
  renderInvalid();
  pc.draw(axes, state.rows, brushes, visible, bestIndex, higher);
  curves.show(best);
  scatters.draw(paramAxes, axes[axes.length - 1], state.rows, visible, higher);
  table.render(
    state.parameters.map((p) => p.key),
    metricColumns(state),
    sorted,
    sort,
    bestIndex,
    state.rows.length,
  );
  shown = {
    rows: sorted,
    visible: passing.length,
    best: bestIndex,
    draws: shown.draws + 1,
  };
  persist();
}

/** Milliseconds between draws: every frame for small sweeps; a big one (whose draw costs more) at most every rows/10 ms, up to 1 s. */
function minInterval(): number {
  return state.rows.length > 1000 ? Math.min(1000, state.rows.length / 10) : 0;
}

/** Redraws once per animation frame at most, however many messages arrived (less often for big sweeps). */
function scheduleRender(): void {
  if (frame !== undefined || delay !== undefined) return;
  const wait = lastRender + minInterval() - performance.now();
  if (wait > 0) {
    delay = setTimeout(() => {
      delay = undefined;
      scheduleRender();
    }, wait);
    return;
  }
  frame = requestAnimationFrame(() => {
    frame = undefined;
    lastRender = performance.now();
    render();
  });
}

function receive(message: HostToSweep): void {
  switch (message.type) {
    case 'reset':
      if (message.state.source !== state.source || message.state.rows.length === 0) brushes = [];
      state = message.state;
      sort = defaultSort(state.metric);
      curveKeeper = keeperFor(state);
      break;
    case 'row': {
      const { row, evicted } = curveKeeper.admit(message.row);
      if (evicted !== undefined) dropSweepCurve(state, evicted);
      state = applySweepRow(state, row, message.done);
      break;
    }
    case 'finish':
      state.finished = true;
      state.cancelled = message.cancelled;
      for (const r of state.rows) if (r.status === 'running') r.status = 'cancelled';
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
exportCsv.addEventListener('click', () => post({ type: 'exportCsv' }));
clearBrushes.addEventListener('click', () => {
  brushes = [];
  scheduleRender();
});
window.addEventListener('resize', () => scheduleRender());
onThemeChange(() => {
  curves.applyTheme();
  scheduleRender();
});
installSweepTestHook({
  rows: (): SweepHookRow[] => shown.rows.map((r) => ({ index: r.index, status: r.status, parameters: { ...r.parameters }, metric: r.metrics[state.metric] })),
  visible: () => shown.visible,
  total: () => state.total,
  done: () => state.done,
  finished: () => state.finished,
  best: () => shown.best,
  brushes: () => brushes.map((b) => ({ ...b })),
  axes: () => pc.axisPlaces,
  pointer: () => ({ ...pc.pointer }),
  draws: () => shown.draws,
});
if (state.rows.length > 0) scheduleRender(); // a restored sweep draws before the host answers
post({ type: 'ready' });
