/**
 * Size limits of a CSV data set, checked while the file is parsed so a huge or hostile file stops
 * at the first row past a limit (with its line) instead of filling memory. The row limit is the
 * config's `maxSamples` (1,000,000 by default).
 */

/** Most columns a CSV file may have (features and targets together). */
export const MAX_CSV_COLUMNS = 1000;

/** Most numbers a data set may hold: rows × feature columns, and rows × target outputs (80 MB as 64-bit floats). */
export const MAX_CSV_VALUES = 10_000_000;

/** Most different class names a text target column may have (each becomes one output of a one-hot row). */
export const MAX_TEXT_CLASSES = 1000;
