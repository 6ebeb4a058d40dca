/**
 * Model files for the ONNX export tests (not a test file itself): for each activation (with
 * non-default parameters too) a "probe" network whose pre-activations are known exactly and sweep
 * every branch, and a small trained network; maxout networks likewise. Plus the two engines'
 * outputs: `nn-lab predict --json` in-process and ONNX Runtime (onnxruntime-web, WebAssembly).
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as ort from 'onnxruntime-web';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { ACTIVATIONS } from '../../src/core/activations';
import { prepareRun } from '../../src/core/config/load';
import type { LayerWeightsJson, ModelWeightsJson } from '../../src/core/model/weights-json';
import { Rng } from '../../src/core/rng';
import { train } from '../../src/core/train/trainer';
import { makeModelFile, type ModelFile } from '../../src/core/model/model-file';

ort.env.wasm.numThreads = 1;

/** An activation with parameters, as a config's `"activation"` value. */
export interface ActivationCase {
  name: string;
  params: Record<string, number>;
}

/** Every activation with its defaults, then the parametrised ones with other values (at dyadic kinks where they have kinks). */
export const ACTIVATION_CASES: ActivationCase[] = [
  ...ACTIVATIONS.map((e) => ({ name: e.name, params: {} })),
  { name: 'hard-shrink', params: { lambda: 1 } },
  { name: 'soft-shrink', params: { lambda: 0.25 } },
  { name: 'threshold', params: { threshold: 1, value: -2 } },
  { name: 'threshold', params: { threshold: -0.3, value: 0.7 } },
  { name: 'leaky-ReLU', params: { alpha: 0.2 } },
  { name: 'ELU', params: { alpha: 0.5 } },
  { name: 'SELU', params: { lambda: 1.5, alpha: 2 } },
  { name: 'CELU', params: { alpha: 2 } },
  { name: 'CELU', params: { alpha: 0.3 } },
  { name: 'Swish', params: { beta: 0 } },
  { name: 'Swish', params: { beta: 2.5 } },
];

/** A case's label, e.g. `threshold(threshold=1, value=-2)`. */
export function caseLabel(c: ActivationCase): string {
  const ps = Object.entries(c.params).map(([k, v]) => `${k}=${v}`);
  return ps.length ? `${c.name}(${ps.join(', ')})` : c.name;
}

/**
 * Inputs of the probe networks: far out on both sides (where eˣ overflows or underflows), and every
 * kink and threshold of the activations (0, ±λ, ±1, ±2.5, 6…), mostly dyadic so that float32 and
 * float64 compute the same pre-activations there.
 */
export const PROBE_INPUTS = [
  -1000, -100, -40, -20, -10, -6, -5, -3, -2.5, -2, -1, -0.75, -0.5, -0.3, -0.25, -0.125, -1e-3, 0, 1e-3, 0.125, 0.25, 0.3, 0.5, 0.75, 1, 2, 2.5, 3, 5, 6, 10,
  20, 40, 100, 1000,
];

/** A model file: `config` with `weights` (as "Export Trained Model" writes it). */
function modelFile(config: unknown, weights: ModelWeightsJson): ModelFile {
  return makeModelFile(config, weights, { status: 'completed', epochs: 0, digest: '', exportedAt: '' });
}

/** Inline data of `n` rows with `inputs` features and `outputs` targets, drawn from `rng`. */
function inlineData(rng: Rng, n: number, inputs: number, outputs: number): { inputs: number[][]; targets: number[][] } {
  const row = (k: number, scale: number) => Array.from({ length: k }, () => scale * (2 * rng.uniform() - 1));
  return { inputs: Array.from({ length: n }, () => row(inputs, 2)), targets: Array.from({ length: n }, () => row(outputs, 1)) };
}

/**
 * One dense layer 1 → 4 with W = [1, −0.5, 2, 0.25], b = [0, 0.25, −1, 0.5]: unit 1 sees the input itself,
 * the others shifted and scaled copies (so the row-wise activations see rows of different values).
 */
export function probeModel(c: ActivationCase): ModelFile {
  const config = {
    name: `probe ${caseLabel(c)}`,
    data: {
      inputs: [[0], [1]],
      targets: [
        [0, 0, 0, 0],
        [1, 1, 1, 1],
      ],
    },
    layers: [{ units: 4, activation: { name: c.name, ...c.params } }],
    loss: 'Square',
  };
  const layer: LayerWeightsJson = { type: 'dense', inputs: 1, units: 4, activation: c.name, w: [1, -0.5, 2, 0.25], b: [0, 0.25, -1, 0.5] };
  return modelFile(config, { format: 'nn-lab-weights', version: 1, inputs: 1, loss: 'Square', layers: [layer] });
}

/** `layers` trained for a few epochs on random inline data (3 inputs, `outputs` targets) by the core. */
export function trainedModel(name: string, layers: unknown[], outputs: number, seed: number): ModelFile {
  const config = {
    name,
    data: inlineData(new Rng(seed), 24, 3, outputs),
    layers,
    loss: 'Square',
    optimizer: { name: 'Adam', alpha: 0.01 },
    training: { epochs: 8, batchSize: 8, seed },
  };
  const prepared = prepareRun(config);
  assert.ok(prepared.config && prepared.data, `${name}: ${JSON.stringify(prepared.problems)}`);
  const result = train(prepared.config, prepared.data);
  return modelFile(config, result.model.toJSON());
}

/** A trained network with `c` in both layers: 3 → 6 → 2. */
export function trainedActivationModel(c: ActivationCase, seed: number): ModelFile {
  const activation = { name: c.name, ...c.params };
  return trainedModel(
    `trained ${caseLabel(c)}`,
    [
      { units: 6, activation },
      { units: 2, activation },
    ],
    2,
    seed,
  );
}

/**
 * Maxout 2 → 3 units × 3 pieces with dyadic weights (piece k of unit j in column 3j + k, ties included),
 * then an identity layer 3 → 2.
 */
export function probeMaxoutModel(): ModelFile {
  const config = {
    name: 'probe maxout',
    data: {
      inputs: [
        [0, 0],
        [1, 1],
      ],
      targets: [
        [0, 0],
        [1, 1],
      ],
    },
    layers: [
      { type: 'maxout', units: 3, pieces: 3 },
      { units: 2, activation: 'identity' },
    ],
    loss: 'Square',
  };
  const maxout: LayerWeightsJson = {
    type: 'maxout',
    inputs: 2,
    units: 3,
    pieces: 3,
    // rows: input 1, input 2; columns: u1p1 u1p2 u1p3 u2p1 u2p2 u2p3 u3p1 u3p2 u3p3
    w: [1, -1, 0.5, 0, 2, -2, 1, 1, -0.25, 0, 0, 1, 1, -1, 0.5, 0.5, 0.5, 3],
    b: [0, 0, -1, 0.5, 0, 0, 0, 0.25, -2],
  };
  const out: LayerWeightsJson = { type: 'dense', inputs: 3, units: 2, activation: 'identity', w: [1, 0.5, -1, 2, 0.25, -0.75], b: [0.125, -0.5] };
  return modelFile(config, { format: 'nn-lab-weights', version: 1, inputs: 2, loss: 'Square', layers: [maxout, out] });
}

/** `n` rows of `width` numbers: uniform in [−4, 4], then one row of −50s and one of 50s. */
export function sampleRows(width: number, n: number, seed: number): number[][] {
  const rng = new Rng(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: width }, () => 8 * rng.uniform() - 4));
  return [...rows, Array(width).fill(-50), Array(width).fill(50)];
}

/** Runs the CLI in-process; returns its exit code and output lines. */
export async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  return { code: await runCli(args, io), out, err };
}

/** `nn-lab predict <file> --input … --json`: one output row per input row. */
export async function predictRows(file: string, rows: number[][]): Promise<number[][]> {
  const r = await cli(['predict', file, ...rows.map((row) => `--input=${row.join(',')}`), '--json']);
  assert.equal(r.code, 0, r.err.join('\n'));
  return r.out.map((line) => (JSON.parse(line) as { output: number[] }).output);
}

/** ONNX Runtime's `output` for `rows` fed as the float32 `input` [rows, width] of the model in `onnxFile`. */
export async function onnxRuntimeRows(onnxFile: string, rows: number[][]): Promise<number[][]> {
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(onnxFile)));
  try {
    const width = rows[0].length;
    const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, width]);
    const result = await session.run({ input });
    const y = result.output;
    assert.equal(y.type, 'float32');
    assert.equal(y.dims[0], rows.length);
    const cols = y.dims[1];
    const data = y.data as Float32Array;
    return rows.map((_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
  } finally {
    await session.release();
  }
}

/** Largest absolute and scaled deviation |a − b| / max(1, |b|) between two tables of numbers. */
export function deviation(actual: number[][], expected: number[][]): { abs: number; scaled: number } {
  assert.equal(actual.length, expected.length, 'rows');
  let abs = 0;
  let scaled = 0;
  expected.forEach((row, i) => {
    assert.equal(actual[i].length, row.length, `row ${i} length`);
    row.forEach((b, j) => {
      const a = actual[i][j];
      const d = Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) : a === b ? 0 : Infinity;
      abs = Math.max(abs, d);
      scaled = Math.max(scaled, d / Math.max(1, Math.abs(b)));
    });
  });
  return { abs, scaled };
}
