/**
 * Command-line arguments of `nn-lab`: a command, a file and a few flags.
 */
import { quote } from '../core/problems';

/** What the command line asks for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'train'; file: string; json: boolean; quiet: boolean; epochs?: number; seed?: number; every?: number; save?: string; allowOutside?: boolean }
  | { kind: 'export'; file: string; to: ExportFormat; output?: string; opset?: number; allowOutside?: boolean }
  | { kind: 'check'; file: string; json: boolean; allowOutside?: boolean }
  | { kind: 'predict'; file: string; json: boolean; inputs: number[][] }
  | { kind: 'sweep'; file: string; json: boolean; workers?: number; writeBest?: string; allowOutside?: boolean }
  | { kind: 'usage-error'; message: string };

/** What `nn-lab export --to` writes. */
export type ExportFormat = 'pytorch' | 'onnx' | 'json';

/** The formats `--to` accepts. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pytorch', 'onnx', 'json'];

/** The text of `nn-lab --help`. */
export const HELP = `Usage: nn-lab <command> <file.nn.json> [options]

Commands:
  train <file>   train the model described by <file>, printing the loss per epoch
  check <file>   list every problem of <file> (exit code 1 when there is an error)
  sweep <file>   train every combination of the "sweep" block of <file> on all cores, one line
                 per finished run, then the best (see docs/cli.md)
  predict <model.json> --input X1,X2[,…] [--input …]
                 print the outputs of a model exported by "NN Lab: Export Trained Model"
                 (train <model.json> continues training from its saved weights)
  export <file> --to pytorch|onnx|json [-o OUT]
                 pytorch: a Python training script needing only PyTorch (+ its data file)
                 onnx: the network as an ONNX model; json: a model file like "Export Trained Model"
                 (from a *.nn.json: its initial weights; from a model.json: its saved weights)

Options:
  --json         machine-readable output: one JSON object per line
  --epochs N     train for N epochs instead of the file's "training.epochs"
  --seed N       use seed N instead of the file's "training.seed"
  --every N      print every N-th epoch (default: about 100 lines per run; --json prints all)
  --quiet        print only the final summary
  --input LIST   predict: one input row, comma-separated numbers (repeatable)
  --save FILE    train: write the trained model (config + weights) to FILE, e.g. model.json
  --to FORMAT    export: pytorch, onnx or json
  --opset N      export --to onnx: the ONNX opset (17 to 23, default 17)
  -o FILE        export: where to write (default: beside <file>, named after it)
  --workers N    sweep: runs at the same time (default: one per core)
  --write-best FILE
                 sweep: write the best configuration (the file with the sweep's values filled
                 in and the "sweep" block removed) to FILE, e.g. best.nn.json
  --allow-outside
                 read data files outside both the current folder and the description's
                 folder (refused by default)
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 success, 1 invalid description or diverged training (sweep: no run completed),
2 usage error, 130 interrupted.
`;

const FLAGS = ['--json', '--quiet', '--allow-outside'];

/** A decimal number as `--input` takes it: 0.5, -1, 2e-3 (no hex, no Infinity, no empty items). */
const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const VALUED = ['--epochs', '--seed', '--every'];
/** Whole-number options of export only. */
const EXPORT_VALUED = ['--opset'];
/** Whole-number options of sweep only. */
const SWEEP_VALUED = ['--workers'];
const TEXT_VALUED = ['--save', '--to', '-o', '--output', '--write-best'];

/** Parses `argv` (without the node executable and script). */
export function parseArgs(argv: readonly string[]): CliRequest {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { kind: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { kind: 'version' };
  const positional: string[] = [];
  const flags = new Set<string>();
  const values: Record<string, number> = {};
  const inputs: number[][] = [];
  const texts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    if (FLAGS.includes(arg)) flags.add(arg);
    else if (arg === '--input') {
      const raw = inline ?? argv[++i];
      const row = raw === undefined ? [] : raw.split(',').map((v) => (DECIMAL.test(v) ? Number(v) : NaN));
      if (row.length === 0 || !row.every(Number.isFinite))
        return usage(`--input needs comma-separated numbers, e.g. --input 0.5,-1${raw === undefined ? '' : `, got ${quote(raw, 60)}`}`);
      inputs.push(row);
    } else if (TEXT_VALUED.includes(arg)) {
      const raw = inline ?? argv[++i];
      if (raw === undefined || raw === '') return usage(`${arg} needs a value`);
      texts[arg === '--output' ? '-o' : arg] = raw;
    } else if (VALUED.includes(arg) || EXPORT_VALUED.includes(arg) || SWEEP_VALUED.includes(arg)) {
      const raw = inline ?? argv[++i];
      if (raw === undefined) return usage(`${arg} needs a value`);
      const n = Number(raw);
      const min = arg === '--seed' ? 0 : 1;
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) return usage(`${arg} needs a whole number${min ? ' ≥ 1' : ' ≥ 0'}, got ${quote(raw, 60)}`);
      values[arg] = n;
    } else if (arg.startsWith('-') && arg !== '-') return usage(`unknown option ${quote(arg, 60)}`);
    else positional.push(arg);
  }
  const [command, file, ...extra] = positional;
  if (command !== 'train' && command !== 'check' && command !== 'predict' && command !== 'export' && command !== 'sweep')
    return usage(command === undefined ? 'missing command' : `unknown command ${quote(command, 60)}`);
  if (file === undefined) return usage(`${command} needs a file: nn-lab ${command} <file.nn.json>`);
  if (extra.length) return usage(`unexpected argument ${quote(extra[0], 60)}`);
  const json = flags.has('--json');
  if (command !== 'predict' && inputs.length > 0) return usage('--input only applies to predict');
  if (command !== 'train' && texts['--save'] !== undefined) return usage('--save only applies to train');
  if (command !== 'export') for (const f of ['--to', '-o']) if (texts[f] !== undefined) return usage(`${f} only applies to export`);
  if (command !== 'export' && '--opset' in values) return usage('--opset only applies to export --to onnx');
  if (command !== 'sweep' && '--workers' in values) return usage('--workers only applies to sweep');
  if (command !== 'sweep' && texts['--write-best'] !== undefined) return usage('--write-best only applies to sweep');
  if (command === 'sweep') {
    for (const f of ['--quiet', ...VALUED]) if (flags.has(f) || f in values) return usage(`${f} does not apply to sweep`);
    return {
      kind: 'sweep',
      file,
      json,
      ...('--workers' in values ? { workers: values['--workers'] } : {}),
      ...(texts['--write-best'] !== undefined ? { writeBest: texts['--write-best'] } : {}),
      ...(flags.has('--allow-outside') ? { allowOutside: true } : {}),
    };
  }
  if (command === 'export') {
    for (const f of ['--quiet', '--json', ...VALUED]) if (flags.has(f) || f in values) return usage(`${f} does not apply to export`);
    const to = texts['--to'];
    if (to === undefined) return usage(`export needs --to ${EXPORT_FORMATS.join('|')}`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(to)) return usage(`--to must be one of ${EXPORT_FORMATS.join(', ')}, got ${quote(to, 60)}`);
    if ('--opset' in values && to !== 'onnx') return usage('--opset only applies to export --to onnx');
    return {
      kind: 'export',
      file,
      to: to as ExportFormat,
      output: texts['-o'],
      ...('--opset' in values ? { opset: values['--opset'] } : {}),
      ...(flags.has('--allow-outside') ? { allowOutside: true } : {}),
    };
  }
  if (command === 'predict') {
    for (const f of ['--quiet', '--allow-outside', ...VALUED]) if (flags.has(f) || f in values) return usage(`${f} does not apply to predict`);
    if (inputs.length === 0) return usage('predict needs at least one --input row, e.g. --input 0.5,-1');
    return { kind: 'predict', file, json, inputs };
  }
  if (command === 'check') {
    for (const f of ['--quiet', ...VALUED]) if (flags.has(f) || f in values) return usage(`${f} only applies to train`);
    return { kind: 'check', file, json, ...(flags.has('--allow-outside') ? { allowOutside: true } : {}) };
  }
  const train: CliRequest = {
    kind: 'train',
    file,
    json,
    quiet: flags.has('--quiet'),
    epochs: values['--epochs'],
    seed: values['--seed'],
    every: values['--every'],
    ...(flags.has('--allow-outside') ? { allowOutside: true } : {}),
  };
  if (texts['--save'] !== undefined) train.save = texts['--save'];
  return train;
}

function usage(message: string): CliRequest {
  return { kind: 'usage-error', message };
}
