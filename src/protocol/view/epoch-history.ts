/**
 * A run's epoch history, append-only, with an incremental min/max decimation that keeps the shape of
 * every curve at any length. Both ends use it: the extension host (the full record, and what it sends
 * on a reset) and the panel's webview (what it draws).
 *
 * Decimation: the epochs are grouped into consecutive buckets of `width` epochs. Each finished bucket
 * remembers, for every metric, the epoch with the smallest and the largest value (min/max buckets, as
 * oscilloscopes and TensorBoard's downsampling keep spikes). When more than `maxBuckets` buckets exist,
 * neighbours are merged pairwise and `width` doubles. A selection is the first epoch, the min/max
 * epochs of every bucket, and the last epoch exactly, so its size is at most 2·M·maxBuckets + 2 for M
 * metrics, whatever the history's length. Appending is O(1) amortised; selecting is O(maxBuckets).
 */
import type { EpochReport } from '../../core/train/types';

/** The per-epoch values a chart can show. */
export const CHART_METRICS = ['loss', 'valLoss', 'accuracy', 'valAccuracy', 'testLoss', 'testAccuracy'] as const;

/** One of `CHART_METRICS`. */
export type ChartMetric = (typeof CHART_METRICS)[number];

/** Buckets kept before neighbours are merged (a chart a few thousand pixels wide loses nothing). */
export const DEFAULT_MAX_BUCKETS = 512;

/** A finished group of epochs: for each metric, the indices of its smallest and largest finite value (−1: none). */
interface Bucket {
  min: number[];
  max: number[];
}

/** The value of `metric` at `report`, when it is a finite number. */
function finite(report: EpochReport, metric: ChartMetric): number | undefined {
  const v = report[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Append-only epoch reports with a bounded, shape-keeping selection for drawing and sending. */
export class EpochHistory {
  private readonly all: EpochReport[] = [];
  private buckets: Bucket[] = [];
  /** Epochs per bucket (a power of two). */
  private width = 1;
  /** Index of the first report not yet in a finished bucket. */
  private pending = 0;
  /** Reports that carry each metric (finite or not), for "points" counts. */
  private readonly counts = new Map<ChartMetric, number>(CHART_METRICS.map((m) => [m, 0]));

  constructor(private readonly maxBuckets = DEFAULT_MAX_BUCKETS) {
    if (!Number.isInteger(maxBuckets) || maxBuckets < 2) throw new RangeError('maxBuckets must be an integer of at least 2');
  }

  /** A history holding `reports`. */
  static of(reports: readonly EpochReport[], maxBuckets = DEFAULT_MAX_BUCKETS): EpochHistory {
    const h = new EpochHistory(maxBuckets);
    h.append(reports);
    return h;
  }

  /** Number of reports. */
  get length(): number {
    return this.all.length;
  }

  /** The latest report. */
  get last(): EpochReport | undefined {
    return this.all[this.all.length - 1];
  }

  /** The report at `index` (0 = oldest). */
  at(index: number): EpochReport | undefined {
    return this.all[index];
  }

  /** Every report, oldest first (a read-only view, not a copy). */
  get reports(): readonly EpochReport[] {
    return this.all;
  }

  /** How many reports carry a value of `metric`. */
  count(metric: ChartMetric): number {
    return this.counts.get(metric) ?? 0;
  }

  /** Appends `reports` in order: O(reports) amortised, independent of the history's length. */
  append(reports: readonly EpochReport[]): void {
    for (const r of reports) {
      this.all.push(r);
      for (const m of CHART_METRICS) if (r[m] !== undefined) this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
      if (this.all.length - this.pending >= this.width) this.closeBucket();
    }
  }

  /** Indices of the selected reports, ascending: first, every bucket's extremes, the open bucket's extremes, last. */
  selection(): number[] {
    const n = this.all.length;
    if (n === 0) return [];
    const picked: number[] = [0];
    const add = (i: number): void => {
      if (i >= 0) picked.push(i);
    };
    for (const b of this.buckets)
      for (let m = 0; m < CHART_METRICS.length; m++) {
        add(b.min[m]);
        add(b.max[m]);
      }
    const open = this.extremes(this.pending, n);
    for (let m = 0; m < CHART_METRICS.length; m++) {
      add(open.min[m]);
      add(open.max[m]);
    }
    picked.push(n - 1);
    picked.sort((a, b) => a - b);
    const unique: number[] = [];
    for (const i of picked) if (unique.length === 0 || unique[unique.length - 1] !== i) unique.push(i);
    return unique;
  }

  /** The selected reports (a bounded, shape-keeping copy of the history, last epoch exact). */
  decimated(): EpochReport[] {
    return this.selection().map((i) => this.all[i]);
  }

  /** Closes the pending reports into a bucket and merges neighbours when there are too many. */
  private closeBucket(): void {
    this.buckets.push(this.extremes(this.pending, this.all.length));
    this.pending = this.all.length;
    if (this.buckets.length > this.maxBuckets) {
      const merged: Bucket[] = [];
      for (let i = 0; i + 1 < this.buckets.length; i += 2) merged.push(this.merge(this.buckets[i], this.buckets[i + 1]));
      if (this.buckets.length % 2 === 1) merged.push(this.buckets[this.buckets.length - 1]);
      this.buckets = merged;
      this.width *= 2;
    }
  }

  /** Min/max indices per metric over reports [from, to). */
  private extremes(from: number, to: number): Bucket {
    const min = CHART_METRICS.map(() => -1);
    const max = CHART_METRICS.map(() => -1);
    for (let i = from; i < to; i++) {
      const r = this.all[i];
      CHART_METRICS.forEach((m, k) => {
        const v = finite(r, m);
        if (v === undefined) return;
        if (min[k] < 0 || v < (finite(this.all[min[k]], m) as number)) min[k] = i;
        if (max[k] < 0 || v > (finite(this.all[max[k]], m) as number)) max[k] = i;
      });
    }
    return { min, max };
  }

  /** One bucket covering two neighbours. */
  private merge(a: Bucket, b: Bucket): Bucket {
    const pick = (i: number, j: number, k: number, smaller: boolean): number => {
      if (i < 0) return j;
      if (j < 0) return i;
      const m = CHART_METRICS[k];
      const vi = finite(this.all[i], m) as number;
      const vj = finite(this.all[j], m) as number;
      return smaller ? (vj < vi ? j : i) : vj > vi ? j : i;
    };
    return {
      min: a.min.map((i, k) => pick(i, b.min[k], k, true)),
      max: a.max.map((i, k) => pick(i, b.max[k], k, false)),
    };
  }
}

/** A bounded, shape-keeping copy of `reports` (for past runs, persisted state and resets). */
export function decimateReports(reports: readonly EpochReport[], maxBuckets = DEFAULT_MAX_BUCKETS): EpochReport[] {
  return EpochHistory.of(reports, maxBuckets).decimated();
}
