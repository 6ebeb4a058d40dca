/**
 * A one-line progress bar on a terminal (stderr), redrawn in place; silent when not a TTY.
 */

/** Where the bar is drawn: any stream with `write`, `isTTY` and optionally `columns`. */
export interface BarStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Draws `[=====>    ] 42/300 loss 0.1234` at most every 50 ms. */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: BarStream,
    private readonly now: () => number = Date.now,
  ) {}

  /** Redraws the bar for `done` of `total` with a short note. */
  update(done: number, total: number, note = '', force = false): void {
    if (!this.stream.isTTY) return;
    const t = this.now();
    if (!force && t - this.lastDraw < 50 && done < total) return;
    this.lastDraw = t;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 40));
    const filled = Math.round((width * done) / Math.max(1, total));
    const bar = '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (done >= total ? '=' : '>') : '') + ' '.repeat(width - filled);
    this.stream.write(`\r[${bar}] ${done}/${total} ${note}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the bar so normal output continues on a clean line. */
  clear(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
