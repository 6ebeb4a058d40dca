/**
 * Root hooks of the unit suite (required by .mocharc.json) and of the onnx-python suite: the
 * suite runs with a temporary folder of its own, `nn-lab-unit-XXXXXX`, set as TMPDIR (which
 * `os.tmpdir()` and every child process read), and after its last test it fails, naming them, if
 * any files or folders are left in it; then it removes the folder. So a test that does not clean
 * up after itself cannot go unnoticed. tsx's compile cache (`tsx-<user>`, made by the loader of
 * child processes, not by a test) is not counted.
 */
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const outer = tmpdir();
const own = mkdtempSync(join(outer, 'nn-lab-unit-'));
process.env.TMPDIR = own;

/** What the tests left in the suite's temporary folder (tsx's cache aside). */
function leftovers(): string[] {
  return readdirSync(own)
    .filter((name) => !/^tsx-/.test(name))
    .sort();
}

/** Mocha's root hooks (a root hook plugin). */
export const mochaHooks = {
  afterAll(): void {
    const left = leftovers();
    process.env.TMPDIR = outer;
    rmSync(own, { recursive: true, force: true });
    if (left.length > 0) {
      const shown = left.length > 20 ? [...left.slice(0, 20), `… (${left.length - 20} more)`] : left;
      throw new Error(`the tests left ${left.length} entries in their temporary folder (each test must remove what it creates): ${shown.join(', ')}`);
    }
  },
};
