/**
 * Runs a child process for a test without blocking mocha's timers, and keeps what Python, torch or
 * torchrun write to a temporary folder inside the test's own folder.
 */
import { spawn } from 'child_process';

/** What a finished process left: its exit code (null when killed) and its output. */
export interface ProcessResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `cmd args` in `cwd` with one math thread and TMPDIR = `cwd` (removed with the test's folder),
 * `input` on its standard input; kills it after `timeoutMs`.
 */
export function runProcess(cmd: string, args: readonly string[], cwd: string, options: { timeoutMs?: number; input?: string } = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1', TMPDIR: cwd };
    const child = spawn(cmd, [...args], { cwd, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.stdin.end(options.input ?? '');
  });
}
