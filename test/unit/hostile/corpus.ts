/**
 * The hostile file corpus (`test/fixtures/hostile/files/manifest.json`): its cases, and the files
 * that cannot be committed (FIFOs, sockets, symlinks to devices, sparse and generated big files,
 * unreadable files), laid out in a temporary copy of the fixture folder.
 */
import { chmodSync, closeSync, copyFileSync, cpSync, ftruncateSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'fs';
import { execFileSync } from 'child_process';
import { createServer, type Server } from 'net';
import * as path from 'path';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';

/** Files to create at run time; each entry has exactly one of the kind keys. */
export interface MakeEntry {
  fifo?: string;
  symlink?: string;
  to?: string;
  sparse?: string;
  bytes?: number;
  dir?: string;
  socket?: string;
  repeat?: string;
  head?: string;
  row?: string;
  labels?: string;
  classes?: number;
  rows?: number;
  random?: string;
  header?: string;
  columns?: number;
  width?: number;
  copy?: string;
  from?: string;
  mode?: number;
}

/** One case of the manifest. */
export interface HostileCase {
  name: string;
  file: string;
  args: string[];
  exit: number;
  message: string;
  rootExit?: number;
  rootMessage?: string;
  editor?: string;
  rootEditor?: string;
  make?: MakeEntry[];
}

/** The fixture folder of the corpus. */
export const CORPUS_DIR = path.join(__dirname, '..', '..', 'fixtures', 'hostile', 'files');

/** The cases of the manifest. */
export function loadCases(): HostileCase[] {
  return (JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { cases: HostileCase[] }).cases;
}

/** True when the tests run as root (chmod 000 does not stop root from reading). */
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Writes `bytes` bytes: `head`, then `row` repeated (the last copy cut to fit), in 1 MB writes. */
function writeRepeated(file: string, head: string, row: string, bytes: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, head);
    const unit = Buffer.from(row.repeat(Math.max(1, Math.floor((1 << 20) / row.length))));
    let left = bytes - Buffer.byteLength(head);
    while (left > 0) {
      const n = Math.min(left, unit.length);
      writeSync(fd, unit, 0, n);
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes from a small linear congruential generator (the same bytes on every run). */
function pseudoRandomBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Creates one run-time file in `dir`; sockets are returned so the caller can close them. */
async function make(dir: string, m: MakeEntry, servers: Server[]): Promise<void> {
  const at = (name: string): string => path.join(dir, name);
  if (m.fifo) execFileSync('mkfifo', [at(m.fifo)]);
  else if (m.symlink) symlinkSync(m.to!, at(m.symlink));
  else if (m.sparse) {
    const fd = openSync(at(m.sparse), 'w');
    ftruncateSync(fd, m.bytes!);
    closeSync(fd);
  } else if (m.dir) mkdirSync(at(m.dir));
  else if (m.socket) {
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(at(m.socket!), resolve));
    servers.push(server);
  } else if (m.repeat) writeRepeated(at(m.repeat), m.head ?? '', m.row!, m.bytes!);
  else if (m.labels) {
    const lines = ['x1,x2,y'];
    for (let i = 0; i < m.rows!; i++) lines.push(`${i % 7},${i % 13},class${i % m.classes!}`);
    writeFileSync(at(m.labels), lines.join('\n') + '\n');
  } else if (m.random) writeFileSync(at(m.random), pseudoRandomBytes(m.bytes!));
  else if (m.header) {
    const n = m.columns!;
    const head = Array.from({ length: n }, (_, j) => `col${j}_` + 'h'.repeat(m.width!)).join(',');
    writeFileSync(at(m.header), head + '\n' + Array.from({ length: n }, () => '1').join(',') + '\n');
  } else if (m.copy) {
    copyFileSync(at(m.from!), at(m.copy));
    if (m.mode !== undefined) chmodSync(at(m.copy), m.mode);
  } else throw new Error(`unknown make entry ${JSON.stringify(m)}`);
}

/**
 * A temporary copy of the fixture folder with every run-time file of `cases` made; `close` stops the
 * sockets' servers and removes the folder (which is removed at once if laying it out fails).
 */
export async function layOut(cases: HostileCase[]): Promise<{ dir: string; close: () => Promise<void> }> {
  const dir = makeTempDir('hostile-files');
  const servers: Server[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    removeTempDir(dir);
  };
  try {
    cpSync(CORPUS_DIR, dir, { recursive: true });
    const done = new Set<string>();
    for (const c of cases)
      for (const m of c.make ?? []) {
        const key = JSON.stringify(m);
        if (done.has(key)) continue;
        done.add(key);
        await make(dir, m, servers);
      }
  } catch (e) {
    await close();
    throw e;
  }
  return { dir, close };
}
