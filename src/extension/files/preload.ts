/**
 * For the extension host, which must not wait on the disk: reads a config's CSV file
 * asynchronously (path policy, safe reader) and hands the core a synchronous `readFile` that
 * serves that text, so `prepareRun` can be called on the host without a blocking read.
 */
import { shownText } from '../../core/data/shown-text';
import { allowedPath, type DataAccess } from './path-policy';
import { readTextFile } from './read-file';

/** The `data.csv` of a parsed config, when it names one. */
export function csvPathOf(config: unknown): string | undefined {
  const data = typeof config === 'object' && config !== null ? (config as { data?: unknown }).data : undefined;
  const csv = typeof data === 'object' && data !== null ? (data as { csv?: unknown }).csv : undefined;
  return typeof csv === 'string' ? csv : undefined;
}

/** A reader serving `csv` (read now, asynchronously) and failing for anything else; errors are kept and thrown when asked. */
export async function preloadedDataReader(csv: string | undefined, configDir: string, access: DataAccess): Promise<(relativePath: string) => string> {
  let loaded: { text: string } | { error: unknown } | undefined;
  if (csv !== undefined) {
    const shown = shownText(csv, 120);
    try {
      loaded = { text: (await readTextFile(await allowedPath(configDir, csv, shown, access), 'data', shown)).text };
    } catch (e) {
      loaded = { error: e };
    }
  }
  return (relativePath) => {
    if (relativePath !== csv || !loaded) throw Object.assign(new Error(`file not found: ${relativePath}`), { code: 'ENOENT' });
    if ('error' in loaded) throw loaded.error;
    return loaded.text;
  };
}
