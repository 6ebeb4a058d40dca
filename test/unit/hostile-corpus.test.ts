/**
 * The hostile corpus (test/fixtures/hostile/<area>/manifest.json, format in its README.md): every
 * case runs through the real CLI (a fresh bundle of src/cli/main.ts, spawned with node) and, for
 * configs, through the editor's check (`checkConfigText`, what the diagnostics show). Each must give
 * the expected exit code and a clear message matching the case's regex: one error line per
 * problem, located by a JSON path or line:column, no stack trace, no raw control character, done
 * within 5 s and 300 MB.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { checkConfigText } from '../../src/node/editing/check-config';
import { DataFileCache } from '../../src/node/editing/data-file-cache';
import { formatPath } from '../../src/core/problems';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { useTempDir } from '../support/temp-dir';

/** One case of a manifest. */
interface HostileCase {
  name: string;
  file?: string;
  args?: string[];
  exit: number;
  match: string;
  editor?: 'error' | 'ok' | 'skip';
}

const corpus = join(__dirname, '..', 'fixtures', 'hostile');
/** The areas this runner reads (a plain array of cases each); `files/` has its own runner (hostile-files.test.ts). */
const areas = readdirSync(corpus, { withFileTypes: true }).filter(
  (d) => d.isDirectory() && d.name !== 'files' && existsSync(join(corpus, d.name, 'manifest.json')),
);

/** Raw control characters (C0 but newline, DEL, C1) must never reach the output. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** A stack frame or an internal error. */
const STACK = /^\s+at\s|internal error|\bat .*\.(js|ts):\d+/m;
/** Where a problem line of `check`/`train` says where: `file:L:C: ` or `file: path: `. */
const PROBLEM_LINE = /(:\d+:\d+|: (\(root\)|\S+)): (error|warning): /;
/** A one-line `nn-lab: …` error of a model file names a JSON path or a line and column. */
const LOCATED_MODEL_ERROR = /\b(weights|config|format|version|training)(\.|\[|:)|line \d+, column \d+|must be a JSON object|output \d+ for --input/;

const TIMEOUT_MS = 5000;
const MAX_RSS_MB = 300;

/** Runs the CLI in-process (to count the problems `check --json` finds). */
async function checkJson(file: string): Promise<{ errors: number } | undefined> {
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: () => undefined, bar: { write: () => true, isTTY: false }, interrupted: () => false };
  await runCli(['check', file, '--json'], io);
  try {
    return JSON.parse(out[0]) as { errors: number };
  } catch {
    return undefined;
  }
}

describe('hostile corpus', function () {
  this.timeout(600_000);
  const tmp = useTempDir('hostile');
  let cli = '';
  let rssHook = '';
  before(() => {
    cli = tmp.join('cli.js');
    buildSync({
      entryPoints: ['src/cli/main.ts'],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    // Preloaded into the CLI: writes the process's peak RSS (kB) where NN_LAB_RSS_FILE says, at exit. VmHWM of
    // /proc/self/status, not resourceUsage().maxRSS: on Linux the latter keeps the parent's peak across fork + exec,
    // so a CLI started from a big test process would be charged the test process's memory.
    rssHook = tmp.join('rss.js');
    writeFileSync(
      rssHook,
      "process.on('exit', () => { const fs = require('fs'); const m = /VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8')); fs.writeFileSync(process.env.NN_LAB_RSS_FILE, m ? m[1] : '0'); });\n",
    );
  });

  it('holds at least 120 cases of config, model and CLI input', () => {
    const count = areas.reduce((n, a) => n + (JSON.parse(readFileSync(join(corpus, a.name, 'manifest.json'), 'utf8')) as unknown[]).length, 0);
    assert.ok(count >= 120, `${count} cases`);
  });

  for (const area of areas) {
    const dir = join(corpus, area.name);
    const cases = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as HostileCase[];
    describe(area.name, () => {
      for (const c of cases) {
        const args = (c.args ?? ['check', '{file}']).map((a) => (c.file ? a.replace('{file}', c.file) : a));
        const re = new RegExp(c.match, 'm');

        it(`${c.name}: CLI exits ${c.exit} with a clear message`, async () => {
          // The child writes its peak memory here at exit; read and removed at once (the folder goes after the last case).
          const rssFile = tmp.join('rss');
          rmSync(rssFile, { force: true });
          const r = spawnSync(process.execPath, ['--require', rssHook, cli, ...args], {
            cwd: dir,
            encoding: 'utf8',
            timeout: TIMEOUT_MS,
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, NN_LAB_RSS_FILE: rssFile, NO_COLOR: '1' },
          });
          const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
          rmSync(rssFile, { force: true });
          const output = `${r.stdout}\n${r.stderr}`;
          const shown = output.length > 2000 ? `${output.slice(0, 2000)}…` : output;
          assert.notEqual(r.signal, 'SIGTERM', `${c.name}: did not finish within ${TIMEOUT_MS} ms`);
          assert.equal(r.status, c.exit, `${c.name}: exit code\n${shown}`);
          assert.ok(re.test(output), `${c.name}: no line matches /${c.match}/\n${shown}`);
          assert.ok(!STACK.test(output), `${c.name}: stack trace or internal error\n${shown}`);
          assert.ok(!RAW_CONTROL.test(output), `${c.name}: raw control character in the output\n${JSON.stringify(shown)}`);
          const rssMb = peakKb / 1024;
          assert.ok(rssMb < MAX_RSS_MB, `${c.name}: peak RSS ${rssMb.toFixed(0)} MB`);
          if (c.exit === 0) return;
          const lines = output.split('\n').filter((l) => l.trim() !== '');
          const problemLines = lines.filter((l) => /: error: /.test(l));
          const toolLines = lines.filter((l) => /^nn-lab: /.test(l));
          const json = args.includes('--json');
          if (c.exit === 2) {
            assert.equal(toolLines.length, 1, `${c.name}: one usage error line\n${shown}`);
            return;
          }
          if (/^Training diverged|"status":"diverged"/m.test(output)) {
            assert.equal(lines.filter((l) => /Training diverged at epoch \d+/.test(l)).length, 1, `${c.name}: one divergence line\n${shown}`);
            return;
          }
          if (toolLines.length) {
            assert.equal(toolLines.length + problemLines.length, 1, `${c.name}: exactly one error line\n${shown}`);
            assert.ok(LOCATED_MODEL_ERROR.test(toolLines[0]), `${c.name}: the error names no JSON path or line:column\n${shown}`);
            return;
          }
          if (json) {
            assert.ok(/"type":"problems"|"type":"check"/.test(output), `${c.name}: problems as JSON\n${shown}`);
            return;
          }
          assert.ok(problemLines.length >= 1, `${c.name}: at least one error line\n${shown}`);
          for (const l of problemLines) assert.ok(PROBLEM_LINE.test(l), `${c.name}: not located: ${l.slice(0, 300)}`);
          // One line per problem: as many error lines as `check --json` counts errors.
          const counted = c.file && c.file.endsWith('.nn.json') ? await checkJson(join(dir, c.file)) : undefined;
          if (counted && counted.errors > 0) assert.equal(problemLines.length, counted.errors, `${c.name}: one line per error\n${shown}`);
        });

        const editor = c.editor ?? (c.file?.endsWith('.nn.json') && args[0] === 'check' ? (c.exit === 0 ? 'ok' : 'error') : 'skip');
        if (editor === 'skip' || !c.file) continue;
        it(`${c.name}: the editor's check agrees`, async () => {
          const text = readFileSync(join(dir, c.file!), 'utf8');
          const check = await checkConfigText(text, dir, new DataFileCache());
          const errors = check.problems.filter((p) => p.severity === 'error');
          for (const p of check.problems) {
            assert.ok(!RAW_CONTROL.test(p.message) && !p.message.includes('\n'), `${c.name}: not one safe line: ${JSON.stringify(p.message.slice(0, 300))}`);
            assert.ok(p.message.length <= 520, `${c.name}: ${p.message.length} characters`);
            assert.ok(Array.isArray(p.path), `${c.name}: no path`);
          }
          if (editor === 'ok') assert.deepEqual(errors, [], `${c.name}: the editor reports errors`);
          else {
            assert.ok(errors.length > 0, `${c.name}: the editor reports no error`);
            assert.ok(
              errors.some((p) => re.test(p.message) || re.test(`${formatPath(p.path)}: ${p.message}`)),
              `${c.name}: no editor message matches /${c.match}/: ${errors.map((p) => p.message.slice(0, 200)).join(' | ')}`,
            );
          }
        });
      }
    });
  }

  it('`nn-lab train --json | head -n 1` ends quietly when the reader goes away (no EPIPE crash)', () => {
    const example = join(__dirname, '..', '..', 'examples', 'spiral.nn.json');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" train "${example}" --json | head -n 1`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'nothing on stderr');
    assert.match(r.stdout, /^\{"type":"epoch","epoch":1,/);
  });
});
