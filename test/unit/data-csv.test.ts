import { strict as assert } from 'assert';
import { parseCsvText, parseNumberCell } from '../../src/core/data/csv-parse';
import { csvToDataset, MAX_CELL_PROBLEMS } from '../../src/core/data/csv';
import { loadData } from '../../src/core/data/load-data';

const ctx = { file: 'points.csv', path: ['data', 'csv'], targetPath: ['data', 'target'], maxSamples: 1000 };
const read = (text: string, options = {}) => csvToDataset(text, options, ctx);

describe('CSV parsing', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    const r = parseCsvText('a,"b, c","say ""hi"""\n1,"2\n3",4\n');
    assert.equal(r.error, undefined);
    assert.deepEqual(r.rows[0].cells, ['a', 'b, c', 'say "hi"']);
    assert.deepEqual(r.rows[1], { line: 2, cells: ['1', '2\n3', '4'] });
  });

  it('accepts CRLF, a byte-order mark and blank lines, keeping true line numbers', () => {
    const r = parseCsvText('\ufeffx,y\r\n\r\n1,2\r\n3,4\r\n\r\n\r\n');
    assert.deepEqual(
      r.rows.map((row) => row.line),
      [1, 3, 4],
    );
    assert.deepEqual(r.rows[2].cells, ['3', '4']);
  });

  it('detects semicolon and tab delimiters', () => {
    assert.deepEqual(parseCsvText('a;b\n1;2').rows[1].cells, ['1', '2']);
    assert.deepEqual(parseCsvText('a\tb\n1\t2').rows[1].cells, ['1', '2']);
  });

  it('reports an unclosed quote with its line', () => {
    const r = parseCsvText('x,y\n1,"2\n3,4\n');
    assert.equal(r.error?.line, 2);
  });

  it('reads only plain decimal numbers', () => {
    assert.deepEqual(['1', ' -2.5 ', '.5', '1e-3', '3.'].map(parseNumberCell), [1, -2.5, 0.5, 0.001, 3]);
    for (const bad of ['', 'NaN', 'Infinity', '0x10', '1,5', 'abc', '1e999']) assert.equal(parseNumberCell(bad), undefined, bad);
  });
});

describe('CSV data sets', () => {
  it('uses the last column as the target by default and detects the header', () => {
    const { data, problems } = read('a,b,out\n1,2,0.5\n3,4,1.5\n');
    assert.deepEqual(problems, []);
    assert.equal(data?.n, 2);
    assert.deepEqual(Array.from(data!.x), [1, 2, 3, 4]);
    assert.deepEqual(Array.from(data!.y), [0.5, 1.5]);
    assert.deepEqual(data?.featureNames, ['a', 'b']);
    assert.equal(data?.task, 'regression');
  });

  it('reads a file without a header, and targets by index or name', () => {
    const noHeader = read('1,2,3\n4,5,6\n', { target: 0 });
    assert.deepEqual(Array.from(noHeader.data!.y), [1, 4]);
    assert.deepEqual(Array.from(noHeader.data!.x), [2, 3, 5, 6]);
    const byName = read('u,v,w\n1,2,3\n4,5,6\n', { target: ['u', 'w'] });
    assert.equal(byName.data?.outputs, 2);
    assert.deepEqual(Array.from(byName.data!.y), [1, 3, 4, 6]);
    assert.deepEqual(Array.from(byName.data!.x), [2, 5]);
  });

  it('encodes text targets as classes: one-hot for three, one 0/1 column for two', () => {
    const three = read('x,kind\n1,cat\n2,dog\n3,bird\n4,cat\n');
    assert.deepEqual(three.data?.classNames, ['bird', 'cat', 'dog']);
    assert.deepEqual(Array.from(three.data!.y), [0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]);
    assert.equal(three.data?.task, 'classification');
    const two = read('x,ok\n1,no\n2,yes\n3,yes\n');
    assert.equal(two.data?.outputs, 1);
    assert.deepEqual(Array.from(two.data!.y), [0, 1, 1]);
    assert.deepEqual(two.data?.classNames, ['no', 'yes']);
  });

  it('names the line of a ragged row', () => {
    const { data, problems } = read('a,b,c\n1,2,3\n4,5\n6,7,8\n');
    assert.equal(data, undefined);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].path, ['data', 'csv']);
    assert.match(problems[0].message, /points\.csv line 3: expected 3 columns .*found 2/);
  });

  it('names line and column of non-numeric, NaN and empty feature cells, all at once', () => {
    const { problems } = read('a,b,c\n1,x,0\nNaN,2,1\n3,,0\n');
    assert.equal(problems.length, 3);
    assert.match(problems[0].message, /line 2, column 2 \("b"\): "x" is not a number/);
    assert.match(problems[1].message, /line 3, column 1 \("a"\): "NaN" is not a finite number/);
    assert.match(problems[2].message, /line 4, column 2 \("b"\): empty cell/);
  });

  it('reports a NaN in a numeric target column instead of making it a class', () => {
    const { problems } = read('a,t\n1,0.5\n2,NaN\n3,0.7\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /line 3, column 2 \("t"\): "NaN" is not a finite number/);
  });

  it('caps the cell problems and counts the rest', () => {
    const rows = Array.from({ length: 30 }, () => 'x,1').join('\n');
    const { problems } = read(`a,b\n${rows}\n`);
    assert.equal(problems.length, MAX_CELL_PROBLEMS + 1);
    assert.match(problems[MAX_CELL_PROBLEMS].message, /20 more problems/);
  });

  it('suggests a column for a mistyped target name', () => {
    const { problems } = read('sepal,petal,species\n1,2,a\n', { target: 'specis' });
    assert.deepEqual(problems[0].path, ['data', 'target']);
    assert.equal(problems[0].suggestion, 'species');
    assert.equal(problems[0].code, 'unknown-name');
  });

  it('rejects an out-of-range target index, an empty file and a header-only file', () => {
    assert.match(read('1,2\n', { target: 5 }).problems[0].message, /target column 5 does not exist/);
    assert.match(read('\n\n').problems[0].message, /empty/);
    assert.match(read('a,b\n').problems[0].message, /no data rows/);
  });

  it('enforces the sample limit before parsing cells', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(5);
    const r = csvToDataset(text, {}, { ...ctx, maxSamples: 4 });
    assert.match(r.problems[0].message, /line 6: more than 4 data rows, the limit of samples/);
  });
});

describe('loadData for CSV', () => {
  const spec = { kind: 'csv' as const, csv: 'sub/missing.csv', normalize: false };
  it('turns a missing file into "data file not found"', () => {
    const r = loadData(spec, {
      maxSamples: 10,
      readFile: () => {
        throw Object.assign(new Error("ENOENT: no such file or directory, open '/x/sub/missing.csv'"), { code: 'ENOENT' });
      },
    });
    assert.deepEqual(r.problems[0].path, ['data', 'csv']);
    assert.equal(r.problems[0].message, 'data file not found: sub/missing.csv');
  });

  it('reads through the caller and standardises when asked', () => {
    const r = loadData({ ...spec, csv: 'f.csv', normalize: true }, { maxSamples: 10, readFile: (p) => (p === 'f.csv' ? 'a,t\n1,0\n3,1\n' : '') });
    assert.deepEqual(Array.from(r.data!.x), [-1, 1]);
    assert.equal(r.data?.task, 'classification');
  });
});
