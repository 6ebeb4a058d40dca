/**
 * Checks of IDX data blocks while typing: only the first bytes of each file are read (through the
 * cache), enough for its magic number and sizes, so the model can be checked against the data's
 * shape (inputs, classes, image and label counts) without loading 50 MB per keystroke.
 */
import type { DataShape, ValidationResult } from '../../core/config/validate';
import { IdxError, readIdxHeader } from '../../core/data/idx';
import { idxDataShape } from '../../core/data/idx-dataset';
import type { Problem } from '../../core/problems';
import { shownText } from '../../core/data/shown-text';
import type { DataAccess } from '../files/path-policy';
import type { DataFileCache } from './data-file-cache';

/** The shapes of the config's IDX blocks as their files declare them, and the problems found reading them. */
export interface IdxShapes {
  dataShape?: DataShape;
  testDataShape?: DataShape;
  problems: Problem[];
}

/**
 * Reads the headers of every IDX file of `data` and `testData` (asynchronously, through the safe reader and
 * the path policy `access`); `dir` resolves relative paths. Never rejects.
 */
export async function idxShapes(checked: Pick<ValidationResult, 'data' | 'testData'>, dir: string, files: DataFileCache, access: DataAccess = {}): Promise<IdxShapes> {
  const result: IdxShapes = { problems: [] };
  for (const key of ['data', 'testData'] as const) {
    const spec = checked[key];
    if (spec?.kind !== 'idx') continue;
    const names = { images: baseName(spec.images), labels: baseName(spec.labels) };
    const header = async (which: 'images' | 'labels'): Promise<number[] | undefined> => {
      const path = [key, 'idx', which];
      try {
        return readIdxHeader(await files.readPrefix(dir, spec[which], access), which, names[which]);
      } catch (e) {
        const missing = (e as { code?: unknown }).code === 'ENOENT' || (e instanceof Error && /ENOENT|not found/.test(e.message));
        const message = e instanceof IdxError || !missing ? shownText(e instanceof Error ? e.message : String(e), 300) : `data file not found: ${shownText(spec[which], 200)}`;
        result.problems.push({ path, severity: 'error', code: missing ? 'file-not-found' : 'data', message });
        return undefined;
      }
    };
    const labels = await header('labels');
    const images = await header('images');
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
