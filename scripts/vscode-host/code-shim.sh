#!/bin/sh
# The `vscodeExecutablePath` given to @vscode/test-electron's runTests: runs code-shim.ts with the
# project's tsx, which maps the VS Code command line onto code-server + Chromium.
here=$(cd "$(dirname "$0")" && pwd)
exec node "$here/../../node_modules/tsx/dist/cli.mjs" "$here/code-shim.ts" "$@"
