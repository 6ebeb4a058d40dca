/**
 * `nn-lab`: train and check `*.nn.json` model descriptions from a terminal.
 */
import { parseArgs, HELP } from './args';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { predictCommand } from './commands/predict';
import { trainCommand } from './commands/train';
import { sweepCommand } from './commands/sweep';
import { terminalText } from './format';
import type { CliIo } from './io';
import { oneLine } from '../core/problems';
import { nodeKernelSpawner, runIfKernelHelper } from '../node/threads/kernel-thread';
import { version } from '../../package.json';

/**
 * Runs one command line and returns its exit code. Every line it prints goes through `terminalText`, so no
 * control character from a description, a data file or a file name reaches the terminal raw (JSON lines
 * hold none: see `jsonLine`); the progress bar, which draws with escapes of its own, is left as it is.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, out: (line) => rawIo.out(terminalText(line)), err: (line) => rawIo.err(terminalText(line)) };
  const req = parseArgs(argv);
  switch (req.kind) {
    case 'help':
      io.out(HELP.trimEnd());
      return 0;
    case 'version':
      io.out(version);
      return 0;
    case 'usage-error':
      io.err(`nn-lab: ${req.message}\nRun "nn-lab --help" for usage.`);
      return 2;
    case 'check':
      return checkCommand(req.file, req.json, io, req.allowOutside === true);
    case 'train':
      return trainCommand(req, io);
    case 'predict':
      return predictCommand(req, io);
    case 'export':
      return exportCommand(req, io);
    case 'sweep':
      return sweepCommand(req, io);
  }
}

function main(): void {
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130); // a second Ctrl-C stops at once
    interrupted = true;
  });
  // A closed reader (`nn-lab train --json | head -n 1`) is no error: stop quietly.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  const io: CliIo = {
    out: (line) => void process.stdout.write(line + '\n'),
    err: (line) => void process.stderr.write(line + '\n'),
    bar: process.stderr,
    interrupted: () => interrupted,
    // Big products use a second thread, which runs this file again (dist/cli.js).
    spawnKernelHelper: nodeKernelSpawner(__filename),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // One line; the stack only on request (NN_LAB_DEBUG=1), never by default.
      const detail = e instanceof Error ? (process.env.NN_LAB_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
      process.stderr.write(`nn-lab: internal error (please report it): ${oneLine(detail)}\n`);
      process.exitCode = 1;
    },
  );
}

// A kernel helper thread runs this same file (see kernel-thread.ts) and does nothing else.
if (require.main === module && !runIfKernelHelper()) main();
