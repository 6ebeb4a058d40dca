/**
 * Hostile files (issue #9, part B): every case of `test/fixtures/hostile/files/manifest.json` run
 * through the command line (a child process, killed after 5 s; its peak memory must stay under
 * 300 MB) and, for data files, through the editor's live check (in a child process too, so a
 * check that blocks is seen as a hang rather than freezing the test run). Each must end with
 * its expected exit code and a clear one-line message: no stack trace, no raw control characters.
 */
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { isRoot, layOut, loadCases, type HostileCase } from './hostile/corpus';

const root = path.join(__dirname, '..', '..');
/** How long a case may run: 5 s (NNLAB_HOSTILE_TIME_LIMIT_MS overrides it on a very slow machine). */
const TIME_LIMIT_MS = Number(process.env.NNLAB_HOSTILE_TIME_LIMIT_MS) || 5000;
const RSS_LIMIT_KB = 300 * 1024;
const TIME = '/usr/bin/time';
const distCli = path.join(root, 'dist', 'cli.js');

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The built CLI when it is up to date (as users run it), else its TypeScript entry through tsx. */
const cliEntry =
  existsSync(distCli) && statSync(distCli).mtimeMs >= newest(path.join(root, 'src'))
    ? [distCli]
    : ['--require', require.resolve('tsx/cjs'), path.join(root, 'src', 'cli', 'main.ts')];

interface Outcome {
  code: number | null;
  out: string;
  hung: boolean;
  /** Peak resident memory in kB, when it could be measured. */
  rssKb?: number;
}

/** Peak resident set (VmHWM) of a process, from /proc, in kB. */
function peakOf(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node <cli> args` in `cwd` with the time limit; measures peak memory with /usr/bin/time or /proc polling. */
function runCli(args: string[], cwd: string): Promise<Outcome> {
  // Written by /usr/bin/time; removed when the child ends, whatever happened.
  const rssFile = path.join(tmpdir(), `nn-lab-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...cliEntry, ...args]] : [process.execPath, [...cliEntry, ...args]];
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (d: Buffer): void => {
      if (out.length < 1 << 20) out += d.toString('utf8');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let hung = false;
    let polled = 0;
    const poll = useTime ? undefined : setInterval(() => (polled = Math.max(polled, peakOf(child.pid!) ?? 0)), 20);
    const timer = setTimeout(() => {
      hung = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, TIME_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKb: number | undefined = polled || undefined;
      if (useTime && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const last = Number(lines[lines.length - 1]);
        if (Number.isFinite(last)) rssKb = last;
      }
      rmSync(rssFile, { force: true });
      // /usr/bin/time reports a killed child as "Command terminated by signal" and exits non-zero.
      resolve({ code, out, hung, rssKb: hung ? undefined : rssKb });
    });
  });
}

/** Asserts that `text` is made of clear lines: no stack trace, no raw control characters, none over 1,000 characters. */
function assertClear(text: string, what: string): void {
  assert.doesNotMatch(text, /\n\s+at .*(:\d+:\d+|\(native\))/, `${what}: a stack trace`);
  assert.doesNotMatch(text, /internal error/, `${what}: an internal error`);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(text);
  assert.equal(control, null, `${what}: raw control character U+${control?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const line of text.split('\n')) assert.ok(line.length <= 1000, `${what}: a line of ${line.length} characters: ${line.slice(0, 120)}…`);
}

const cases = loadCases();
const expectedExit = (c: HostileCase): number => (isRoot && c.rootExit !== undefined ? c.rootExit : c.exit);
const expectedMessage = (c: HostileCase): string => (isRoot && c.rootMessage !== undefined ? c.rootMessage : c.message);
const expectedEditor = (c: HostileCase): string | undefined => (isRoot && c.rootEditor !== undefined ? c.rootEditor : c.editor);

/** Runs the editor check of every editor case in child processes; a case that does not finish in 5 s is marked hung. */
function runEditorChecks(dir: string, names: string[]): Promise<Map<string, string[] | 'hung'>> {
  const results = new Map<string, string[] | 'hung'>();
  const child = path.join(__dirname, 'hostile', 'editor-child.ts');
  const runFrom = (left: string[]): Promise<void> => {
    if (left.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const p = spawn(process.execPath, ['--require', 'tsx/cjs', child, dir, ...left], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let buffer = '';
      let current: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => p.kill('SIGKILL'), TIME_LIMIT_MS);
      };
      p.stdout.on('data', (d: Buffer) => {
        buffer += d.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const m = /^(start|done) (\S+)(?: (.*))?$/.exec(line);
          if (!m) continue;
          if (m[1] === 'start') {
            current = m[2];
            arm();
          } else {
            results.set(m[2], JSON.parse(m[3]) as string[]);
            current = undefined;
          }
        }
      });
      p.on('close', () => {
        if (timer) clearTimeout(timer);
        const stuck = current ?? left.find((n) => !results.has(n));
        if (stuck) results.set(stuck, results.get(stuck) ?? 'hung');
        void runFrom(left.filter((n) => !results.has(n))).then(resolve);
      });
    });
  };
  return runFrom(names).then(() => results);
}

describe('hostile files (corpus)', function () {
  this.timeout(600_000);
  let dir = '';
  let close = async (): Promise<void> => {};
  let editor = new Map<string, string[] | 'hung'>();

  before(async () => {
    ({ dir, close } = await layOut(cases));
    const editorNames = [...new Set(cases.filter((c) => c.editor !== undefined).map((c) => c.file))];
    editor = await runEditorChecks(dir, editorNames);
  });
  after(async () => {
    await close();
  });

  it('has at least 40 cases, each with an exit code and a message', () => {
    assert.ok(cases.length >= 40, `${cases.length} cases`);
    for (const c of cases) {
      assert.equal(typeof c.exit, 'number', c.name);
      assert.doesNotThrow(() => new RegExp(c.message), c.name);
    }
  });

  for (const c of cases) {
    it(`CLI: ${c.name}`, async () => {
      const [command, ...rest] = c.args;
      const r = await runCli([command, c.file, ...rest], dir);
      assert.ok(!r.hung, `still running after ${TIME_LIMIT_MS / 1000} s (killed)`);
      if (r.rssKb !== undefined) assert.ok(r.rssKb <= RSS_LIMIT_KB, `peak memory ${Math.round(r.rssKb / 1024)} MB, over ${RSS_LIMIT_KB / 1024} MB`);
      assertClear(r.out, 'output');
      assert.match(r.out, new RegExp(expectedMessage(c)), `output:\n${r.out.slice(0, 2000)}`);
      assert.equal(r.code, expectedExit(c), `exit code; output:\n${r.out.slice(0, 2000)}`);
    });
  }

  for (const c of cases.filter((k) => k.editor !== undefined)) {
    it(`editor check: ${c.name}`, () => {
      const problems = editor.get(c.file);
      assert.ok(problems !== undefined, 'the check did not run');
      assert.notEqual(problems, 'hung', `the live check did not finish within ${TIME_LIMIT_MS / 1000} s`);
      const messages = problems as string[];
      for (const m of messages) {
        assert.ok(!m.includes('\n'), `a message of several lines: ${m.slice(0, 200)}`);
        assertClear(m, 'message');
      }
      const expected = expectedEditor(c)!;
      if (expected === 'none') assert.deepEqual(messages, [], 'no data problem expected');
      else
        assert.ok(
          messages.some((m) => new RegExp(expected).test(m)),
          `no problem matches /${expected}/: ${JSON.stringify(messages).slice(0, 2000)}`,
        );
    });
  }
});
