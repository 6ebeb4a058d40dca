/**
 * Checks of IDX data blocks while typing: only the first bytes of each file are read (through the
 * cache), enough for its magic number and sizes, so the model can be checked against the data's
 * shape (inputs, classes, image and label counts) without loading 50 MB per keystroke.
 */
import type { DataShape, ValidationResult } from '../../core/config/validate';
import { IdxError, readIdxHeader } from '../../core/data/idx';
import { idxDataShape } from '../../core/data/idx-dataset';
import type { Problem } from '../../core/problems';
import type { DataFileCache } from './data-file-cache';

/** The shapes of the config's IDX blocks as their files declare them, and the problems found reading them. */
export interface IdxShapes {
  dataShape?: DataShape;
  testDataShape?: DataShape;
  problems: Problem[];
}

/** Reads the headers of every IDX file of `data` and `testData`; `dir` resolves relative paths. Never throws. */
export function idxShapes(checked: Pick<ValidationResult, 'data' | 'testData'>, dir: string, files: DataFileCache): IdxShapes {
  const result: IdxShapes = { problems: [] };
  for (const key of ['data', 'testData'] as const) {
    const spec = checked[key];
    if (spec?.kind !== 'idx') continue;
    const names = { images: baseName(spec.images), labels: baseName(spec.labels) };
    const header = (which: 'images' | 'labels'): number[] | undefined => {
      const path = [key, 'idx', which];
      try {
        return readIdxHeader(files.readPrefix(dir, spec[which]), which, names[which]);
      } catch (e) {
        const message = e instanceof IdxError ? e.message : `data file not found: ${spec[which]}`;
        result.problems.push({ path, severity: 'error', code: e instanceof IdxError ? 'data' : 'file-not-found', message });
        return undefined;
      }
    };
    const labels = header('labels');
    const images = header('images');
    if (!labels || !images) continue;
    try {
      result[key === 'data' ? 'dataShape' : 'testDataShape'] = idxDataShape(images, labels, spec.classes, names);
    } catch (e) {
      result.problems.push({ path: [key, 'idx', 'labels'], severity: 'error', code: 'data', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
