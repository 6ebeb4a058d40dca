/**
 * The comparison's results table and status line: runs sorted by final training loss (best first),
 * diverged and failed runs last with their message.
 */
import { epochsOf, type CompareSeries, type CompareState } from '../../src/protocol/compare';

/** The last finite loss of a series, or undefined. */
export function finalLoss(s: CompareSeries): number | undefined {
  for (let i = s.losses.length - 1; i >= 0; i--) if (Number.isFinite(s.losses[i])) return s.losses[i];
  return undefined;
}

/** Series in table order: finished and running ones by final loss, then queued, then diverged/failed. */
export function rankSeries(series: readonly CompareSeries[]): CompareSeries[] {
  const group = (s: CompareSeries): number => (s.status === 'diverged' || s.status === 'failed' ? 2 : finalLoss(s) === undefined ? 1 : 0);
  return [...series].sort((a, b) => group(a) - group(b) || (finalLoss(a) ?? 0) - (finalLoss(b) ?? 0));
}

function formatLoss(v: number | undefined): string {
  if (v === undefined) return '—';
  return Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(3) : v.toPrecision(4);
}

function cell(tag: 'td' | 'th', text: string, cls?: string): HTMLElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  if (tag === 'th') c.setAttribute('scope', 'row');
  return c;
}

/** Fills the table body from `state`. */
export function renderTable(body: HTMLElement, state: CompareState): void {
  body.replaceChildren(
    ...rankSeries(state.series).map((s, i) => {
      const row = document.createElement('tr');
      row.dataset.optimizer = s.optimizer;
      row.dataset.status = s.status;
      const bad = s.status === 'diverged' || s.status === 'failed';
      const status = s.message ? `${s.status}: ${s.message}` : s.status;
      row.append(
        cell('td', bad ? '—' : String(i + 1)),
        cell('th', s.optimizer),
        cell('td', s.settings),
        cell('td', formatLoss(finalLoss(s)), 'num'),
        cell('td', String(epochsOf(s)), 'num'),
        cell('td', status, bad ? 'status bad' : 'status'),
      );
      return row;
    }),
  );
}

/** One sentence describing where the comparison is, for the live region. */
export function describeState(state: CompareState, cancelled: boolean): string {
  const ended = state.series.filter((s) => s.status !== 'queued' && s.status !== 'running');
  const bad = state.series.filter((s) => s.status === 'diverged' || s.status === 'failed').map((s) => `${s.optimizer} ${s.status}`);
  const best = rankSeries(state.series)[0];
  const bestText =
    best && finalLoss(best) !== undefined && !bad.some((b) => b.startsWith(`${best.optimizer} `))
      ? `Best: ${best.optimizer} (loss ${formatLoss(finalLoss(best))}).`
      : '';
  if (!state.done) return `Training ${state.series.length} optimizers on ${state.file} (seed ${state.seed}): ${ended.length} finished. ${bestText}`.trim();
  return [`${cancelled ? 'Stopped' : 'Finished'}: ${ended.length} of ${state.series.length} runs ended.`, bestText, bad.length ? `${bad.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
}
