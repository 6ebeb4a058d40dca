/**
 * A run's history as CSV, and the file names of the panel's exports. The host builds the CSV (it holds
 * every epoch; the webview only a decimated selection of long runs).
 */
import type { EpochReport } from '../../core/train/types';

/** Columns of the CSV export, in order (`lr`: the learning rate the epoch trained with, empty for optimizers without one). */
export const CSV_COLUMNS = ['epoch', 'loss', 'val_loss', 'accuracy', 'val_accuracy', 'elapsed', 'test_loss', 'test_accuracy', 'lr'] as const;

/** One CSV cell: numbers in full precision, missing values empty. */
function cell(v: number | undefined): string {
  return v === undefined ? '' : String(v);
}

/** The history as CSV text with a header row and `\n` line ends. */
export function historyToCsv(history: readonly EpochReport[]): string {
  const rows = history.map((r) => [r.epoch, r.loss, r.valLoss, r.accuracy, r.valAccuracy, r.elapsed, r.testLoss, r.testAccuracy, r.lr].map(cell).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** A file name for an export: the config's base name (without `.nn.json`), a suffix and the extension. */
export function exportName(fileName: string, suffix: string, ext: 'csv' | 'png'): string {
  const base =
    fileName
      .replace(/\.nn\.json$/i, '')
      .replace(/\.json$/i, '')
      .replace(/[^\w.\- ]+/g, '_') || 'model';
  return `${base}-${suffix}.${ext}`.slice(-120);
}
