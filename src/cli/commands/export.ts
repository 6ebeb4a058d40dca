/**
 * `nn-lab export <file.nn.json | model.json> --to pytorch|onnx|json [-o OUT]`:
 * - pytorch: a self-contained PyTorch training script (plus the data file it reads) that trains
 *   the model as NN Lab does; from an exported model it starts from the saved weights;
 * - onnx: the network (saved weights, or the initial ones of a description) as an ONNX model;
 * - json: the model file "NN Lab: Export Trained Model" writes (a description gets its initial weights).
 * The export path shared with the editor (src/node/export) reads the input and makes the contents;
 * this command only resolves paths and writes the files.
 */
import { existsSync, statSync } from 'fs';
import { basename, dirname, relative, resolve } from 'path';
import { isConfigFile } from '../../core/config/file-names';
import { NnError, oneLine } from '../../core/problems';
import { defaultExportPath, modelExportFile, pytorchExportFiles, readExportSource } from '../../node/export/export-files';
import type { ExportFormat } from '../args';
import { formatProblem, terminalText } from '../format';
import type { CliIo } from '../io';
import { readConfigFile } from '../read-config';
import { writeError, writeFileAtomic } from '../write-file';

export { defaultExportPath };

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

/** Writes the export and returns the exit code (0 written, 1 invalid input or failed write, 2 unreadable file). */
export function exportCommand(o: ExportCommandOptions, io: CliIo): number {
  const { text, error } = readConfigFile(o.file, { allowOutside: o.allowOutside === true });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const source = readExportSource(o.file, text, {
    root: dirname(resolve(o.file)),
    workingDir: process.cwd(),
    allowOutside: o.allowOutside === true,
    scope: 'cli',
  });
  if ('error' in source) {
    io.err(`nn-lab: ${oneLine(o.file)}: ${oneLine(source.error)}`);
    return 1;
  }
  if (!('config' in source)) {
    for (const p of source.problems) io.err(formatProblem(o.file, p));
    return 1;
  }
  const out = resolve(o.output ?? defaultExportPath(o.file, o.to));
  if (out === resolve(o.file) || isConfigFile(out)) {
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
      const files = pytorchExportFiles(source, o.file, out);
      for (const f of files) writeFileAtomic(f.path, f.text);
      const extra = files.slice(0, -1).map((f) => oneLine(basename(f.path)));
      io.out(`wrote ${shown}${extra.length ? ` and ${extra.join(', ')}` : ''}; run: python3 ${oneLine(basename(out))} --dtype float64`);
      return 0;
    }
    const file = modelExportFile(source, o.to, out, o.opset);
    writeFileAtomic(file.path, file.text);
    const what = [...(o.to === 'onnx' ? [`ONNX opset ${o.opset ?? 17}`] : []), ...(source.saved ? [] : ['initial weights: the description is untrained'])];
    io.out(`wrote ${shown}${what.length ? ` (${what.join('; ')})` : ''}`);
    return 0;
  } catch (e) {
    io.err(`nn-lab: ${e instanceof NnError ? terminalText(e.message) : writeError(out, e)}`);
    return 1;
  }
}
