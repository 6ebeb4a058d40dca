/**
 * The panel's live region (`role="status"`): one sentence stating the run's phase, epoch and latest
 * training and validation loss, so screen readers (and tests) can follow a run without the canvas.
 * While training it is rewritten at most once a second; endings are announced at once.
 */
import { statusLine } from '../../src/protocol/view/panel-state';
import type { PanelState } from '../../src/protocol/panel';

/** Live-region updates while training are limited to one per this many ms (screen readers read each one). */
const ANNOUNCE_INTERVAL_MS = 1000;

/** The throttled status line. */
export class LiveRegion {
  private lastAnnounce = 0;
  private pending: number | undefined;
  private latest: PanelState | undefined;

  constructor(private readonly element: HTMLElement) {}

  /** Schedules `state` to be announced. */
  update(state: PanelState): void {
    this.latest = state;
    const sinceLast = Date.now() - this.lastAnnounce;
    if (state.phase !== 'running' || sinceLast >= ANNOUNCE_INTERVAL_MS) this.announce();
    else this.pending ??= window.setTimeout(() => this.announce(), ANNOUNCE_INTERVAL_MS - sinceLast);
  }

  private announce(): void {
    if (this.pending !== undefined) window.clearTimeout(this.pending);
    this.pending = undefined;
    this.lastAnnounce = Date.now();
    if (!this.latest) return;
    this.element.textContent = statusLine(this.latest);
    this.element.dataset.phase = this.latest.phase;
  }
}
