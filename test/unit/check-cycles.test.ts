/**
 * scripts/check-cycles.mjs (npm run lint:cycles) finds import circles that ESLint's import-x/no-cycle
 * passes over: ones closed by `import type`, also across several lines; and the project has none.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'check-cycles.mjs');

function check(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('import circles (npm run lint:cycles)', () => {
  const tmp = useTempDir('cycles');

  it('finds a circle closed by a type-only import written over several lines', () => {
    const src = join(tmp.path, 'src', 'core');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'a.ts'), "import { b } from './b';\nexport interface A { n: number }\nexport const a = b + 1;\n");
    writeFileSync(join(src, 'b.ts'), "import type {\n  A,\n} from './a';\nexport const b = 1;\nexport type B = A;\n");
    const r = check(tmp.path);
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /import circle of 2 files/);
    assert.match(r.out, /src\/core\/b\.ts -> src\/core\/a\.ts/);
  });

  it('passes once the circle is opened', () => {
    writeFileSync(join(tmp.path, 'src', 'core', 'b.ts'), 'export const b = 1;\n');
    const r = check(tmp.path);
    assert.equal(r.status, 0, r.out);
  });

  it('finds none in the project', () => {
    const r = check(root);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /none in \d+ files/);
  });
});
