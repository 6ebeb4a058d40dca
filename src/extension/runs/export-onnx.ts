/**
 * "NN Lab: Export as ONNX": writes the last trained run of a config as an ONNX model (`<name>.onnx`
 * beside the config by default), the same graph `nn-lab export <model.json> --to onnx` writes, through
 * the shared exporter (atomic write, clear failure, a notification that offers to reveal it).
 */
import * as vscode from 'vscode';
import { DEFAULT_ONNX_OPSET, exportOnnx } from '../../core/export/onnx';
import type { TrainingController } from '../training/training-controller';
import { defaultTargetUri, exportTrained, type TrainedExportFormat } from './export-trained';

/** The command id, as contributed in package.json. */
export const EXPORT_ONNX_COMMAND = 'nnLab.exportOnnx';

/** `xor.nn.json` → `xor.onnx`, in the same folder. */
export function defaultOnnxUri(configUri: vscode.Uri): vscode.Uri {
  return defaultTargetUri(configUri, '.onnx');
}

/** The ONNX model: the network in standard operators, float32 weights, input "input", output "output". */
const ONNX: TrainedExportFormat = {
  title: 'Export as ONNX',
  extension: '.onnx',
  filter: { 'ONNX model': ['onnx'] },
  noun: 'the ONNX model',
  openable: false,
  detail: `ONNX opset ${DEFAULT_ONNX_OPSET}, input "input", output "output"`,
  encode: (model) => exportOnnx(model),
};

/**
 * Registers the command: `nnLab.exportOnnx(configUri?, targetUri?)`; without a target a save dialog asks.
 * Resolves with the written file, or undefined when nothing was written.
 */
export function registerExportOnnxCommand(controller: TrainingController, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_ONNX_COMMAND, (arg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> =>
    exportTrained(controller, log, ONNX, arg, targetArg),
  );
}
