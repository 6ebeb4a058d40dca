/**
 * The extension loads, activates without error, and registers its commands.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateNnLab, EXTENSION_ID } from './helpers';

/** Every command NN Lab contributes; each must be in the manifest and registered once active. */
const ALL_COMMANDS = [
  'nnLab.train',
  'nnLab.stop',
  'nnLab.exportModel',
  'nnLab.exportOnnx',
  'nnLab.exportPytorch',
  'nnLab.showActivations',
  'nnLab.compareOptimizers',
  'nnLab.newConfig',
  'nnLab.runSweep',
];

describe('activation', () => {
  it('is loaded with its manifest', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} should be loaded`);
    const pkg = ext.packageJSON as { displayName: string; contributes: { commands: { command: string; category: string }[] } };
    assert.equal(pkg.displayName, 'NN Lab');
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), [...ALL_COMMANDS].sort());
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'NN Lab');
  });

  it('activates only on demand (no "*" or startup activation)', () => {
    const events = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activationEvents: ${JSON.stringify(events)}`);
  });

  it('activates without error and returns its API', async () => {
    const api = await activateNnLab();
    assert.equal(typeof api.panelSnapshot, 'function');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('registers every contributed command', async () => {
    await activateNnLab();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ALL_COMMANDS) assert.ok(commands.includes(id), `${id} is registered`);
  });
});
