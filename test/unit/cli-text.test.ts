/**
 * Issue #14: no terminal escape reaches a terminal from a description or a file name. Every field that can
 * carry user text (the description's name and description, class names, CSV column names, a data target,
 * unknown keys, file and folder names, output names) is walked through each command (train, check, predict,
 * export), with and without --json: text output must hold no raw C0, DEL or C1 character (a newline only
 * between lines the CLI itself writes), and --json output must stay one parseable JSON object per line.
 */
import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { idxFile } from '../support/idx-file';

/** Clears the screen, homes the cursor, sets the title, rings, CSI in C1, DEL, NEL, CR, bidi, then a new line. */
const HOSTILE = 'N\u001b[2J\u001b[H\u001b]0;pwned\u0007\u009b31m\u007f\u0085\r\u202e\u2028\nINJECTED';
/** The same for file and folder names (no slash). */
const FILE = 'f\u001b[31m\u009b\u007f\u0007\r\nINJECTED';
/** A raw C0 (but newline), DEL or C1 character. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** One command's captured output. */
interface Captured {
  code: number;
  out: string[];
  err: string[];
}

async function run(args: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), bar: { write: () => true, isTTY: false }, interrupted: () => false };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** Asserts that each printed text holds no raw control character and that no user newline starts a line of its own. */
function assertTerminalSafe(texts: readonly string[], what: string): void {
  for (const text of texts)
    for (const line of text.split('\n')) {
      const m = RAW.exec(line);
      assert.equal(m, null, `${what}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(line.slice(0, 300))}`);
      assert.ok(!line.startsWith('INJECTED'), `${what}: user text started a line: ${JSON.stringify(text.slice(0, 300))}`);
      assert.ok(!/[\u202e\u2028]/.test(line), `${what}: a bidi override or line separator in ${JSON.stringify(line.slice(0, 300))}`);
    }
}

describe('nn-lab output holds no terminal escapes from user text (issue #14)', function () {
  this.timeout(120_000);
  let base = '';
  let dir = '';
  const at = (name: string): string => join(dir, name);
  /** The description every command walks: user text in every field the CLI could print. */
  const good = (): Record<string, unknown> => ({
    name: HOSTILE,
    description: HOSTILE,
    data: { idx: { images: `img${FILE}.idx`, labels: `lab${FILE}.idx` }, classNames: [HOSTILE, `b${HOSTILE}`, `c${HOSTILE}`] },
    testData: { idx: { images: `img${FILE}.idx`, labels: `lab${FILE}.idx` }, classNames: [HOSTILE, `b${HOSTILE}`, `c${HOSTILE}`] },
    layers: [
      { units: 3, activation: 'tanh' },
      { units: 3, activation: 'softmax' },
    ],
    optimizer: 'SDG',
    training: { epochs: 3, validationSplit: 0.25, seed: 1 },
  });

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'nnlab-text-'));
    dir = join(base, `p${FILE}`);
    mkdirSync(dir);
    const n = 9;
    writeFileSync(
      at(`img${FILE}.idx`),
      idxFile(
        [n, 2, 2],
        Array.from({ length: n * 4 }, (_, k) => (37 * k) % 256),
      ),
    );
    writeFileSync(
      at(`lab${FILE}.idx`),
      idxFile(
        [n],
        Array.from({ length: n }, (_, i) => i % 3),
      ),
    );
    writeFileSync(at(`c${FILE}.nn.json`), JSON.stringify(good()));
    // CSV column names with escapes (the parser refuses them, naming the line), and a target that is no column.
    writeFileSync(at(`d${FILE}.csv`), `a,b\u001b[31m,c\n0,0,x\n1,1,y\n`);
    writeFileSync(
      at(`esc-column${FILE}.nn.json`),
      JSON.stringify({ name: HOSTILE, data: { csv: `d${FILE}.csv` }, layers: [{ units: 1, activation: 'sigmoid' }] }),
    );
    writeFileSync(at(`plain${FILE}.csv`), `a,b${'\u00e9'},c\n0,0,x\n1,1,y\n0,1,x\n1,0,y\n`);
    writeFileSync(
      at(`e${FILE}.nn.json`),
      JSON.stringify({
        ...good(),
        data: { csv: `plain${FILE}.csv`, target: 'c' },
        testData: { csv: `plain${FILE}.csv`, target: 'c' },
        layers: [{ units: 1, activation: 'sigmoid' }],
      }),
    );
    writeFileSync(
      at(`target${FILE}.nn.json`),
      JSON.stringify({ name: HOSTILE, data: { csv: `plain${FILE}.csv`, target: HOSTILE }, layers: [{ units: 1, activation: 'sigmoid' }] }),
    );
    writeFileSync(at(`key${FILE}.nn.json`), JSON.stringify({ ...good(), [HOSTILE]: HOSTILE, layers: [{ units: 2, activation: HOSTILE }] }));
    writeFileSync(at(`outside${FILE}.nn.json`), JSON.stringify({ ...good(), data: { csv: `../../x${FILE}.csv` } }));
    writeFileSync(at(`syntax${FILE}.nn.json`), `{ "name": "${HOSTILE.replace(/\n/g, '')}", }`);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  /** Every command line of the walk: [args, expected exit code]. */
  const commands = (): [string[], number][] => {
    const model = at(`m${FILE}.model.json`);
    const files = [
      `c${FILE}.nn.json`,
      `e${FILE}.nn.json`,
      `esc-column${FILE}.nn.json`,
      `target${FILE}.nn.json`,
      `key${FILE}.nn.json`,
      `outside${FILE}.nn.json`,
      `syntax${FILE}.nn.json`,
      `missing${FILE}.nn.json`,
    ];
    const expected = [0, 0, 1, 1, 1, 1, 1, 2];
    return [
      ...files.flatMap((f, i): [string[], number][] => [
        [['check', at(f)], expected[i]],
        [['train', at(f)], expected[i]],
        [['train', at(f), '--quiet'], expected[i]],
      ]),
      [['train', at(`e${FILE}.nn.json`), '--save', model], 0],
      [['train', model, '--epochs', '2'], 0],
      [['check', model], 0],
      [['predict', model, '--input', '0.5,0.5'], 0],
      [['predict', at(`c${FILE}.nn.json`), '--input', '1,2,3,4'], 1],
      [['predict', model, '--input', '1,2,3'], 2],
      [['train', at(`c${FILE}.nn.json`), '--save', at(`no-folder${FILE}/m.model.json`)], 1],
      [['train', at(`c${FILE}.nn.json`), '--save', at(`c${FILE}.nn.json`)], 1],
      [['export', at(`e${FILE}.nn.json`), '--to', 'json'], 0],
      [['export', at(`e${FILE}.nn.json`), '--to', 'onnx', '-o', at(`o${FILE}.onnx`)], 0],
      [['export', at(`e${FILE}.nn.json`), '--to', 'pytorch', '-o', at(`s${FILE}.py`)], 0],
      [['export', model, '--to', 'pytorch'], 0],
      // IDX data is read by the one export path the CLI shares with the editor (issue #15): it exports.
      [['export', at(`c${FILE}.nn.json`), '--to', 'onnx'], 0],
      [['export', at(`e${FILE}.nn.json`), '--to', 'json', '-o', at(`no-folder${FILE}/m.json`)], 1],
      [['export', at(`e${FILE}.nn.json`), '--to', 'json', '-o', at(`x${FILE}.nn.json`)], 1],
      [['export', at(`outside${FILE}.nn.json`), '--to', 'pytorch'], 1],
      [['export', at(`missing${FILE}.nn.json`), '--to', 'onnx'], 2],
      [['export', at(`c${FILE}.nn.json`), '--to', `${HOSTILE}`], 2],
    ];
  };

  it('text output: no raw control character, user text escaped where it is printed', async () => {
    for (const [args, exit] of commands()) {
      const r = await run(args);
      const what = JSON.stringify(args.map((a) => a.replace(dir, '…')));
      assert.equal(r.code, exit, `${what}: exit code\n${[...r.out, ...r.err].join('\n').slice(0, 2000)}`);
      assertTerminalSafe(r.out, `${what} stdout`);
      assertTerminalSafe(r.err, `${what} stderr`);
    }
    const header = (await run(['train', at(`c${FILE}.nn.json`)])).out[0];
    assert.ok(header.startsWith('N\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x9b31m\\x7f\\x85\\r\\u202e\\u2028\\nINJECTED: 9 samples'), header);
  });

  it('--json output: one parseable object per line that keeps the user text exactly, and safe text on stderr', async () => {
    for (const [args, exit] of commands()) {
      if (args[0] === 'export' || args.includes('--save')) continue;
      const r = await run([...args, '--json']);
      const what = JSON.stringify(args.map((a) => a.replace(dir, '…')));
      assert.equal(r.code, exit, `${what}: exit code\n${[...r.out, ...r.err].join('\n').slice(0, 2000)}`);
      for (const line of r.out) {
        assert.ok(!line.includes('\n'), `${what}: a JSON line of several lines`);
        assert.doesNotThrow(() => JSON.parse(line), `${what}: not JSON: ${line.slice(0, 300)}`);
      }
      assertTerminalSafe(r.out, `${what} --json stdout`);
      assertTerminalSafe(r.err, `${what} --json stderr`);
    }
    const check = JSON.parse((await run(['check', at(`c${FILE}.nn.json`), '--json'])).out[0]) as { file: string; ok: boolean };
    assert.equal(check.file, at(`c${FILE}.nn.json`), 'the file name round-trips through JSON');
    assert.equal(check.ok, true);
  });
});
