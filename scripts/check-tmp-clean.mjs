#!/usr/bin/env node
// Proves that the unit tests leave nothing behind: runs the unit suite (mocha with .mocharc.json) with
// TMPDIR set to a fresh, empty folder, then fails unless the suite passed and the folder is still empty,
// listing what was left. tsx's compile cache is turned off (TSX_DISABLE_CACHE=1) so that the loader keeps
// nothing there either. Extra arguments go to mocha (e.g. `--grep hostile`).
// Usage: node scripts/check-tmp-clean.mjs [mocha arguments…]
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const empty = mkdtempSync(join(tmpdir(), 'nn-lab-tmp-check-'));
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
console.log(`[tmp-clean] running the unit tests with TMPDIR=${empty}`);
const run = spawnSync(process.execPath, [mocha, '--reporter', 'dot', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: empty, TSX_DISABLE_CACHE: '1' },
});
const left = readdirSync(empty).sort();
rmSync(empty, { recursive: true, force: true });
if (run.status !== 0) console.error(`[tmp-clean] the unit tests failed (exit ${run.status ?? run.signal})`);
if (left.length > 0) {
  console.error(`[tmp-clean] the unit tests left ${left.length} entries in TMPDIR: ${left.slice(0, 30).join(', ')}${left.length > 30 ? ', …' : ''}`);
}
if (run.status !== 0 || left.length > 0) process.exit(1);
console.log('[tmp-clean] the unit tests passed and left TMPDIR empty');
