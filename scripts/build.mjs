// Bundles every target with esbuild: the core library, the CLI, the extension host,
// the training worker and the webview. A target whose entry file does not exist yet is skipped.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** One bundle per target; `vscode` is provided by the extension host at run time. */
const targets = [
  { entry: 'src/core/index.ts', outfile: 'dist/core.js', platform: 'node', format: 'cjs', mainFields: ['module', 'main'] },
  { entry: 'src/cli/main.ts', outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: '#!/usr/bin/env node', mainFields: ['module', 'main'] },
  // mainFields (node targets): jsonc-parser's UMD build requires its own files at run time; its ESM build bundles.
  { entry: 'src/extension/extension.ts', outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'] },
  { entry: 'src/extension/training/worker-main.ts', outfile: 'dist/worker.js', platform: 'node', format: 'cjs', mainFields: ['module', 'main'] },
  { entry: 'webview/main.ts', outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
  { entry: 'webview/gallery.ts', outfile: 'dist/gallery.js', platform: 'browser', format: 'iife' },
  { entry: 'webview/compare.ts', outfile: 'dist/compare.js', platform: 'browser', format: 'iife' },
];

const contexts = [];
for (const t of targets) {
  if (!existsSync(t.entry)) continue;
  const options = {
    entryPoints: [t.entry],
    outfile: t.outfile,
    bundle: true,
    platform: t.platform,
    format: t.format,
    target: t.platform === 'browser' ? 'es2022' : 'node20',
    sourcemap: true,
    minify,
    external: t.external ?? [],
    ...(t.mainFields ? { mainFields: t.mainFields } : {}),
    banner: t.banner ? { js: t.banner } : undefined,
    logLevel: 'warning',
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    contexts.push(ctx);
  } else {
    await esbuild.build(options);
    console.log(`built ${t.outfile}`);
  }
}
if (watch) console.log(`watching ${contexts.length} bundles`);
