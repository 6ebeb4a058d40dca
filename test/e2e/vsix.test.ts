/**
 * The packaged extension: `nn-lab-<version>.vsix` (made by `npm run package`) holds only what it
 * should, installs with `--install-extension` into a fresh extensions folder, and its Train Model
 * command works there from the command palette.
 */
import { strict as assert } from 'assert';
import { existsSync, lstatSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { extensionIdentity } from '../../scripts/vscode-host/paths';
import { requiredPackageFiles } from '../../src/protocol/pages';
import { installVsix } from '../../scripts/vscode-host/server';
import { EXAMPLE, Lab } from './support/lab';

/** Every file under `dir`, relative, with `/` separators. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('e2e: the packaged .vsix', function () {
  const { id, version, vsix } = extensionIdentity();
  let lab: Lab;
  let failed = false;
  let installed = '';

  before(async () => {
    assert.ok(existsSync(vsix), `${path.basename(vsix)} is missing: run \`npm run package\` first`);
    lab = new Lab('e2e-vsix', (dir) => {
      installVsix(vsix, dir);
      installed = path.join(dir, `${id}-${version}`);
    });
    await lab.start();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await lab?.close(failed);
  });

  it('installs as a real folder holding only bundles, media (walkthrough pages included), schema, docs and examples', () => {
    assert.ok(existsSync(installed) && !lstatSync(installed).isSymbolicLink(), `installed at ${installed}`);
    const files = listFiles(installed);
    // Derived from what the page builders and the host load (not a hand-written list): every script and stylesheet.
    const required = ['package.json', 'media/icon.png', ...requiredPackageFiles()];
    const missing = required.filter((f) => !files.includes(f));
    assert.deepEqual(missing, [], `every bundle and stylesheet the pages reference is packaged (of ${required.join(', ')})`);
    const lower = files.map((f) => f.toLowerCase());
    assert.ok(lower.includes('readme.md'), 'the README is packaged');
    assert.ok(
      lower.some((f) => /^license(\.txt|\.md)?$/.test(f)),
      'the license is packaged',
    );
    const allowed =
      /^(package\.json|readme\.md|license(\.txt|\.md)?|changelog\.md|\.vsixmanifest|dist\/[^/]+\.(js|css)|media\/[^/]+\.(png|svg)|media\/walkthrough\/[^/]+\.(md|png|svg)|schema\/.+\.json|examples\/.+)$/i; // VS Code lower-cases readme.md
    const unexpected = files.filter((f) => !allowed.test(f));
    const bytes = files.reduce((n, f) => n + statSync(path.join(installed, f)).size, 0);
    assert.ok(bytes < 8 * 1024 * 1024, `the package holds no data sets (${(bytes / 1048576).toFixed(1)} MB installed)`);
    assert.ok(!files.some((f) => /-ubyte/.test(f)), 'the Fashion-MNIST files are never packaged');
    assert.deepEqual(unexpected, [], 'nothing else is packaged (sources, tests, sourcemaps, node_modules)');
  });

  it(`trains ${EXAMPLE} from the palette with the installed extension`, async () => {
    const wb = lab.workbench;
    await wb.openFromExplorer(EXAMPLE);
    await wb.runCommand('NN Lab: Train Model');
    await wb.waitForPanel();
    const phase = await wb.waitForRunEnd();
    const panel = await wb.readPanel();
    await wb.screenshots(lab.artifact('training-panel.png'), lab.artifact('workbench.png'));
    assert.equal(phase, 'completed', panel.status);
    assert.match(panel.summary, /^Training loss fell from /);
    assert.ok(panel.linePixels > 100, `the training line is drawn (${panel.linePixels} pixels)`);
  });
});
