/**
 * The "New Model Config" templates: each is valid, trains quickly to its goal, matches its example
 * (so examples/ and the templates cannot drift apart), and is written in the examples' layout.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { prepareRun } from '../../src/core/config/load';
import { train } from '../../src/core/train/trainer';
import { TEMPLATES, templateText } from '../../src/core/templates/templates';

const examplesDir = path.join(__dirname, '..', '..', 'examples');

describe('editing: New Model Config templates', () => {
  it('offers xor, spiral, sine, iris and a blank model', () => {
    assert.deepEqual(
      TEMPLATES.map((t) => t.id),
      ['xor', 'spiral', 'sine', 'iris', 'blank'],
    );
  });

  for (const template of TEMPLATES) {
    it(`"${template.label}" validates and trains: the loss at least halves, within 20 s`, function () {
      this.timeout(60_000);
      const text = templateText(template);
      assert.deepEqual(JSON.parse(text), template.config, 'the text is the config');
      const run = prepareRun(text);
      assert.deepEqual(run.problems, [], template.id);
      assert.ok(run.config && run.data);
      const t0 = Date.now();
      const result = train(run.config, run.data);
      const seconds = (Date.now() - t0) / 1000;
      assert.equal(result.status, 'completed');
      const first = result.history[0].loss;
      const last = result.history[result.history.length - 1].loss;
      assert.ok(last < 0.5 * first, `${template.id}: loss ${first} → ${last}`);
      assert.ok(seconds < 20, `${template.id} took ${seconds} s`);
    });

    if (template.id !== 'blank')
      it(`"${template.label}" is examples/${template.id}.nn.json without its $schema line`, () => {
        const example = JSON.parse(readFileSync(path.join(examplesDir, `${template.id}.nn.json`), 'utf8')) as Record<string, unknown>;
        delete example.$schema;
        assert.deepEqual(template.config, example);
        assert.ok(!templateText(template).includes('$schema'));
      });
  }
});
