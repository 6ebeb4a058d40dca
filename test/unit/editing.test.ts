/**
 * The editing features' logic without VS Code: problem paths to text ranges, quick-fix edits,
 * the live check (missing and cached CSV files), and the activation plot's samples.
 */
import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { applyEdits } from 'jsonc-parser';
import { rangeOfPath, stringAt, treeOf } from '../../src/core/editing/json-locations';
import { fixesFor } from '../../src/core/editing/fix-plans';
import { checkConfigText } from '../../src/node/editing/check-config';
import { DataFileCache } from '../../src/node/editing/data-file-cache';
import { activationPlotSvg, sampleActivation } from '../../src/core/editing/activation-plot';
import { activationRegistry } from '../../src/core/activations/index';
import type { Problem } from '../../src/core/problems';

const TEXT = `{
  "data": { "generator": "xor" },
  "layers": [
    { "units": 4, "activation": "tanh" },
    { "units": 1, "activation": { "name": "leaky_relu", "alpha": 0.1 } }
  ],
  "optimiser": "Adam",
  "loss": "Cross"
}`;

const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

/** The text after applying every change of a problem's first fix. */
function fixed(text: string, problem: Problem, index = 0): { title: string; text: string } {
  const fix = fixesFor(treeOf(text)!, problem)[index];
  assert.ok(fix?.change, `a fix for ${problem.code}`);
  return { title: fix.title, text: applyEdits(text, [fix.change]) };
}

describe('editing: problem ranges', () => {
  const root = treeOf(TEXT);

  it('puts a value problem on the value', () => {
    assert.equal(slice(TEXT, rangeOfPath(root, ['layers', 1, 'activation', 'name'])), '"leaky_relu"');
    assert.equal(slice(TEXT, rangeOfPath(root, ['loss'])), '"Cross"');
  });

  it('puts an unknown key on the key', () => {
    assert.equal(slice(TEXT, rangeOfPath(root, ['optimiser'], true)), '"optimiser"');
  });

  it('falls back to the nearest existing parent (its key for a block)', () => {
    assert.equal(slice(TEXT, rangeOfPath(root, ['training', 'epochs'])), '{');
    assert.equal(slice(TEXT, rangeOfPath(root, ['data', 'samples'])), '"data"');
  });

  it('finds the string under the cursor with its JSON path', () => {
    const at = stringAt(root, TEXT.indexOf('leaky_relu') + 3);
    assert.deepEqual(at?.path, ['layers', 1, 'activation', 'name']);
    assert.equal(at?.isKey, false);
    assert.deepEqual(stringAt(root, TEXT.indexOf('optimiser') + 1)?.path, ['optimiser']);
    assert.equal(stringAt(root, TEXT.indexOf('optimiser') + 1)?.isKey, true);
  });
});

describe('editing: quick-fix edits', () => {
  it('replaces a misspelled name inside an activation object', () => {
    const out = fixed(TEXT, { path: ['layers', 1, 'activation', 'name'], severity: 'error', message: '', code: 'unknown-name', suggestion: 'leaky-ReLU' });
    assert.equal(out.title, 'Replace with "leaky-ReLU"');
    assert.ok(out.text.includes('{ "name": "leaky-ReLU", "alpha": 0.1 }'));
  });

  it('renames a misspelled key', () => {
    const out = fixed(TEXT, { path: ['optimiser'], severity: 'error', message: '', code: 'unknown-key', suggestion: 'optimizer' });
    assert.ok(out.text.includes('"optimizer": "Adam"') && !out.text.includes('optimiser'));
  });

  it('for Cross over a non-softmax output: uses softmax on the output layer, or changes the loss', () => {
    const text = '{ "layers": [ { "units": 3, "activation": "sigmoid" } ], "loss": "Cross" }';
    const problem: Problem = { path: ['loss'], severity: 'warning', message: '', code: 'loss-mismatch', suggestion: 'softmax' };
    const use = fixed(text, problem, 0);
    assert.equal(use.title, 'Use softmax on the output layer');
    assert.equal(use.text, '{ "layers": [ { "units": 3, "activation": "softmax" } ], "loss": "Cross" }');
    const loss = fixed(text, problem, 1);
    assert.equal(loss.title, 'Change loss to Square');
    assert.ok(loss.text.includes('"loss": "Square"'));
  });

  it('adds the missing softmax to an output layer without activation', () => {
    const text = '{ "layers": [ { "units": 3 } ], "loss": "Cross" }';
    const out = fixed(text, { path: ['loss'], severity: 'warning', message: '', code: 'loss-mismatch', suggestion: 'softmax' });
    assert.equal(out.title, 'Add softmax to the output layer');
    assert.equal(out.text, '{ "layers": [ { "units": 3, "activation": "softmax" } ], "loss": "Cross" }');
  });

  it('changes the loss when the suggestion is a loss', () => {
    const text = '{ "layers": [ { "units": 3, "activation": "softmax" } ], "loss": "Binary" }';
    const out = fixed(text, { path: ['loss'], severity: 'warning', message: '', code: 'loss-mismatch', suggestion: 'Cross' });
    assert.equal(out.title, 'Change loss to Cross');
    assert.ok(out.text.endsWith('"loss": "Cross" }'));
  });
});

describe('editing: live check', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'nn-lab-edit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const csvConfig = JSON.stringify({ data: { csv: 'd.csv', target: 'y' }, layers: [{ units: 1, activation: 'sigmoid' }] });

  it('reports a missing data file at data.csv, and finds the file once it exists (re-read when it changes)', async () => {
    const files = new DataFileCache();
    const missing = (await checkConfigText(csvConfig, dir, files)).problems;
    assert.deepEqual(
      missing.map((p) => [p.code, p.path.join('.')]),
      [['file-not-found', 'data.csv']],
    );
    writeFileSync(path.join(dir, 'd.csv'), 'a,b,y\n1,2,0\n3,4,1\n');
    assert.deepEqual((await checkConfigText(csvConfig, dir, files)).problems, []);
    writeFileSync(path.join(dir, 'd.csv'), 'a,b,y,z\n1,2,0,1\n3,4,1,0\n');
    utimesSync(path.join(dir, 'd.csv'), new Date(), new Date(Date.now() + 5000));
    const problems = (
      await checkConfigText(JSON.stringify({ data: { csv: 'd.csv', target: ['y', 'z'] }, layers: [{ units: 1, activation: 'sigmoid' }] }), dir, files)
    ).problems;
    assert.ok(
      problems.some((p) => p.code === 'shape-mismatch'),
      JSON.stringify(problems),
    );
  });

  it('does not load a file beyond the size limit (and reports nothing about it)', async () => {
    writeFileSync(path.join(dir, 'd.csv'), 'not,a,valid\ncsv');
    const problems = (await checkConfigText(csvConfig, dir, new DataFileCache(4))).problems;
    assert.deepEqual(problems, []);
  });

  it('reports the first syntax error as the CLI does, with its line, column and span', async () => {
    const check = await checkConfigText('{ "data": ', dir, new DataFileCache());
    assert.equal(check.syntaxError, true);
    assert.equal(check.problems.length, 1);
    assert.match(check.problems[0].message, /^JSON syntax error at line 1, column 11: the file ends where a value is expected$/);
    assert.deepEqual(check.problems[0].at, { offset: 10, length: 0, line: 1, column: 11 });
  });

  it('reads strict JSON: comments and trailing commas are errors, duplicate keys name both places', async () => {
    const comment = (await checkConfigText('{\n  // note\n  "layers": []\n}', dir, new DataFileCache())).problems;
    assert.match(comment[0].message, /line 2, column 3: comments are not allowed/);
    const trailing = (await checkConfigText('{ "layers": [1, 2,] }', dir, new DataFileCache())).problems;
    assert.match(trailing[0].message, /line 1, column 19: trailing comma before "\]"/);
    const dup = await checkConfigText('{ "layers": [],\n  "layers": [] }', dir, new DataFileCache());
    assert.equal(dup.syntaxError, false);
    assert.match(dup.problems[0].message, /duplicate key "layers" at line 2, column 3 \(first at line 1, column 3\)/);
  });
});

describe('editing: activation plot', () => {
  it('samples f and f′ from the core (sigmoid′ = s(1 − s))', () => {
    const { x, f, d } = sampleActivation('sigmoid');
    for (let i = 0; i < x.length; i += 20) {
      const s = 1 / (1 + Math.exp(-x[i]));
      assert.ok(Math.abs(f[i] - s) < 1e-12 && Math.abs(d[i] - s * (1 - s)) < 1e-12);
    }
  });

  it('draws every activation as two polylines without NaN', () => {
    for (const name of activationRegistry.names()) {
      const svg = activationPlotSvg(name);
      assert.equal((svg.match(/<polyline/g) ?? []).length, 2, name);
      assert.ok(!svg.includes('NaN'), name);
    }
  });
});
