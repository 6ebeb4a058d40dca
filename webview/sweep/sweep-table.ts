/**
 * The sweep's table: a column per parameter and per metric, sortable by clicking (or pressing
 * Enter / Space on) a column's header button, the best run highlighted, each row with "Open" (its
 * config in a new editor) and "Apply…" (into the swept file) buttons; a click on a row opens it too.
 */
import type { SweepRow } from '../../src/protocol/sweep';
import { cellValue, formatNumber, type SweepColumn, type SweepSort } from '../../src/protocol/view/sweep-view';
import type { SweepMetric } from '../../src/core/sweep/sweep-types';

/** Most rows the table shows at once (the rest are counted in the note under it). */
export const MAX_TABLE_ROWS = 500;

/** What the table's buttons ask for. */
export interface TableActions {
  sort(column: SweepColumn): void;
  open(index: number): void;
  apply(index: number): void;
}

/** A column's identity, for comparing sorts. */
export function columnId(c: SweepColumn): string {
  return c.kind === 'param' ? `param:${c.key}` : c.kind === 'metric' ? `metric:${c.metric}` : c.kind;
}

function text(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The sweep table over `body` and its header row `head`. */
export class SweepTable {
  private headKey = '';

  constructor(
    private readonly head: HTMLElement,
    private readonly body: HTMLElement,
    private readonly note: HTMLElement,
    private readonly actions: TableActions,
  ) {
    body.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      const tr = target.closest('tr');
      if (!tr || tr.dataset.index === undefined) return;
      const index = Number(tr.dataset.index);
      if (target.closest('button.apply')) actions.apply(index);
      else if (tr.dataset.status !== 'invalid' || target.closest('button.open')) actions.open(index);
    });
  }

  /** Draws `rows` (already sorted and filtered) under columns for `parameters` and `metrics`; `best` is highlighted. */
  render(
    parameters: readonly string[],
    metrics: readonly SweepMetric[],
    rows: readonly SweepRow[],
    sort: SweepSort,
    best: number | undefined,
    total: number,
  ): void {
    const columns: { column: SweepColumn; label: string; num: boolean }[] = [
      { column: { kind: 'index' }, label: '#', num: true },
      ...parameters.map((key) => ({ column: { kind: 'param', key } as SweepColumn, label: key, num: false })),
      ...metrics.map((metric) => ({ column: { kind: 'metric', metric } as SweepColumn, label: metric, num: true })),
      { column: { kind: 'status' }, label: 'status', num: false },
    ];
    const headKey = JSON.stringify([columns.map((c) => columnId(c.column)), columnId(sort.column), sort.descending]);
    if (headKey !== this.headKey) {
      this.headKey = headKey;
      this.head.replaceChildren(
        ...columns.map(({ column, label }) => {
          const th = document.createElement('th');
          th.scope = 'col';
          const sorted = columnId(column) === columnId(sort.column);
          if (sorted) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
          const button = document.createElement('button');
          button.type = 'button';
          button.dataset.column = columnId(column);
          button.textContent = sorted ? `${label} ${sort.descending ? '▼' : '▲'}` : label;
          button.title = `Sort by ${label}`;
          button.addEventListener('click', () => this.actions.sort(column));
          th.append(button);
          return th;
        }),
        Object.assign(document.createElement('th'), { scope: 'col', textContent: 'config' }),
      );
    }
    const shown = rows.slice(0, MAX_TABLE_ROWS);
    this.body.replaceChildren(
      ...shown.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.index = String(row.index);
        tr.dataset.status = row.status;
        if (row.index === best) tr.classList.add('best');
        for (const { column, num } of columns) {
          const td = document.createElement(column.kind === 'index' ? 'th' : 'td');
          if (column.kind === 'index') td.setAttribute('scope', 'row');
          const v = column.kind === 'index' ? row.index + 1 : cellValue(row, column);
          td.textContent = text(v);
          if (num) td.className = 'num';
          if (column.kind === 'metric') {
            const spread = row.spread?.[column.metric];
            if (spread)
              td.title = `min ${formatNumber(spread[0])}, max ${formatNumber(spread[1])} over ${row.status === 'completed' ? 'the repeats' : 'the completed repeats'}`;
          }
          if (column.kind === 'status') {
            td.className = `status ${row.status === 'completed' ? '' : row.status === 'running' ? 'running' : 'bad'}`.trim();
            if (row.index === best) td.textContent = 'best';
            if (row.message) td.title = row.message;
          }
          tr.append(td);
        }
        const actions = document.createElement('td');
        actions.className = 'actions';
        if (row.status !== 'invalid') {
          const open = Object.assign(document.createElement('button'), { type: 'button', className: 'open secondary', textContent: 'Open' });
          open.title = `Open run ${row.index + 1}'s config in a new editor`;
          const apply = Object.assign(document.createElement('button'), { type: 'button', className: 'apply secondary', textContent: 'Apply…' });
          apply.title = `Write run ${row.index + 1}'s values into the swept file`;
          actions.append(open, apply);
        }
        tr.append(actions);
        return tr;
      }),
    );
    const hidden = total - rows.length;
    this.note.textContent = [
      rows.length > MAX_TABLE_ROWS ? `Showing the first ${MAX_TABLE_ROWS} of ${rows.length} rows in this order.` : '',
      hidden > 0 ? `${hidden} run${hidden === 1 ? '' : 's'} outside the filters.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
}
