/**
 * The node-only file helpers: the safe reader (regular files only, size limits), the data path
 * policy, the atomic writer (including failures mid-write), and the live check's async cache.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FileReadError, readTextFile, readTextFileSync } from '../../src/node/files/read-file';
import { FILE_LIMITS } from '../../src/node/files/file-limits';
import { allowedPath, allowedPathSync, isInside } from '../../src/node/files/path-policy';
import { dataFileReader } from '../../src/node/files/data-reader';
import { writeFileAtomic, WriteError, type AtomicWriteFs } from '../../src/node/files/atomic-write';
import { DataFileCache, FileTooBigError } from '../../src/node/editing/data-file-cache';
import { parseArgs } from '../../src/cli/args';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'nn-lab-files-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);

/** The FileReadError `f` throws (sync or async). */
async function refusal(f: () => unknown): Promise<FileReadError> {
  try {
    await f();
  } catch (e) {
    assert.ok(e instanceof FileReadError, `a FileReadError, got ${String(e)}`);
    return e;
  }
  assert.fail('no error');
}

describe('safe reader', () => {
  it('reads a regular file, and through a symlink to one', async () => {
    writeFileSync(at('a.csv'), 'x,y\n1,2\n');
    symlinkSync('a.csv', at('link.csv'));
    assert.equal(readTextFileSync(at('link.csv'), 'data'), 'x,y\n1,2\n');
    assert.equal((await readTextFile(at('a.csv'), 'data')).text, 'x,y\n1,2\n');
  });

  it('refuses a FIFO at once, without waiting for a writer (sync and async)', async () => {
    execFileSync('mkfifo', [at('pipe.csv')]);
    for (const read of [() => readTextFileSync(at('pipe.csv'), 'data', 'pipe.csv'), () => readTextFile(at('pipe.csv'), 'data', 'pipe.csv')]) {
      const e = await refusal(read);
      assert.equal(e.code, 'not-regular');
      assert.equal(e.message, 'cannot read pipe.csv: it is a FIFO (named pipe), not a regular file');
    }
  });

  it('refuses devices (also through symlinks) and folders', async () => {
    symlinkSync('/dev/zero', at('zero.csv'));
    assert.match(
      (await refusal(() => readTextFileSync(at('zero.csv'), 'data', 'zero.csv'))).message,
      /zero\.csv: it is a character device, not a regular file/,
    );
    assert.match((await refusal(() => readTextFile('/dev/urandom', 'config'))).message, /character device/);
    mkdirSync(at('folder.nn.json'));
    assert.match(
      (await refusal(() => readTextFileSync(at('folder.nn.json'), 'config', 'folder.nn.json'))).message,
      /^cannot read folder\.nn\.json: it is a folder, not a file$/,
    );
  });

  it("refuses a file over its kind's limit before reading it (sparse file)", async () => {
    const fd = openSync(at('big.csv'), 'w');
    ftruncateSync(fd, FILE_LIMITS.data + 1);
    closeSync(fd);
    const e = await refusal(() => readTextFileSync(at('big.csv'), 'data', 'big.csv'));
    assert.equal(e.code, 'too-big');
    assert.match(e.message, /big\.csv: it is 50\.0 MB, more than the 50 MB limit for CSV data files/);
    assert.match((await refusal(() => readTextFile(at('big.csv'), 'config', 'big.csv'))).message, /more than the 5 MB limit for model descriptions/);
  });

  it('reads a file whose size fstat gives as 0 but which holds text (/proc), to its end', async function () {
    if (!fs.existsSync('/proc/self/status')) this.skip();
    assert.match(readTextFileSync('/proc/self/status', 'config'), /^Name:/);
    assert.match((await readTextFile('/proc/self/status', 'config')).text, /^Name:/);
  });

  it('stops at the limit when a file turns out bigger than fstat said (/proc/kallsyms, where it is over 5 MB)', async function () {
    if (!fs.existsSync('/proc/kallsyms') || fs.readFileSync('/proc/kallsyms').length <= FILE_LIMITS.config) this.skip();
    const e = await refusal(() => readTextFileSync('/proc/kallsyms', 'config', 'kallsyms'));
    assert.equal(e.message, 'cannot read kallsyms: it grew past the 5 MB limit for model descriptions while being read');
    assert.match((await refusal(() => readTextFile('/proc/kallsyms', 'config', 'kallsyms'))).message, /grew past the 5 MB limit/);
  });

  it('says "not found" (code ENOENT) for missing files and dangling links, and names loops', async () => {
    assert.equal((await refusal(() => readTextFileSync(at('none.csv'), 'data', 'none.csv'))).code, 'ENOENT');
    symlinkSync('gone', at('dangling'));
    assert.equal((await refusal(() => readTextFile(at('dangling'), 'data'))).code, 'ENOENT');
    symlinkSync('l2', at('l1'));
    symlinkSync('l1', at('l2'));
    assert.match((await refusal(() => readTextFileSync(at('l1'), 'data', 'l1'))).message, /loop of symbolic links/);
  });
});

describe('data path policy', () => {
  const cli = (root: string, allowOutside = false) => ({ root, allowOutside, scope: 'cli' as const });

  it('knows inside from outside', () => {
    assert.ok(isInside('/a/b', '/a/b'));
    assert.ok(isInside('/a/b', '/a/b/c/d.csv'));
    assert.ok(!isInside('/a/b', '/a/bc'));
    assert.ok(!isInside('/a/b', '/a'));
    assert.ok(!isInside('/a/b', '/etc/passwd'));
  });

  it('refuses ../ and absolute paths outside the folder, naming the flag', () => {
    mkdirSync(at('proj'));
    for (const p of ['../x.csv', '../../../../../etc/passwd', '/etc/passwd']) {
      assert.throws(
        () => allowedPathSync(at('proj'), p, p, cli(at('proj'))),
        (e: FileReadError) => e.code === 'outside' && /outside the config's folder.*--allow-outside/.test(e.message),
        p,
      );
    }
    assert.equal(allowedPathSync(at('proj'), 'sub/../d.csv', 'd', cli(at('proj'))), path.join(at('proj'), 'd.csv'));
  });

  it('refuses a symlink inside that points outside, also through a linked folder', async () => {
    mkdirSync(at('proj'));
    writeFileSync(at('secret.csv'), '1,2\n');
    symlinkSync(at('secret.csv'), at('proj/link.csv'));
    symlinkSync(dir, at('proj/up'));
    assert.throws(() => allowedPathSync(at('proj'), 'link.csv', 'link.csv', cli(at('proj'))), /"link\.csv" is outside/);
    await assert.rejects(allowedPath(at('proj'), 'up/secret.csv', 'up/secret.csv', cli(at('proj'))), /"up\/secret\.csv" is outside/);
  });

  it('is lifted by the flag or setting, but never in Restricted Mode', async () => {
    mkdirSync(at('proj'));
    writeFileSync(at('out.csv'), 'a,b\n1,2\n');
    assert.equal(dataFileReader(at('proj'), cli(at('proj'), true))('../out.csv'), 'a,b\n1,2\n');
    const trusted = { root: at('proj'), allowOutside: true, restricted: false, scope: 'workspace' as const };
    assert.equal(await allowedPath(at('proj'), '../out.csv', 'x', trusted), at('out.csv'));
    const restricted = { ...trusted, restricted: true };
    await assert.rejects(
      allowedPath(at('proj'), '../out.csv', '../out.csv', restricted),
      /Restricted Mode.*trust the workspace.*nnLab\.allowDataOutsideWorkspace/,
    );
    assert.throws(
      () => allowedPathSync(at('proj'), '../out.csv', '../out.csv', { ...trusted, allowOutside: false }),
      /outside the workspace folder.*"nnLab\.allowDataOutsideWorkspace": true/,
    );
  });
});

describe('atomic writes', () => {
  const leftovers = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('writes a new file and replaces an old one, leaving no temporary file', () => {
    writeFileAtomic(at('m.model.json'), '{"a":1}\n');
    assert.equal(readFileSync(at('m.model.json'), 'utf8'), '{"a":1}\n');
    writeFileAtomic(at('m.model.json'), new Uint8Array([104, 105]));
    assert.equal(readFileSync(at('m.model.json'), 'utf8'), 'hi');
    assert.deepEqual(leftovers(), []);
  });

  it('a failure mid-write leaves the old file whole and no partial or temporary file', () => {
    writeFileSync(at('m.model.json'), 'old contents');
    let writes = 0;
    const failing: AtomicWriteFs = {
      ...fs,
      writeSync: (fd, data, offset, length) => {
        if (++writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.writeSync(fd, data, offset, Math.min(length, 3)); // a short write first, then the disk is full
      },
    };
    assert.throws(
      () => writeFileAtomic(at('m.model.json'), 'new contents that never fully arrive', failing),
      (e: WriteError) => e.code === 'ENOSPC' && /the disk is full/.test(e.message),
    );
    assert.equal(readFileSync(at('m.model.json'), 'utf8'), 'old contents');
    assert.deepEqual(leftovers(), []);
  });

  it('a failed rename removes the temporary file', () => {
    mkdirSync(at('taken'));
    writeFileSync(at('taken/x'), '');
    assert.throws(() => writeFileAtomic(at('taken'), 'data'), WriteError);
    assert.deepEqual(leftovers(), []);
  });

  it('says clearly when the folder is read-only, missing or not writable', () => {
    const refuse = (code: string): AtomicWriteFs => ({
      ...fs,
      openSync: () => {
        throw Object.assign(new Error(code), { code });
      },
    });
    assert.throws(() => writeFileAtomic(at('a.json'), 'x', refuse('EROFS')), /the folder .* is on a read-only file system/);
    assert.throws(() => writeFileAtomic(at('a.json'), 'x', refuse('EACCES')), /is not writable \(permission denied\)/);
    assert.throws(() => writeFileAtomic(at('no/such/a.json'), 'x'), /the folder .*no\/such does not exist/);
  });
});

describe('live-check file cache', () => {
  it('refuses a FIFO without blocking, and a device whose size is 0', async () => {
    execFileSync('mkfifo', [at('pipe.csv')]);
    symlinkSync('/dev/zero', at('zero.csv'));
    const cache = new DataFileCache();
    await assert.rejects(cache.read(dir, 'pipe.csv'), /FIFO/);
    await assert.rejects(cache.read(dir, 'zero.csv'), /character device/);
  });

  it('keeps its size guard for regular files and applies the path policy', async () => {
    writeFileSync(at('d.csv'), 'a,b\n1,2\n');
    await assert.rejects(new DataFileCache(4).read(dir, 'd.csv'), FileTooBigError);
    await assert.rejects(new DataFileCache().read(dir, '/etc/passwd', { root: dir, scope: 'workspace' }), /outside the workspace folder/);
    assert.equal(await new DataFileCache().read(dir, 'd.csv', { root: dir }), 'a,b\n1,2\n');
  });
});

describe('--allow-outside', () => {
  it('is a flag of check and train, not of predict', () => {
    assert.deepEqual(parseArgs(['check', 'a.nn.json', '--allow-outside']), { kind: 'check', file: 'a.nn.json', json: false, allowOutside: true });
    assert.equal((parseArgs(['train', 'a.nn.json', '--allow-outside']) as { allowOutside?: boolean }).allowOutside, true);
    assert.equal(parseArgs(['predict', 'm.model.json', '--input', '1', '--allow-outside']).kind, 'usage-error');
  });
});
