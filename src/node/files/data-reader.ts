/**
 * The `readFile` / `readBinaryFile` callbacks the core's `prepareRun` gets for CSV and IDX data, for the CLI,
 * the training worker and the compare command: the path policy, then the safe reader with the kind's limit.
 */
import { shownText } from '../../core/data/shown-text';
import { allowedPathSync, type DataAccess } from './path-policy';
import { readBytesSync, readTextFileSync } from './read-file';

/** A synchronous reader of data files named relative to `configDir`, under `access`. */
export function dataFileReader(configDir: string, access: DataAccess): (relativePath: string) => string {
  return (relativePath) => {
    const shown = shownText(relativePath, 120);
    const file = allowedPathSync(configDir, relativePath, shown, access);
    return readTextFileSync(file, 'data', shown);
  };
}

/** A synchronous reader of binary data files (IDX images and labels) named relative to `configDir`, under `access`. */
export function binaryDataFileReader(configDir: string, access: DataAccess): (relativePath: string) => Uint8Array {
  return (relativePath) => {
    const shown = shownText(relativePath, 120);
    const file = allowedPathSync(configDir, relativePath, shown, access);
    return readBytesSync(file, 'idx', shown);
  };
}

/** Both readers of a config's data files. */
export interface DataFileReaders {
  readFile: (relativePath: string) => string;
  readBinaryFile: (relativePath: string) => Uint8Array;
}

/** The text and binary readers of data files named relative to `configDir`, under `access`. */
export function dataFileReaders(configDir: string, access: DataAccess): DataFileReaders {
  return { readFile: dataFileReader(configDir, access), readBinaryFile: binaryDataFileReader(configDir, access) };
}
