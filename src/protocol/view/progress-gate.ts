/**
 * Backpressure between the extension host and the training panel: the host never sends more than the
 * page has acknowledged. Each message carries a sequence number; the page acknowledges the newest one it
 * has drawn (`rendered.seq`, at most once per animation frame). While `window` messages are unacknowledged,
 * progress waits here and coalesces: epochs are concatenated into the next message (append-only, nothing
 * is lost) and only the latest network snapshot is kept (latest wins). Any other message (a phase change,
 * a new run) flushes what waits first, so order is kept. If the page stays silent for `stallMs` while
 * messages wait (a dropped acknowledgement), one message goes anyway, so a run can never stall the panel.
 */
import type { EpochReport } from '../../core/train/types';
import type { HostToWebview, NetworkSnapshot, SequencedHostMessage } from '../panel';

/** Unacknowledged messages allowed in flight. */
export const DEFAULT_WINDOW = 2;
/** After this long without an acknowledgement, waiting progress is sent anyway. */
export const DEFAULT_STALL_MS = 2000;

/** Coalesces progress for a page that has not caught up. */
export class ProgressGate {
  private sent = 0;
  private acked = 0;
  private lastSendAt = 0;
  private reports: EpochReport[] = [];
  private snapshot: NetworkSnapshot | undefined;

  constructor(
    private readonly deliver: (message: SequencedHostMessage) => void,
    private readonly now: () => number,
    private readonly window = DEFAULT_WINDOW,
    private readonly stallMs = DEFAULT_STALL_MS,
  ) {}

  /** Messages sent and not yet acknowledged. */
  get inFlight(): number {
    return this.sent - this.acked;
  }

  /** Epochs waiting to be sent. */
  get waitingEpochs(): number {
    return this.reports.length;
  }

  /** Offers a message: progress and snapshots may wait and coalesce; anything else goes at once, after what waits. */
  offer(message: HostToWebview): void {
    switch (message.type) {
      case 'progress':
        for (const r of message.reports) this.reports.push(r);
        this.pump(false);
        break;
      case 'snapshot':
        this.snapshot = message.snapshot;
        this.pump(false);
        break;
      default:
        this.pump(true);
        this.send(message);
    }
  }

  /** The page drew everything up to `seq`: room for more. */
  ack(seq: number): void {
    if (seq > this.acked && seq <= this.sent) this.acked = seq;
    this.pump(false);
  }

  /** The page reloaded and will be sent the whole state: forget what waits and what was in flight. */
  restart(): void {
    this.reports = [];
    this.snapshot = undefined;
    this.acked = this.sent;
  }

  /** Sends a message outside the gate's coalescing (a reset), numbered like the others. */
  send(message: HostToWebview): void {
    this.sent++;
    this.lastSendAt = this.now();
    this.deliver({ ...message, seq: this.sent });
  }

  /** Sends what waits when there is room (or `force`, or the page has been silent for `stallMs`). */
  private pump(force: boolean): void {
    if (this.reports.length === 0 && !this.snapshot) return;
    const stalled = this.now() - this.lastSendAt >= this.stallMs;
    if (!force && this.inFlight >= this.window && !stalled) return;
    if (this.reports.length > 0) {
      const reports = this.reports;
      this.reports = [];
      this.send({ type: 'progress', reports });
    }
    if (this.snapshot) {
      const snapshot = this.snapshot;
      this.snapshot = undefined;
      this.send({ type: 'snapshot', snapshot });
    }
  }
}
