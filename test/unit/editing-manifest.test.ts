/**
 * The manifest parts of the editing work: the walkthrough's media exist and ship in the .vsix, its
 * completion events and links name contributed commands, and workspace trust is declared.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  activationEvents: string[];
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces?: { supported: boolean | string };
  };
  contributes: {
    commands: { command: string }[];
    walkthroughs?: { id: string; steps: Step[] }[];
    configuration: { properties: Record<string, { default?: unknown; scope?: string }> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

describe('editing: manifest', () => {
  it('contributes "New Model Config" and activates on JSON documents', () => {
    assert.ok(commands.has('nnLab.newConfig'));
    assert.ok(manifest.activationEvents.includes('onLanguage:json'));
  });

  it('contributes "Export as PyTorch Script" for descriptions and exported models', () => {
    assert.ok(commands.has('nnLab.exportPytorch'));
    const palette = (manifest as unknown as { contributes: { menus: { commandPalette: { command: string; when?: string }[] } } }).contributes.menus
      .commandPalette;
    const when = palette.find((m) => m.command === 'nnLab.exportPytorch')?.when ?? '';
    assert.match(when, /nn\|model/, 'shown for *.nn.json and *.model.json files');
  });

  it('declares workspace trust (limited: the data-outside setting is restricted) and virtual workspace support', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.ok(trust?.description, 'limited support needs a description');
    assert.deepEqual(trust?.restrictedConfigurations, ['nnLab.allowDataOutsideWorkspace']);
    assert.ok(manifest.capabilities?.virtualWorkspaces?.supported !== undefined);
  });

  it('contributes nnLab.allowDataOutsideWorkspace: off by default, user settings only', () => {
    const setting = manifest.contributes.configuration.properties['nnLab.allowDataOutsideWorkspace'];
    assert.equal(setting?.default, false);
    assert.equal(setting?.scope, 'machine');
  });

  it('has a walkthrough whose steps show existing, packaged markdown and complete on contributed commands', () => {
    const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === 'nnLab.gettingStarted');
    assert.ok(walkthrough && walkthrough.steps.length >= 3);
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.ok(ignore.includes('!media/walkthrough/**'), 'the walkthrough media go into the .vsix');
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command && commands.has(command), `${step.id}: ${event} names a contributed command`);
      }
      for (const link of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(link[1]), `${step.id}: link to ${link[1]}`);
    }
  });
});
