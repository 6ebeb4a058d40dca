/**
 * The activation gallery inside the real extension host: it opens with one card per activation
 * of the core's registry, a slider change makes the page redraw with values the core agrees with,
 * and opening it from a config highlights that config's activations.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ACTIVATIONS, activationRegistry } from '../../src/core/activations';
import { PROBE_XS } from '../../src/protocol/gallery';
import { activateNnLab, openInEditor, waitFor, workspaceDir, writeWorkspaceFile } from './helpers';

describe('activation gallery', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with a card per registered activation, in registry order', async () => {
    const api = await activateNnLab();
    await vscode.commands.executeCommand('nnLab.showActivations');
    const snapshot = await waitFor('the gallery page', () => {
      const s = api.gallerySnapshot();
      return s && s.cards.length > 0 ? s : undefined;
    });
    assert.strictEqual(snapshot.cards.length, 26);
    assert.deepStrictEqual(
      snapshot.cards,
      ACTIVATIONS.map((a) => a.name),
    );
  });

  it('redraws a card when a slider moves, with the values the core computes', async () => {
    const api = await activateNnLab();
    await vscode.commands.executeCommand('nnLab.showActivations');
    const drawn = await api.gallerySetParam('leaky-ReLU', 'alpha', 0.3);
    assert.strictEqual(drawn.name, 'leaky-ReLU');
    assert.strictEqual(drawn.params.alpha, 0.3);
    const expected = activationRegistry.create('leaky-ReLU', { alpha: 0.3 }).forward(Float64Array.from(PROBE_XS));
    assert.deepStrictEqual(
      drawn.probes.map((p) => p.x),
      [...PROBE_XS],
    );
    drawn.probes.forEach((p, i) => assert.ok(Math.abs(p.y - expected[i]) < 1e-12, `f(${p.x}) = ${p.y}, core says ${expected[i]}`));
    assert.ok(Math.abs(drawn.probes[0].dy - 0.3) < 1e-12, 'the derivative left of 0 is alpha');
    const again = await api.gallerySetParam('leaky-ReLU', 'alpha', 0.05);
    assert.ok(Math.abs(again.probes[0].y - -2 * 0.05) < 1e-12, 'a second change redraws again');
    const clamped = await api.gallerySetParam('leaky-ReLU', 'alpha', 5);
    assert.strictEqual(clamped.params.alpha, 1, 'values beyond the bound are clamped to the slider');
  });

  it('redraws Swish with its beta, f(2) = 2·σ(2β)', async () => {
    const api = await activateNnLab();
    await vscode.commands.executeCommand('nnLab.showActivations');
    const drawn = await api.gallerySetParam('Swish', 'beta', 2);
    assert.strictEqual(drawn.probes[3].x, 2);
    assert.ok(Math.abs(drawn.probes[3].y - 2 / (1 + Math.exp(-4))) < 1e-12, `Swish(2) with beta 2 is ${drawn.probes[3].y}`);
  });

  it('highlights the activations of the config it was opened from, with its parameters', async () => {
    const api = await activateNnLab();
    const uri = writeWorkspaceFile('gallery-leaky.nn.json', {
      data: { generator: 'xor', samples: 40 },
      layers: [
        { units: 4, activation: { name: 'leaky-ReLU', alpha: 0.2 } },
        { units: 1, activation: 'sigmoid' },
      ],
    });
    await openInEditor(uri);
    await vscode.commands.executeCommand('nnLab.showActivations', uri);
    const snapshot = await waitFor('the highlight', () => {
      const s = api.gallerySnapshot();
      return s?.drawn['leaky-ReLU']?.params.alpha === 0.2 ? s : undefined;
    });
    assert.deepStrictEqual(snapshot.highlighted, ['leaky-ReLU', 'sigmoid']);
    assert.ok(Math.abs(snapshot.drawn['leaky-ReLU'].probes[0].y - -0.4) < 1e-12);
    assert.strictEqual(path.dirname(uri.fsPath), workspaceDir());
  });
});
