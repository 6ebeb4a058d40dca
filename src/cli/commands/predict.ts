/**
 * `nn-lab predict <model.json> --input 0.5,-1 [--input …]`: the outputs of an exported, trained model
 * for each input row (numbers as the network sees them, i.e. after the data's normalisation, if any).
 */
import { readConfigFile } from '../read-config';
import { loadTrainedModel, readModelFile } from '../model-input';
import type { CliIo } from '../io';

/** Options of the predict command. */
export interface PredictCommandOptions {
  file: string;
  inputs: number[][];
  json: boolean;
}

/** Prints one line of outputs per input row; exit code 0, 1 for an unusable model or input, 2 unreadable file. */
export function predictCommand(o: PredictCommandOptions, io: CliIo): number {
  const { text, error } = readConfigFile(o.file, { kind: 'model' });
  if (text === undefined) {
    io.err(`nn-lab: ${error}`);
    return 2;
  }
  const file = readModelFile(text);
  if (typeof file === 'string') {
    io.err(`nn-lab: ${o.file}: ${file}`);
    return 1;
  }
  const loaded = loadTrainedModel(file);
  if (typeof loaded === 'string') {
    io.err(`nn-lab: ${o.file}: ${loaded}`);
    return 1;
  }
  const { model } = loaded;
  const bad = o.inputs.find((row) => row.length !== model.inputs);
  if (bad) {
    io.err(`nn-lab: the model takes ${model.inputs} input(s) per row, --input ${bad.join(',')} has ${bad.length}`);
    return 1;
  }
  const x = Float64Array.from(o.inputs.flat());
  const y = model.predict(x, o.inputs.length);
  const outs = model.outputs;
  o.inputs.forEach((row, i) => {
    const output = Array.from(y.subarray(i * outs, (i + 1) * outs));
    io.out(o.json ? JSON.stringify({ input: row, output }) : `${row.join(', ')} → ${output.map((v) => Number(v.toPrecision(6))).join(', ')}`);
  });
  return 0;
}
