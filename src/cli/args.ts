/**
 * Command-line arguments of `nn-lab`: a command, a file and a few flags.
 */

/** What the command line asks for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'train'; file: string; json: boolean; quiet: boolean; epochs?: number; seed?: number; every?: number }
  | { kind: 'check'; file: string; json: boolean }
  | { kind: 'usage-error'; message: string };

/** The text of `nn-lab --help`. */
export const HELP = `Usage: nn-lab <command> <file.nn.json> [options]

Commands:
  train <file>   train the model described by <file>, printing the loss per epoch
  check <file>   list every problem of <file> (exit code 1 when there is an error)

Options:
  --json         machine-readable output: one JSON object per line
  --epochs N     train for N epochs instead of the file's "training.epochs"
  --seed N       use seed N instead of the file's "training.seed"
  --every N      print every N-th epoch (default: about 100 lines per run; --json prints all)
  --quiet        print only the final summary
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 success, 1 invalid description or diverged training, 2 usage error, 130 interrupted.
`;

const FLAGS = ['--json', '--quiet'];
const VALUED = ['--epochs', '--seed', '--every'];

/** Parses `argv` (without the node executable and script). */
export function parseArgs(argv: readonly string[]): CliRequest {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { kind: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { kind: 'version' };
  const positional: string[] = [];
  const flags = new Set<string>();
  const values: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (FLAGS.includes(arg)) flags.add(arg);
    else if (VALUED.includes(arg)) {
      const raw = inline ?? argv[++i];
      if (raw === undefined) return usage(`${arg} needs a value`);
      const n = Number(raw);
      const min = arg === '--seed' ? 0 : 1;
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) return usage(`${arg} needs a whole number${min ? ' ≥ 1' : ' ≥ 0'}, got "${raw}"`);
      values[arg] = n;
    } else if (arg.startsWith('-') && arg !== '-') return usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, file, ...extra] = positional;
  if (command !== 'train' && command !== 'check') return usage(command === undefined ? 'missing command' : `unknown command "${command}"`);
  if (file === undefined) return usage(`${command} needs a file: nn-lab ${command} <file.nn.json>`);
  if (extra.length) return usage(`unexpected argument "${extra[0]}"`);
  const json = flags.has('--json');
  if (command === 'check') {
    for (const f of ['--quiet', ...VALUED]) if (flags.has(f) || f in values) return usage(`${f} only applies to train`);
    return { kind: 'check', file, json };
  }
  return { kind: 'train', file, json, quiet: flags.has('--quiet'), epochs: values['--epochs'], seed: values['--seed'], every: values['--every'] };
}

function usage(message: string): CliRequest {
  return { kind: 'usage-error', message };
}
