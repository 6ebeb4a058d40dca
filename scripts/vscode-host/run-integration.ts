/**
 * Runs the integration tests (test/integration) inside VS Code's extension host:
 * bundles them to out/test/integration, copies examples/ to a temporary workspace, and calls
 * @vscode/test-electron's `runTests` with code-shim.sh as the VS Code executable (code-server + Chromium).
 * Usage: tsx scripts/vscode-host/run-integration.ts   (exit code 0 only when every test passed;
 *   NN_LAB_TESTS=name runs only the test files whose name contains `name`)
 */
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, readdirSync, rmSync, statSync } from 'fs';
import * as path from 'path';
import { installHost } from './install';
import { examplesDir, repoRoot } from './paths';
import { makeRunDir } from './server';

/** Where the bundled tests go; the extension host `require`s index.js from there. */
// A selection gets its own folder, so runs of different selections (several engineers at once) do not clobber each other.
const outDir = path.join(repoRoot, 'out', 'test', process.env.NN_LAB_TESTS ? `integration-${process.env.NN_LAB_TESTS.replace(/[^\w-]/g, '_')}` : 'integration');

/** Bundles index.ts and every *.test.ts of test/integration into out/test/integration (vscode and mocha stay external). */
export async function bundleIntegrationTests(): Promise<void> {
  const srcDir = path.join(repoRoot, 'test', 'integration');
  const only = process.env.NN_LAB_TESTS; // e.g. NN_LAB_TESTS=editing: only the test files whose name contains it
  const entries = readdirSync(srcDir)
    .filter((f) => f === 'index.ts' || (f.endsWith('.test.ts') && (!only || f.includes(only))))
    .map((f) => path.join(srcDir, f));
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}

async function main(): Promise<number> {
  installHost();
  const t0 = Date.now();
  await bundleIntegrationTests();
  const run = makeRunDir('integration-ws');
  const workspace = path.join(run, 'workspace');
  cpSync(examplesDir, workspace, { recursive: true });
  const shim = path.join(__dirname, 'code-shim.sh');
  if ((statSync(shim).mode & 0o111) === 0) chmodSync(shim, 0o755); // a checkout may lose the executable bit
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(run, 'user-data')}`, `--extensions-dir=${path.join(run, 'extensions')}`],
    });
    console.log(`integration tests passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`integration tests failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
