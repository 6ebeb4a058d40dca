/**
 * Loaded by VS Code's extension host through `extensionTestsPath` (bundled to out/test/integration/index.js):
 * runs every *.test.js beside it with mocha and rejects when any test fails or none ran.
 */
import { readdirSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Printed before mocha starts; the code-server shim shows the extension host's console from here on. */
const TESTS_BEGIN = 'NN-LAB-TESTS-BEGIN';

/** Entry point called by VS Code; the run passes when the promise resolves. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no integration tests in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  console.log(TESTS_BEGIN);
  const { failures, tests } = await new Promise<{ failures: number; tests: number }>((resolve) => {
    const runner = mocha.run((failures) => resolve({ failures, tests: runner.stats?.tests ?? 0 }));
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  if (tests === 0) throw new Error('no integration test ran');
}
