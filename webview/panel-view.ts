/**
 * Renders the panel state into the page: status line (a polite live region), chart summary,
 * Stop button and the list of problems.
 */
import { isFinalPhase, lossSummary, statusLine } from '../src/shared/panel-state';
import type { PanelState } from '../src/shared/protocol';

/** Live-region updates while training are limited to one per this many ms (screen readers read each one). */
const ANNOUNCE_INTERVAL_MS = 1000;

/** The page's elements the view writes to. */
export class PanelView {
  private readonly status = this.element('status');
  private readonly summary = this.element('loss-summary');
  private readonly stop = this.element('stop') as HTMLButtonElement;
  private readonly problems = this.element('problems');
  private readonly problemList = this.element('problem-list');
  private lastAnnounce = 0;
  private pending: number | undefined;
  private latest: PanelState | undefined;

  /** Writes `state` to the page; while running, the status line is refreshed at most once a second. */
  render(state: PanelState): void {
    this.latest = state;
    this.stop.disabled = isFinalPhase(state.phase);
    this.summary.textContent = lossSummary(state.history);
    this.renderProblems(state);
    const sinceLast = Date.now() - this.lastAnnounce;
    if (state.phase !== 'running' || sinceLast >= ANNOUNCE_INTERVAL_MS) this.announce();
    else this.pending ??= window.setTimeout(() => this.announce(), ANNOUNCE_INTERVAL_MS - sinceLast);
  }

  private announce(): void {
    if (this.pending !== undefined) window.clearTimeout(this.pending);
    this.pending = undefined;
    this.lastAnnounce = Date.now();
    if (!this.latest) return;
    this.status.textContent = statusLine(this.latest);
    this.status.dataset.phase = this.latest.phase;
  }

  private renderProblems(state: PanelState): void {
    this.problems.hidden = state.problems.length === 0;
    this.problemList.replaceChildren(...state.problems.map((p) => {
      const li = document.createElement('li');
      li.className = p.severity;
      const where = document.createElement('code');
      where.textContent = p.where;
      li.append(where, ` ${p.message}`);
      return li;
    }));
  }

  private element(id: string): HTMLElement {
    const el = document.getElementById(id);
    if (!el) throw new Error(`#${id} is missing from the panel`);
    return el;
  }
}
