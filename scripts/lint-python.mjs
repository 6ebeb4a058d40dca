// npm run lint:python: checks the repository's Python with the interpreter and ruff of .venv/bin
// (npm test installs ruff there). Every .py file is compiled (python3 -m py_compile, byte code written
// to a temporary folder); the exported script's parts (src/core/export/pytorch/python/) are linted
// with ruff (rules in ruff.toml).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, '.venv', 'bin');
const python = join(bin, 'python3');
const ruff = join(bin, 'ruff');
const LINTED = ['src/core/export/pytorch/python'];
const COMPILED = [...LINTED, 'test/fixtures', 'test/onnx-python', 'scripts'];

/** The .py files under `dir` (relative to the root), recursively. */
function pythonFiles(dir) {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (name === '__pycache__' || name === 'node_modules') continue;
    if (statSync(join(root, rel)).isDirectory()) out.push(...pythonFiles(rel));
    else if (name.endsWith('.py')) out.push(rel);
  }
  return out;
}

/** Runs a command in the root with inherited output; exits with its status when it fails. */
function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

for (const tool of [python, ruff]) {
  if (!existsSync(tool)) {
    console.error(`lint:python needs ${tool}: create .venv (python3 -m venv .venv) and install ruff into it (.venv/bin/pip install ruff).`);
    process.exit(1);
  }
}
const files = COMPILED.flatMap(pythonFiles);
const cache = mkdtempSync(join(tmpdir(), 'nn-lab-pycache-'));
try {
  run(python, ['-m', 'py_compile', ...files], { PYTHONPYCACHEPREFIX: cache });
} finally {
  rmSync(cache, { recursive: true, force: true });
}
run(ruff, ['check', '--no-cache', ...LINTED]);
console.log(`python: ${files.length} files compile; ruff: ${LINTED.join(', ')} clean`);
