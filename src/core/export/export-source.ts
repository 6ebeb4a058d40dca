/**
 * What an export starts from, for the CLI's `export` and the extension's "Export as PyTorch
 * Script": the text of a `*.nn.json` description or of an exported model file (`nn-lab-model`),
 * checked and with its data loaded; a model file also brings the weights to start from.
 */
import { isObject } from '../config/checks';
import { prepareRun } from '../config/load';
import { parseConfigText } from '../config/parse-json';
import type { ResolvedConfig, ResolvedDataConfig } from '../config/resolved';
import type { Dataset } from '../data/dataset';
import type { Problem } from '../problems';
import { parseModelFile, type ModelFile } from '../model/model-file';

/** A description ready to export. */
export interface ExportSource {
  config: ResolvedConfig;
  data: Dataset;
  dataConfig: ResolvedDataConfig;
  /** The description as written (parsed JSON). */
  description: unknown;
  /** `prepareRun`'s digest of the config and data block. */
  digest: string;
  /** The model file the text was, when it was one (its weights are the starting point). */
  saved?: ModelFile;
  /** Warnings found while checking the description. */
  problems: Problem[];
  /** The `validationData` set, when the description has one. */
  validationData?: Dataset;
}

/**
 * The export source of `text`, or the problems (or the one-line reason) that prevent it; `readFile` reads CSV
 * text and `readBinaryFile` IDX bytes, relative to the description.
 */
export function prepareExportSource(
  text: string,
  readFile: (relativePath: string) => string,
  readBinaryFile?: (relativePath: string) => Uint8Array,
): ExportSource | { problems: Problem[] } | { error: string } {
  const parsed = parseConfigText(text);
  let description: unknown = parsed.value;
  let saved: ModelFile | undefined;
  if (isObject(parsed.value) && parsed.value.format === 'nn-lab-model') {
    const file = parseModelFile(parsed.value);
    if (typeof file === 'string') return { error: file };
    saved = file;
    description = file.config;
  }
  const prepared = prepareRun(saved ? description : text, { readFile, readBinaryFile });
  const { config, data, dataConfig } = prepared;
  if (!config || !data || !dataConfig) return { problems: prepared.problems };
  const source: ExportSource = { config, data, dataConfig, description, digest: prepared.digest ?? '', saved, problems: prepared.problems };
  if (prepared.validationData) source.validationData = prepared.validationData;
  return source;
}
