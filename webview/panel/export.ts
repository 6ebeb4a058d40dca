/**
 * Exports of the panel: a chart as PNG handed to the host as a `save` message (the host shows the save
 * dialog and writes the file; a webview cannot). The CSV of the history is built by the host, which holds
 * every epoch (`exportCsv`); `csvSaveMessage` remains for a history the page holds in full.
 */
import type { EpochReport } from '../../src/core/train/types';
import { CSV_COLUMNS, exportName, historyToCsv } from '../../src/protocol/view/history-csv';
import type { SaveMessage } from '../../src/protocol/panel';

export { CSV_COLUMNS, exportName, historyToCsv };

/** The `save` message carrying `history` as CSV. */
export function csvSaveMessage(fileName: string, history: readonly EpochReport[]): SaveMessage {
  return { type: 'save', format: 'csv', suggestedName: exportName(fileName, 'history', 'csv'), data: historyToCsv(history) };
}

/** The `save` message carrying a chart's picture (`dataUrl` from chart.js `toBase64Image()`). */
export function pngSaveMessage(fileName: string, chartName: string, dataUrl: string): SaveMessage {
  return { type: 'save', format: 'png', suggestedName: exportName(fileName, chartName, 'png'), data: dataUrl };
}
