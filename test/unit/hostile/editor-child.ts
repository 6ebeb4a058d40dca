/**
 * Child process of the hostile-files spec: runs the editor's live check (its VS Code-free part) on
 * each config named on the command line, in a folder that is also the workspace root, and prints
 * `start <name>` before and `done <name> <problems as JSON>` after each, so the parent can tell a
 * check that hangs (and kill this process) from one that finishes.
 * Usage: node --require tsx/cjs editor-child.ts <dir> <config>…
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkConfigText } from '../../../src/node/editing/check-config';
import { DataFileCache } from '../../../src/node/editing/data-file-cache';

async function main(): Promise<void> {
  const [dir, ...configs] = process.argv.slice(2);
  const files = new DataFileCache();
  for (const name of configs) {
    process.stdout.write(`start ${name}\n`);
    const text = readFileSync(path.join(dir, name), 'utf8');
    const check = await checkConfigText(text, dir, files, { root: dir, allowOutside: false, restricted: false });
    process.stdout.write(`done ${name} ${JSON.stringify(check.problems.map((p) => p.message))}\n`);
  }
}

void main();
