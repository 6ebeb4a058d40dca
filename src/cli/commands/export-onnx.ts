/**
 * `nn-lab export <model.json> --to onnx [-o model.onnx] [--opset N]`: writes an exported model file
 * (from "NN Lab: Export Trained Model") as an ONNX model, by default beside it (`xor.model.json` →
 * `xor.onnx`). The file is written to a temporary name first and renamed, so a reader never sees half of it.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_ONNX_OPSET, exportOnnx } from '../../core/export/onnx';
import { loadTrainedModel, readModelFile } from '../model-input';
import { readConfigFile } from '../read-config';
import type { CliIo } from '../io';

/** What `nn-lab export … --to onnx` asks for, or a usage error. */
export type OnnxExportRequest = { file: string; out?: string; opset?: number } | { error: string };

/** Parses the arguments after `export`; only `--to onnx` is handled here. */
export function parseOnnxExportArgs(argv: readonly string[]): OnnxExportRequest {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '--to' || flag === '-o' || flag === '--out' || flag === '--opset') {
      const v = inline ?? argv[++i];
      if (v === undefined) return { error: `${flag} needs a value` };
      values[flag === '--out' ? '-o' : flag] = v;
    } else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else positional.push(a);
  }
  if (positional.length !== 1) return { error: 'export needs one model file: nn-lab export <model.json> --to onnx [-o model.onnx]' };
  if (values['--to'] !== 'onnx') return { error: `--to must be onnx${values['--to'] === undefined ? '' : `, got "${values['--to']}"`}` };
  const opset = values['--opset'] === undefined ? undefined : Number(values['--opset']);
  if (opset !== undefined && !Number.isInteger(opset)) return { error: `--opset needs a whole number, got "${values['--opset']}"` };
  return { file: positional[0], out: values['-o'], opset };
}

/** `xor.model.json` → `xor.onnx` in the same folder. */
export function defaultOnnxPath(modelPath: string): string {
  return join(dirname(modelPath), basename(modelPath).replace(/(\.model)?\.json$/i, '') + '.onnx');
}

/** Writes `bytes` to `target` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Runs the export; exit code 0, 1 for an unusable model, 2 for a usage error or an unreadable/unwritable file. */
export function exportOnnxCommand(argv: readonly string[], io: CliIo): number {
  const req = parseOnnxExportArgs(argv);
  if ('error' in req) {
    io.err(`nn-lab: ${req.error}\nRun "nn-lab --help" for usage.`);
    return 2;
  }
  const { text, error } = readConfigFile(req.file);
  if (text === undefined) {
    io.err(`nn-lab: ${error}`);
    return 2;
  }
  const file = readModelFile(text);
  const loaded = typeof file === 'string' ? file : loadTrainedModel(file);
  if (typeof file === 'string' || typeof loaded === 'string') {
    io.err(`nn-lab: ${req.file}: ${loaded}`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = exportOnnx(file, { opset: req.opset });
  } catch (e) {
    io.err(`nn-lab: ${req.file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const target = req.out ?? defaultOnnxPath(req.file);
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    io.err(`nn-lab: cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  io.out(`wrote ${target} (ONNX opset ${req.opset ?? DEFAULT_ONNX_OPSET}, ${bytes.length} bytes; input "input" [N, ${loaded.model.inputs}], output "output" [N, ${loaded.model.outputs}])`);
  return 0;
}
