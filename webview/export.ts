/**
 * Exports of the panel: the run's series as CSV and a chart as PNG, both handed to the host as a
 * `save` message (the host shows the save dialog and writes the file; a webview cannot).
 */
import type { EpochReport } from '../src/core/train/types';
import type { SaveMessage } from '../src/shared/protocol';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = ['epoch', 'loss', 'val_loss', 'accuracy', 'val_accuracy', 'elapsed'] as const;

/** One CSV cell: numbers in full precision, missing values empty. */
function cell(v: number | undefined): string {
  return v === undefined ? '' : String(v);
}

/** The history as CSV text with a header row and `\n` line ends. */
export function historyToCsv(history: readonly EpochReport[]): string {
  const rows = history.map((r) => [r.epoch, r.loss, r.valLoss, r.accuracy, r.valAccuracy, r.elapsed].map(cell).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** A file name for an export: the config's base name (without `.nn.json`), a suffix and the extension. */
export function exportName(fileName: string, suffix: string, ext: 'csv' | 'png'): string {
  const base = fileName.replace(/\.nn\.json$/i, '').replace(/\.json$/i, '').replace(/[^\w.\- ]+/g, '_') || 'model';
  return `${base}-${suffix}.${ext}`.slice(-120);
}

/** The `save` message carrying the history as CSV. */
export function csvSaveMessage(fileName: string, history: readonly EpochReport[]): SaveMessage {
  return { type: 'save', format: 'csv', suggestedName: exportName(fileName, 'history', 'csv'), data: historyToCsv(history) };
}

/** The `save` message carrying a chart's picture (`dataUrl` from chart.js `toBase64Image()`). */
export function pngSaveMessage(fileName: string, chartName: string, dataUrl: string): SaveMessage {
  return { type: 'save', format: 'png', suggestedName: exportName(fileName, chartName, 'png'), data: dataUrl };
}
