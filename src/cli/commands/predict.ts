/**
 * `nn-lab predict <model.json> --input 0.5,-1 [--input …]`: the outputs of an exported, trained model
 * for each input row (numbers as the network sees them, i.e. after the data's normalisation, if any).
 */
import { readConfigFile } from '../read-config';
import { loadTrainedModel, readModelFile } from '../model-input';
import { jsonLine } from '../format';
import type { CliIo } from '../io';
import { oneLine } from '../../core/problems';

/** Options of the predict command. */
export interface PredictCommandOptions {
  file: string;
  inputs: number[][];
  json: boolean;
}

/** Prints one line of outputs per input row; exit code 0, 1 for an unusable model or a non-finite output, 2 for an unreadable file or input rows of the wrong length. */
export function predictCommand(o: PredictCommandOptions, io: CliIo): number {
  const { text, error } = readConfigFile(o.file, { kind: 'model' });
  if (text === undefined) {
    io.err(`nn-lab: ${oneLine(error ?? '')}`);
    return 2;
  }
  const file = readModelFile(text);
  if (typeof file === 'string') {
    io.err(`nn-lab: ${oneLine(o.file)}: ${oneLine(file)}`);
    return 1;
  }
  const loaded = loadTrainedModel(file);
  if (typeof loaded === 'string') {
    io.err(`nn-lab: ${oneLine(o.file)}: ${oneLine(loaded)}`);
    return 1;
  }
  const { model } = loaded;
  const bad = o.inputs.find((row) => row.length !== model.inputs);
  if (bad) {
    io.err(`nn-lab: the model takes ${model.inputs} input(s) per row, --input ${bad.join(',')} has ${bad.length}\nRun "nn-lab --help" for usage.`);
    return 2;
  }
  const x = Float64Array.from(o.inputs.flat());
  const y = model.predict(x, o.inputs.length);
  const outs = model.outputs;
  const badAt = y.findIndex((v) => !Number.isFinite(v));
  if (badAt >= 0) {
    const row = o.inputs[Math.floor(badAt / outs)];
    io.err(
      `nn-lab: ${oneLine(o.file)}: the model's output ${badAt % outs} for --input ${row.join(',')} is ${Number.isNaN(y[badAt]) ? 'NaN' : String(y[badAt])}: the input is too large for these weights (or the weights overflow)`,
    );
    return 1;
  }
  o.inputs.forEach((row, i) => {
    const output = Array.from(y.subarray(i * outs, (i + 1) * outs));
    io.out(o.json ? jsonLine({ input: row, output }) : `${row.join(', ')} → ${output.map((v) => Number(v.toPrecision(6))).join(', ')}`);
  });
  return 0;
}
