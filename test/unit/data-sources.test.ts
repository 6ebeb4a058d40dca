/**
 * The data-source registry: every registered source declares every facet, its keys document it in
 * the schema and docs/format.md, its snippets pass its own check, and the files it names are the
 * ones the editor checks (in `data` and in `testData`, whatever the source).
 */
import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Checker } from '../../src/core/config/checks';
import { withDataTables } from '../../src/core/config/data-doc';
import { DEFAULT_LIMITS } from '../../src/core/config/limits';
import { buildSchema } from '../../src/core/config/schema';
import { checkData } from '../../src/core/config/validate-data';
import { dataSourceRegistry } from '../../src/core/data/sources/registry';
import type { DataSource } from '../../src/core/data/sources/source';
import { checkConfigText } from '../../src/node/editing/check-config';
import { DataFileCache } from '../../src/node/editing/data-file-cache';

/** The facets every source must declare (optional ones: `alsoSelectedBy`, `schemaRequired`, `headerShape`, `scriptData`). */
const FACETS: readonly (keyof DataSource)[] = ['kind', 'selector', 'hint', 'title', 'keys', 'snippets', 'check', 'staticShape', 'files', 'load'];

/** The problems of a source that lacks a facet or whose facets disagree with each other. */
function facetProblems(source: DataSource): string[] {
  const problems: string[] = [];
  for (const facet of FACETS) if (source[facet] === undefined) problems.push(`${String(source.kind)} lacks "${facet}"`);
  if (source.keys && Object.keys(source.keys)[0] !== source.selector) problems.push(`${source.kind}: its selector "${source.selector}" is not its first key`);
  if (source.snippets && source.snippets.length === 0) problems.push(`${source.kind} has no snippet`);
  for (const [key, spec] of Object.entries(source.keys ?? {})) if (!spec.doc) problems.push(`${source.kind}: key "${key}" has no doc`);
  return problems;
}

describe('data sources: the registry', () => {
  it('holds generator, dataset, csv, idx and inline data, each with every facet', () => {
    assert.deepEqual(dataSourceRegistry.all.map((s) => s.selector).sort(), ['csv', 'dataset', 'generator', 'idx', 'inputs']);
    for (const source of dataSourceRegistry.all) assert.deepEqual(facetProblems(source), []);
    for (const source of dataSourceRegistry.all) assert.equal(dataSourceRegistry.get(source.kind), source);
  });

  it('the facet check fails for a source that lacks a facet', () => {
    const { load: _load, ...partial } = dataSourceRegistry.get('csv');
    assert.deepEqual(facetProblems(partial as DataSource), ['csv lacks "load"']);
    const { title: _title, ...untitled } = dataSourceRegistry.get('idx');
    assert.deepEqual(facetProblems(untitled as DataSource), ['idx lacks "title"']);
  });

  it("each snippet passes its own source's check, and the files it names are at keys of the block", () => {
    for (const source of dataSourceRegistry.all) {
      for (const snippet of source.snippets) {
        // Snippet placeholders like ${1:data.csv} become their default text.
        const body = JSON.parse(JSON.stringify(snippet.body).replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}/g, '$1')) as unknown;
        const c = new Checker(DEFAULT_LIMITS);
        const spec = checkData(c, body, 1);
        assert.deepEqual(c.problems, [], `${source.kind}: ${snippet.label}`);
        assert.ok(spec && spec.kind === source.kind, `${source.kind}: ${snippet.label} resolves to its kind`);
        for (const ref of source.files(spec)) {
          let at: unknown = body;
          for (const step of ref.at) at = (at as Record<string, unknown>)[step];
          assert.equal(at, ref.file, `${source.kind}: ${ref.at.join('.')} names ${ref.file}`);
        }
      }
    }
  });

  it("the schema offers every source's keys and allows only its own once selected", () => {
    const data = buildSchema().properties as Record<
      string,
      { properties: Record<string, unknown>; allOf: { if: { required: string[] }; then: { properties: Record<string, unknown> } }[] }
    >;
    for (const source of dataSourceRegistry.all) {
      for (const key of Object.keys(source.keys)) assert.ok(data.data.properties[key], `schema offers ${key}`);
      const branch = data.data.allOf.find((b) => b.if.required[0] === source.selector);
      assert.deepEqual(Object.keys(branch?.then.properties ?? {}).sort(), Object.keys(source.keys).sort());
    }
  });

  it('docs/format.md holds the current key table of every source (run `npm run docs`)', () => {
    const format = readFileSync(join(__dirname, '..', '..', 'docs', 'format.md'), 'utf8');
    assert.equal(format, withDataTables(format));
  });
});

describe('data sources: the editor checks the files of any source, in data and testData', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nn-sources-'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'ok.csv'), 'a,b,y\n1,2,0\n3,4,1\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const layers = [{ units: 1, activation: 'sigmoid' }];
  const check = async (config: object): Promise<string[][]> =>
    (await checkConfigText(JSON.stringify({ ...config, layers }), dir, new DataFileCache())).problems.map((p) => [p.code ?? '', p.path.join('.'), p.message]);

  it('a missing CSV file of testData (with generated training data)', async () => {
    assert.deepEqual(await check({ data: { generator: 'xor' }, testData: { csv: 'gone.csv' } }), [
      ['file-not-found', 'testData.csv', 'data file not found: gone.csv'],
    ]);
  });

  it('a missing CSV file of testData next to CSV training data', async () => {
    assert.deepEqual(await check({ data: { csv: 'ok.csv' }, testData: { csv: 'gone.csv' } }), [
      ['file-not-found', 'testData.csv', 'data file not found: gone.csv'],
    ]);
    assert.deepEqual(await check({ data: { csv: 'ok.csv' }, testData: { csv: 'ok.csv' } }), []);
  });

  it('missing IDX files of testData, each at its path', async () => {
    const problems = await check({ data: { generator: 'xor' }, testData: { idx: { images: 'no-images.gz', labels: 'no-labels.gz' } } });
    assert.deepEqual(problems, [
      ['file-not-found', 'testData.idx.labels', 'data file not found: no-labels.gz'],
      ['file-not-found', 'testData.idx.images', 'data file not found: no-images.gz'],
    ]);
  });

  it('a folder where an IDX or CSV file should be is reported at its path, not loaded', async () => {
    const idx = await check({ data: { idx: { images: 'folder', labels: 'folder' } } });
    assert.equal(idx.length, 2);
    for (const [code, , message] of idx) {
      assert.equal(code, 'data-file');
      assert.match(message, /folder, not a file/);
    }
    const csv = await check({ data: { generator: 'xor' }, testData: { csv: 'folder' } });
    assert.deepEqual(
      csv.map(([code, at]) => [code, at]),
      [['data-file', 'testData.csv']],
    );
    assert.match(csv[0][2], /folder, not a file/);
  });
});
