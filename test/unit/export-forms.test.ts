/**
 * The exporters read the registries: every activation, optimizer and loss carries its PyTorch (and,
 * for activations, ONNX) form, every Python file those forms name exists (src/core/export/pytorch/python/),
 * every such file is named by some entry, and the exporters' TypeScript names no registered thing.
 * Running the forms against PyTorch and ONNX Runtime is export-pytorch.test.ts's and export-onnx*.test.ts's job.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ACTIVATIONS } from '../../src/core/activations';
import { OnnxGraphBuilder } from '../../src/core/export/onnx-graph';
import { pythonActivation } from '../../src/core/export/pytorch/activations';
import { pythonLoss } from '../../src/core/export/pytorch/losses';
import { pythonOptimizer } from '../../src/core/export/pytorch/optimizers';
import * as sources from '../../src/core/export/pytorch/generated/python-sources';
import { PY_ACTIVATIONS, PY_LOSSES, PY_OPTIMIZERS } from '../../src/core/export/pytorch/generated/python-sources';
import { pyIdentifier } from '../../src/core/export/pytorch/python-text';
import { lossRegistry, LOSSES } from '../../src/core/losses';
import { OPTIMIZERS } from '../../src/core/optimizers';
import type { ParamSpec } from '../../src/core/registry';

const EXPORT_DIR = join(__dirname, '..', '..', 'src', 'core', 'export');

/** Default values of `params`. */
function defaults(params: readonly ParamSpec[]): Record<string, number> {
  return Object.fromEntries(params.map((p) => [p.name, p.default]));
}

/** Each parameter set worth writing: the defaults, then each parameter moved off its default. */
function variants(params: readonly ParamSpec[]): Record<string, number>[] {
  const base = defaults(params);
  const moved = (p: ParamSpec) => (p.max !== undefined && p.default + 0.25 > p.max ? p.default / 2 : p.default + 0.25);
  return [base, ...params.map((p) => ({ ...base, [p.name]: moved(p) }))];
}

/** The TypeScript files under `dir`, recursively (generated ones included). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('export forms beside the registries', () => {
  it('gives every activation a PyTorch module whose helper files exist and define its class, for every parameter', () => {
    for (const entry of ACTIVATIONS) {
      for (const p of variants(entry.params)) {
        const form = pythonActivation(entry.name, p);
        assert.ok(form.module.length > 0, entry.name);
        for (const h of form.helpers) assert.ok(Object.hasOwn(PY_ACTIVATIONS, h), `${entry.name}: python/activations/${h}.py exists`);
        if (form.helpers.length > 0) {
          assert.equal(form.helpers[0], 'pointwise', `${entry.name}: the Pointwise base comes first`);
          const cls = form.module.slice(0, form.module.indexOf('('));
          assert.ok(
            form.helpers.some((h) => PY_ACTIVATIONS[h].includes(`class ${cls}(`)),
            `${entry.name}: class ${cls} is defined by its helpers`,
          );
        } else {
          assert.match(form.module, /^nn\.[A-Za-z0-9]+\(/, `${entry.name}: a torch.nn module`);
        }
      }
    }
  });

  it('gives every activation an ONNX form that emits nodes, for every parameter', () => {
    for (const entry of ACTIVATIONS) {
      for (const p of variants(entry.params)) {
        const g = new OnnxGraphBuilder(17);
        const y = entry.export.onnx(g, 'x', p);
        assert.ok(g.nodes.length > 0 && g.nodes[g.nodes.length - 1].output.includes(y), `${entry.name}: the last node writes ${y}`);
      }
    }
  });

  it('gives every optimizer a PyTorch form built from its param specs (no names repeated in the exporter)', () => {
    for (const entry of OPTIMIZERS) {
      const h = defaults(entry.params);
      const py = pythonOptimizer(entry.name, h);
      if (entry.pytorch.kind === 'torch') {
        assert.equal(py.classes, '', entry.name);
        assert.match(py.construct, /^torch\.optim\.[A-Za-z]+\(params, /, entry.name);
        continue;
      }
      assert.ok(py.classes.includes('class NNLabOptimizer('), `${entry.name}: the base class is written`);
      assert.ok(py.classes.includes(`class ${entry.pytorch.className}(`), `${entry.name}: class ${entry.pytorch.className} is written`);
      const args = entry.params.map((p) => `${pyIdentifier(p.name)}=`);
      assert.deepEqual(
        args.filter((a) => !py.construct.includes(a)),
        [],
        `${entry.name}: every hyper-parameter is passed`,
      );
      assert.equal(py.construct.split('=').length - 1, args.length, `${entry.name}: and nothing else`);
      for (const p of entry.params) assert.ok(py.classes.includes(`"${pyIdentifier(p.name)}"`), `${entry.name}: the class reads ${p.name}`);
    }
  });

  it('gives every loss a PyTorch form on its outputs, and one on the logits exactly when it fuses with an activation', () => {
    for (const entry of LOSSES) {
      assert.match(pythonLoss(entry.name, false), /\ndef loss_sum\(z, y, t\):/, entry.name);
      const fuses = lossRegistry.create(entry.name).fusesWith !== undefined;
      assert.equal(entry.pytorch.logits !== undefined, fuses, `${entry.name}: a logits form exactly when it fuses`);
      if (fuses) assert.match(pythonLoss(entry.name, true), /\ndef loss_sum\(z, y, t\):/, entry.name);
    }
  });

  it('uses every Python file of python/activations, optimizers and losses (none left behind)', () => {
    const used = new Set<string>();
    for (const entry of ACTIVATIONS) for (const p of variants(entry.params)) for (const h of entry.export.pytorch(p).helpers) used.add(`activations/${h}`);
    used.add('optimizers/optimizer_base');
    for (const entry of OPTIMIZERS) if (entry.pytorch.kind === 'class') for (const f of entry.pytorch.files) used.add(`optimizers/${f}`);
    for (const entry of LOSSES) for (const f of [entry.pytorch.outputs, entry.pytorch.logits]) if (f !== undefined) used.add(`losses/${f}`);
    const files = [
      ...Object.keys(PY_ACTIVATIONS).map((k) => `activations/${k}`),
      ...Object.keys(PY_OPTIMIZERS).map((k) => `optimizers/${k}`),
      ...Object.keys(PY_LOSSES).map((k) => `losses/${k}`),
    ];
    assert.deepEqual(
      files.filter((f) => !used.has(f)),
      [],
    );
  });

  it("embeds the Python without the files' lint headers", () => {
    const all = Object.values(sources).flatMap((v: string | Readonly<Record<string, string>>) => (typeof v === 'string' ? [v] : Object.values(v)));
    assert.ok(all.length > 30);
    for (const text of all) {
      assert.ok(!/^from script import|^# ---- exported ----/m.test(text), text.slice(0, 80));
      assert.ok(text.startsWith('\n') && text.endsWith('\n') && !text.endsWith('\n\n'));
    }
  });

  it("names no registered activation, optimizer or loss in the exporters' TypeScript", () => {
    const names = [...ACTIVATIONS, ...OPTIMIZERS, ...LOSSES].map((e) => e.name);
    for (const file of tsFiles(EXPORT_DIR).filter((f) => !f.endsWith('.generated.ts'))) {
      const text = readFileSync(file, 'utf8');
      const named = names.filter((n) => text.includes(`'${n}'`) || text.includes(`"${n}"`) || text.includes(`case '${n}'`));
      assert.deepEqual(named, [], `${file} names ${named.join(', ')}`);
    }
  });
});
