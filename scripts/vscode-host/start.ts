/**
 * `npm start`: opens VS Code with NN Lab loaded and examples/ as the workspace.
 *   - desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> examples/`;
 *   - otherwise the project's code-server on 127.0.0.1 (installed on first use), its URL printed;
 *     Ctrl+C stops it. Settings persist in .nn-lab-host/start/.
 * Options: --server (use code-server even when `code` exists), --port=N (default: NN_LAB_PORT or a free port).
 */
import { spawn, spawnSync } from 'child_process';
import { lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'fs';
import * as path from 'path';
import { installHost } from './install';
import { examplesDir, extensionIdentity, hostDir, repoRoot } from './paths';
import { startServer } from './server';

/** True when a desktop `code` command answers. */
function hasDesktopCode(): boolean {
  const r = spawnSync('code', ['--version'], { stdio: 'ignore', timeout: 20_000 });
  return r.status === 0;
}

/** Points `<extensionsDir>/<id>-<version>` at the working tree (removing older links of NN Lab). */
function linkExtension(extensionsDir: string): void {
  const { id, version } = extensionIdentity();
  mkdirSync(extensionsDir, { recursive: true });
  for (const name of readdirSync(extensionsDir)) {
    const p = path.join(extensionsDir, name);
    if (name.startsWith(`${id}-`) && lstatSync(p).isSymbolicLink()) rmSync(p);
  }
  symlinkSync(repoRoot, path.join(extensionsDir, `${id}-${version}`), 'dir');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!args.includes('--server') && hasDesktopCode()) {
    console.log(`Opening VS Code with NN Lab (development mode) on ${examplesDir}`);
    spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, examplesDir], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  installHost();
  const portArg = args.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? process.env.NN_LAB_PORT;
  const state = path.join(hostDir, 'start');
  const extensionsDir = path.join(state, 'extensions');
  linkExtension(extensionsDir);
  const server = await startServer({
    label: 'start',
    folder: examplesDir,
    extensionsDir,
    userDataDir: path.join(state, 'user-data'),
    port: portArg ? Number(portArg) : undefined,
  });
  console.log('\nNN Lab is running in VS Code (code-server) with examples/ as the workspace:\n');
  console.log(`    ${server.urlFor(examplesDir)}\n`);
  console.log('Open a *.nn.json file, then run "NN Lab: Train Model" from the command palette (F1).');
  console.log('Press Ctrl+C to stop the server.');
  // Ctrl+C: startServer's signal handlers stop the server (process group and all) before exiting.
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
