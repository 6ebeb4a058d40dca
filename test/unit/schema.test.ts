import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { buildSchema, renderSchema } from '../../src/core/config/schema';
import { renderReference } from '../../src/core/config/reference-doc';
import { SHORT_REFERENCE_BEGIN, withShortReference } from '../../src/core/config/short-reference';
import { validateConfig } from '../../src/core/config/validate';
import { activationRegistry } from '../../src/core/activations';
import { optimizerRegistry } from '../../src/core/optimizers';
import { lossRegistry } from '../../src/core/losses';
import { schemaErrors } from './schema-subset';
import { ROOT_KEYS, TRAINING_KEYS } from '../../src/core/config/keys';

const root = join(__dirname, '..', '..');
const schema = buildSchema();
type Node = Record<string, unknown>;
const props = schema.properties as Record<string, Node>;

describe('JSON Schema', () => {
  it('schema/nn.schema.json is up to date (run `npm run schema`)', () => {
    assert.equal(readFileSync(join(root, 'schema', 'nn.schema.json'), 'utf8'), renderSchema());
  });

  it('docs/reference.md is up to date (run `npm run docs`)', () => {
    assert.equal(readFileSync(join(root, 'docs', 'reference.md'), 'utf8'), renderReference());
  });

  it('README.md holds the current short reference of every name (run `npm run docs`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(SHORT_REFERENCE_BEGIN), 'README.md has the short-reference markers');
    assert.equal(readme, withShortReference(readme));
    for (const name of [...activationRegistry.names(), ...optimizerRegistry.names(), ...lossRegistry.names()])
      assert.ok(readme.includes(`| \`${name}\``), `README lists ${name}`);
  });

  it('offers every registered name with a hover holding its formula and parameter defaults', () => {
    const lossEnum = props.loss as Node;
    assert.deepEqual(lossEnum.enum, lossRegistry.names());
    const layer = (props.layers as Node).items as Node;
    const activation = (layer.properties as Record<string, Node>).activation;
    const names = (activation.anyOf as Node[])[0];
    assert.deepEqual(names.enum, activationRegistry.names());
    const docs = names.markdownEnumDescriptions as string[];
    activationRegistry.entries.forEach((e, i) => {
      assert.ok(docs[i].includes(e.formula), e.name);
      for (const p of e.params) assert.ok(docs[i].includes(`\`${p.name}\` (default ${p.default}`), `${e.name}.${p.name}`);
    });
    assert.equal(activationRegistry.names().length, 26);
    assert.equal(optimizerRegistry.names().length, 17);
  });

  it("checks each optimizer's hyper-parameters only for that optimizer", () => {
    const ok = (optimizer: unknown) => schemaErrors(schema, { data: { generator: 'xor' }, layers: [{ units: 1 }], optimizer }).length === 0;
    for (const e of optimizerRegistry.entries) {
      const params = Object.fromEntries(e.params.map((p) => [p.name, p.default]));
      assert.ok(ok({ name: e.name, ...params }), `${e.name} with its defaults`);
      assert.ok(!ok({ name: e.name, notAParam: 1 }), `${e.name} with an unknown parameter`);
    }
    assert.ok(!ok({ name: 'SGD', beta1: 0.9 }), "Adam's beta1 is not an SGD parameter");
    assert.ok(ok('SDG'), 'the old spelling is accepted (the validator warns)');
  });

  it('agrees with the validator on the examples and on bad descriptions', () => {
    const docs: unknown[] = readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.nn.json'))
      .map((f) => JSON.parse(readFileSync(join(root, 'examples', f), 'utf8')));
    assert.ok(docs.length >= 8);
    const good = {
      data: { generator: 'xor' },
      layers: [
        { units: 2, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
    };
    const variants: unknown[] = [
      ...docs,
      good,
      { ...good, data: { csv: 'x.csv', target: ['a', 2] } },
      { ...good, data: { inputs: [[1, 2]], targets: [1] } },
      {
        ...good,
        layers: [
          { type: 'maxout', units: 2, pieces: 3 },
          { units: 1, activation: { name: 'leaky-ReLU', alpha: 0.2 } },
        ],
      },
      { ...good, extra: 1 },
      { ...good, layers: [] },
      { ...good, layers: [{ units: 0 }] },
      { ...good, layers: [{ units: 5000 }] },
      { ...good, layers: [{ units: 1.5 }] },
      { ...good, layers: [{ units: 1, activation: 'relu' }] },
      { ...good, layers: [{ units: 1, activation: { name: 'ReLU', alpha: 1 } }] },
      { ...good, layers: [{ type: 'maxout', units: 1, activation: 'tanh' }] },
      { ...good, layers: [{ units: 1, pieces: 2 }] },
      { ...good, loss: 'MSE' },
      { ...good, optimizer: { name: 'Adam', eta: 0.1 } },
      { ...good, training: { validationSplit: 1 } },
      { ...good, training: { epochs: 0 } },
      { ...good, training: { batch_size: 3 } },
      { ...good, data: { generator: 'xor', dataset: 'iris' } },
      { ...good, data: { generator: 'xor', csv: 'a.csv' } },
      { ...good, data: { generator: 'xor', target: 'a' } },
      { ...good, data: { samples: 3 } },
      { ...good, data: { inputs: [[1]] } },
      { ...good, data: { generator: 'xor', noise: 2 } },
      { layers: good.layers },
    ];
    for (const v of variants) {
      const bySchema = schemaErrors(schema, v).length === 0;
      const { problems } = validateConfig(v, { dataShape: { inputs: 2, outputs: 1, n: 100 } });
      const structural = problems.filter((p) => p.severity === 'error' && p.code !== 'shape-mismatch');
      assert.equal(
        bySchema,
        structural.length === 0,
        `schema ${bySchema ? 'accepts' : 'rejects'} ${JSON.stringify(v)}; validator: ${JSON.stringify(structural)}`,
      );
    }
  });

  it('lists the same top-level and training keys as the validator', () => {
    assert.deepEqual(Object.keys(props), [...ROOT_KEYS]);
    assert.deepEqual(Object.keys((props.training as Node).properties as Node), [...TRAINING_KEYS]);
  });

  it('gives snippets for a layer, an optimizer block and a data block', () => {
    const layer = (props.layers as Node).items as Node;
    assert.ok((layer.defaultSnippets as unknown[]).length >= 1);
    assert.ok(((props.optimizer as Node).defaultSnippets as unknown[]).length >= 1);
    assert.ok(((props.data as Node).defaultSnippets as unknown[]).length >= 3);
  });
});
