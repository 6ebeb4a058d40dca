#!/usr/bin/env node
// The first step of `npm test`: checks what the tests need outside node_modules and installs what is
// missing, so that `npm install && npm test` works on a fresh Debian machine. Plain Node, no dependencies.
//   1. Debian packages: Chromium (the e2e browser), what code-server's native modules need to build,
//      the Fashion-MNIST files (dataset-fashion-mnist), scikit-learn for the digits comparison
//      (python3-sklearn, used through /usr/bin/python3) and python3-venv. Installed with apt-get when
//      running as root (after one `apt-get update`); otherwise it stops with the exact `sudo apt-get` line.
//   2. The Python engines the equivalence tests use as oracles (PyTorch, NumPy, ONNX, ONNX Runtime) and
//      ruff (the Python lint), in the project's own virtual environment .venv/ (made with `python3 -m venv`,
//      which also avoids Debian's "externally managed" refusal of a system-wide pip install), with pip from
//      the machine's configured package indexes. NN_LAB_PYTHON, when set, names the interpreter to check
//      instead (nothing is installed into it).
// When everything is there it only looks (well under a second; no Python module is imported).
// Usage: node scripts/prereqs.mjs
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages and what needs each. */
const DEBIAN_PACKAGES = {
  chromium: 'the browser of the end-to-end tests',
  'libkrb5-dev': "code-server's native modules",
  'pkg-config': "code-server's native modules",
  'build-essential': "code-server's native modules",
  'ca-certificates': 'downloads over HTTPS',
  python3: 'the Python engines',
  'python3-venv': 'the virtual environment .venv/',
  'python3-sklearn': "the digits test (scikit-learn's load_digits)",
  'dataset-fashion-mnist': 'the Fashion-MNIST tests',
};
/** pip packages installed into .venv/, by the module that shows each is there. */
const PYTHON_MODULES = { torch: 'torch', numpy: 'numpy', onnx: 'onnx', onnxruntime: 'onnxruntime' };
/** pip packages that install a command into .venv/bin rather than a module to import. */
const PYTHON_TOOLS = ['ruff'];
const VENV = join(root, '.venv');
const VENV_PYTHON = join(VENV, 'bin', 'python3');

const started = Date.now();
const say = (line) => console.log(`[prereqs] ${line}`);
/** Stops with a message (exit code 1). */
function fail(message) {
  console.error(`[prereqs] ${message}`);
  process.exit(1);
}
/** Runs a command with its output shown; stops when it fails. */
function run(cmd, args, env = process.env) {
  say(`$ ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.error) fail(`cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  say(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${cmd} ${args[0]}`);
}

/** Debian packages of DEBIAN_PACKAGES that dpkg does not report installed; undefined when there is no dpkg. */
function missingDebianPackages() {
  const names = Object.keys(DEBIAN_PACKAGES);
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...names], { encoding: 'utf8' });
  if (r.error) return undefined;
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((l) => / install ok installed$/.test(l))
      .map((l) => l.split(' ')[0]),
  );
  return names.filter((n) => !installed.has(n));
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing === undefined) {
    say(`not a Debian system (no dpkg-query): make sure the equivalents of ${Object.keys(DEBIAN_PACKAGES).join(', ')} are installed`);
    return;
  }
  if (missing.length === 0) return say('Debian packages: all there');
  for (const p of missing) say(`missing Debian package ${p} (${DEBIAN_PACKAGES[p]})`);
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) fail(`install them, then run npm test again:\n    sudo apt-get update && sudo ${line}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], env);
  run('apt-get', ['install', '-y', ...missing], env);
  const still = missingDebianPackages() ?? [];
  if (still.length > 0) fail(`still missing after apt-get install: ${still.join(' ')}`);
}

/** The pip packages whose module (or command) `python` lacks; undefined when `python` does not run. */
function missingPythonPackages(python, checkTools) {
  const probe = `import importlib.util as u, sys\nprint(" ".join(p for p, m in ${JSON.stringify(Object.entries(PYTHON_MODULES))} if u.find_spec(m) is None))`;
  const r = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const missing = r.stdout.trim().split(/\s+/).filter(Boolean);
  if (checkTools) for (const tool of PYTHON_TOOLS) if (!existsSync(join(VENV, 'bin', tool))) missing.push(tool);
  return missing;
}

function ensurePythonEngines() {
  const named = process.env.NN_LAB_PYTHON;
  if (named) {
    const missing = missingPythonPackages(named, false);
    if (missing === undefined) fail(`NN_LAB_PYTHON=${named} does not run`);
    if (missing.length > 0) fail(`NN_LAB_PYTHON=${named} lacks ${missing.join(', ')}: install them into it, or unset NN_LAB_PYTHON to use .venv/`);
    return say(`Python engines: all there in NN_LAB_PYTHON=${named}`);
  }
  if (!existsSync(VENV_PYTHON)) run('python3', ['-m', 'venv', VENV]);
  const missing = missingPythonPackages(VENV_PYTHON, true);
  if (missing === undefined) fail(`${VENV_PYTHON} does not run: remove .venv/ and run npm test again`);
  if (missing.length === 0) return say('Python engines: all there in .venv/');
  // --retries 0: an index that cannot be reached (no internet) is passed over at once; the local ones answer.
  run(join(VENV, 'bin', 'pip'), ['install', '--retries', '0', '--timeout', '30', ...missing]);
  const still = missingPythonPackages(VENV_PYTHON, true) ?? missing;
  if (still.length > 0) fail(`still missing in .venv/ after pip install: ${still.join(', ')}`);
  const versions = spawnSync(
    VENV_PYTHON,
    [
      '-c',
      'import torch, numpy, onnx, onnxruntime as ort; print("torch", torch.__version__, "numpy", numpy.__version__, "onnx", onnx.__version__, "onnxruntime", ort.__version__)',
    ],
    { encoding: 'utf8' },
  );
  if (versions.status !== 0) fail(`the Python engines in .venv/ do not import:\n${versions.stderr.trim()}`);
  say(`Python engines in .venv/: ${versions.stdout.trim()}`);
}

ensureDebianPackages();
ensurePythonEngines();
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
