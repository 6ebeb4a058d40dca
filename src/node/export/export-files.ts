/**
 * The one export path the CLI's `export` and the editor's "Export as PyTorch Script" share: the
 * description (or exported model file) checked with its data read through the path policy and the
 * size caps (CSV text and IDX bytes alike), then the files an export writes, as paths and contents.
 * Writing them is the caller's (atomically on the command line, through VS Code's file system in the editor).
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { configStem, pythonModuleName } from '../../core/config/file-names';
import { dataSourceRegistry } from '../../core/data/sources/registry';
import { prepareExportSource, type ExportSource } from '../../core/export/export-source';
import { exportOnnx } from '../../core/export/onnx';
import { exportPytorch } from '../../core/export/pytorch';
import { makeModelFile, type ModelFile } from '../../core/model/model-file';
import type { Problem } from '../../core/problems';
import { TrainingRun } from '../../core/train/trainer';
import { dataFileReaders, type DataFileReaders } from '../files/data-reader';
import type { DataAccess } from '../files/path-policy';

/** The forms an export can take. */
export type ExportForm = 'pytorch' | 'onnx' | 'json';

/** A checked export source with the readers its data came through (the PyTorch script reads its CSV again). */
export type ReadExportSource = ExportSource & { readers: DataFileReaders };

/** One file an export writes. */
export interface ExportedFile {
  /** Absolute path. */
  path: string;
  text: string | Uint8Array;
}

/** Default extension of each form. */
const EXTENSION: Record<ExportForm, string> = { pytorch: '.py', onnx: '.onnx', json: '.model.json' };

/** `dir/xor.nn.json` or `dir/xor.model.json` → `dir/xor` + the form's extension (a Python module name for a script). */
export function defaultExportPath(configFile: string, form: ExportForm): string {
  const stem = configStem(configFile) || 'model';
  return join(dirname(configFile), (form === 'pytorch' ? pythonModuleName(stem) : stem) + EXTENSION[form]);
}

/**
 * The export source of `text` (the file `configFile`, possibly with unsaved edits), its data files read
 * relative to the file's folder under `access`; or the problems (or the one-line reason) that prevent it.
 */
export function readExportSource(configFile: string, text: string, access: DataAccess): ReadExportSource | { problems: Problem[] } | { error: string } {
  const readers = dataFileReaders(dirname(resolve(configFile)), access);
  const source = prepareExportSource(text, readers.readFile, readers.readBinaryFile);
  return 'config' in source ? { ...source, readers } : source;
}

/** The PyTorch script at `scriptFile` and the data files it reads beside it (the script last). */
export function pytorchExportFiles(source: ReadExportSource, configFile: string, scriptFile: string): ExportedFile[] {
  const { config, data, dataConfig, saved } = source;
  const pathFromScript = (file: string): string => scriptRelative(resolve(dirname(resolve(configFile)), file), scriptFile);
  const form = dataSourceRegistry.of(dataConfig).scriptData?.(dataConfig, { data, readFile: source.readers.readFile, pathFromScript });
  const name = scriptFile.split(/[\\/]/).pop() ?? 'train.py';
  const sourceName = configFile.split(/[\\/]/).pop() ?? configFile;
  const result = exportPytorch({
    config,
    data,
    scriptName: name,
    source: form,
    startWeights: saved?.weights,
    sourceName,
    ...(source.validationData ? { validationData: source.validationData } : {}),
  });
  return [...result.files.map((f) => ({ path: join(dirname(scriptFile), f.name), text: f.text })), { path: scriptFile, text: result.script }];
}

/** The model file of the source: the saved one, or the description with its initial (untrained) weights. */
export function exportModelFile(source: ExportSource): ModelFile {
  return (
    source.saved ??
    makeModelFile(source.description, new TrainingRun(source.config, source.data).model.toJSON(), {
      status: 'untrained',
      epochs: 0,
      digest: source.digest,
      exportedAt: new Date().toISOString(),
    })
  );
}

/** The ONNX model (opset 17 unless given) or the model file's JSON text of the source. */
export function modelExportFile(source: ExportSource, form: 'onnx' | 'json', file: string, opset?: number): ExportedFile {
  const model = exportModelFile(source);
  if (form === 'json') return { path: file, text: JSON.stringify(model, null, 1) + '\n' };
  return { path: file, text: exportOnnx(model, opset !== undefined ? { opset } : {}) };
}

/** Where the script at `scriptFile` finds `file`: relative to the script's folder (with "/"), or absolute. */
function scriptRelative(file: string, scriptFile: string): string {
  const rel = relative(dirname(scriptFile), file);
  return (isAbsolute(rel) ? rel : rel.split(sep).join('/')) || file.split(sep).pop() || file;
}
