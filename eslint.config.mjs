// Lint rules: typescript-eslint's recommended set everywhere; `any` is banned outright in the core.
// The layers (docs/architecture.md): every import points down, and no file takes part in an import cycle.
//   core      → nothing outside core (pure TypeScript: no vscode, no DOM, no Node-only modules)
//   protocol  → core
//   node      → core, protocol
//   cli       → core, node
//   extension → core, node, protocol (and each page's markup, webview/<page>/markup.ts)
//   webview   → core, protocol, webview/common (and a page never imports another page)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Node's own modules, which neither the core, the protocol nor the pages may use. */
const NODE_MODULES = ['fs', 'path', 'os', 'worker_threads', 'child_process', 'crypto', 'util', 'stream', 'events', 'url', 'buffer', 'module', 'process'];
/** No vscode and no Node module (pure code). */
const PURE = { paths: ['vscode', ...NODE_MODULES], patterns: ['node:*'] };

/** One zone per layer: files in `target` may not import from any folder of `from`. */
const layer = (target, from) => ({ target, from, message: `${target} may not import from here: imports point down the layers (see docs/architecture.md).` });
const LAYERS = [
  layer('./src/core', ['./src/protocol', './src/node', './src/cli', './src/extension', './webview']),
  layer('./src/protocol', ['./src/node', './src/cli', './src/extension', './webview']),
  layer('./src/node', ['./src/cli', './src/extension', './webview']),
  layer('./src/cli', ['./src/protocol', './src/extension', './webview']),
  layer('./src/extension', ['./src/cli']),
  // The host builds each page's HTML around the page's markup (plain strings), and takes nothing else from the pages.
  { ...layer('./src/extension', './webview'), except: ['./panel/markup.ts', './gallery/markup.ts', './compare/markup.ts', './sweep/markup.ts'] },
  layer('./webview', ['./src/node', './src/cli', './src/extension']),
  layer('./webview/common', ['./webview/panel', './webview/gallery', './webview/compare']),
  layer('./webview/panel', ['./webview/gallery', './webview/compare']),
  layer('./webview/gallery', ['./webview/panel', './webview/compare']),
  layer('./webview/compare', ['./webview/panel', './webview/gallery']),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.nn-lab-host/', '.vscode-test/', 'test-results/', 'src/core/linalg/wasm/', '**/generated/', '.venv/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', PURE],
    },
  },
  { files: ['src/protocol/**/*.ts', 'webview/**/*.ts'], rules: { 'no-restricted-imports': ['error', PURE] } },
  { files: ['src/node/**/*.ts', 'src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] } },
);
