/**
 * `nn-lab export <file.nn.json | model.json> --to pytorch|onnx|json [-o OUT]`:
 * - pytorch: a self-contained PyTorch training script (plus the data file it reads) that trains
 *   the model as NN Lab does; from an exported model it starts from the saved weights;
 * - onnx: the network (saved weights, or the initial ones of a description) as an ONNX model;
 * - json: the model file "NN Lab: Export Trained Model" writes (a description gets its initial weights).
 * The core generates the contents; this command only resolves paths and writes the files.
 */
import { existsSync, statSync } from 'fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { dataSourceRegistry } from '../../core/data/sources/registry';
import { exportOnnx } from '../../core/export/onnx';
import { exportPytorch } from '../../core/export/pytorch';
import { NnError, oneLine } from '../../core/problems';
import { TrainingRun } from '../../core/train/trainer';
import { prepareExportSource } from '../../core/export/export-source';
import { makeModelFile } from '../../core/model/model-file';
import type { ExportFormat } from '../args';
import { formatProblem, terminalText } from '../format';
import type { CliIo } from '../io';
import { readConfigFile } from '../read-config';
import { writeError, writeFileAtomic } from '../write-file';

/** Options of the export command. */
export interface ExportCommandOptions {
  file: string;
  to: ExportFormat;
  output?: string;
  /** ONNX opset (17 to 23; default 17). */
  opset?: number;
  /** Read data files outside both the current folder and the description's folder. */
  allowOutside?: boolean;
}

/** Default extension of each format. */
const EXTENSION: Record<ExportFormat, string> = { pytorch: '.py', onnx: '.onnx', json: '.model.json' };

/** `dir/xor.nn.json` or `dir/xor.model.json` → `dir/xor` + the format's extension. */
export function defaultExportPath(file: string, to: ExportFormat): string {
  const name = basename(file).replace(/(\.nn|\.model)?\.json$/i, '') || 'model';
  const stem = to === 'pytorch' ? name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') : name;
  return join(dirname(file), stem + EXTENSION[to]);
}

/** Writes the export and returns the exit code (0 written, 1 invalid input or failed write, 2 unreadable file). */
export function exportCommand(o: ExportCommandOptions, io: CliIo): number {
  const { text, readFile, error } = readConfigFile(o.file, { allowOutside: o.allowOutside === true });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const source = prepareExportSource(text, readFile);
  if ('error' in source) {
    io.err(`nn-lab: ${oneLine(o.file)}: ${oneLine(source.error)}`);
    return 1;
  }
  if (!('config' in source)) {
    for (const p of source.problems) io.err(formatProblem(o.file, p));
    return 1;
  }
  const { config, data, dataConfig, saved, description } = source;
  const out = resolve(o.output ?? defaultExportPath(o.file, o.to));
  if (out === resolve(o.file) || /\.nn\.json$/i.test(out)) {
    io.err(`nn-lab: will not write over a model description (${oneLine(o.output ?? out)}); choose another name with -o`);
    return 1;
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    io.err(`nn-lab: ${oneLine(o.output ?? out)} is a folder; give a file name with -o`);
    return 1;
  }
  const shown = oneLine(o.output ?? (relative(process.cwd(), out) || out));
  try {
    if (o.to === 'pytorch') {
      const pathFromScript = (rel: string): string => scriptRelative(resolve(dirname(resolve(o.file)), rel), out);
      const form = dataSourceRegistry.of(dataConfig).scriptData?.(dataConfig, { data, readFile, pathFromScript });
      const result = exportPytorch({ config, data, scriptName: basename(out), source: form, startWeights: saved?.weights, sourceName: basename(o.file) });
      for (const f of result.files) writeFileAtomic(join(dirname(out), f.name), f.text);
      writeFileAtomic(out, result.script);
      const extra = result.files.map((f) => oneLine(f.name));
      io.out(`wrote ${shown}${extra.length ? ` and ${extra.join(', ')}` : ''}; run: python3 ${oneLine(basename(out))} --dtype float64`);
      return 0;
    }
    const model = saved ?? makeModelFile(description, new TrainingRun(config, data).model.toJSON(), {
      status: 'untrained', epochs: 0, digest: source.digest, exportedAt: new Date().toISOString(),
    });
    if (o.to === 'json') writeFileAtomic(out, JSON.stringify(model, null, 1) + '\n');
    else writeFileAtomic(out, exportOnnx(model, o.opset !== undefined ? { opset: o.opset } : {}));
    const what = [...(o.to === 'onnx' ? [`ONNX opset ${o.opset ?? 17}`] : []), ...(saved ? [] : ['initial weights: the description is untrained'])];
    io.out(`wrote ${shown}${what.length ? ` (${what.join('; ')})` : ''}`);
    return 0;
  } catch (e) {
    io.err(`nn-lab: ${e instanceof NnError ? terminalText(e.message) : writeError(out, e)}`);
    return 1;
  }
}

/** Where the script at `out` finds the data file `file`: relative to the script's folder (with "/"), or absolute. */
function scriptRelative(file: string, out: string): string {
  const rel = relative(dirname(out), file);
  return (isAbsolute(rel) ? rel : rel.split(sep).join('/')) || basename(file);
}
