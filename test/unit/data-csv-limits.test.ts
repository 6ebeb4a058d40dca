/**
 * CSV data against hostile text: limits applied while parsing (rows, columns, values, text
 * classes), text that is not CSV (NUL, control characters, non-UTF-8) reported with line and
 * character, and file text in messages escaped and cut short.
 */
import { strict as assert } from 'assert';
import { scanCsv } from '../../src/core/data/csv-parse';
import { csvToDataset } from '../../src/core/data/csv';
import { MAX_CSV_COLUMNS, MAX_CSV_VALUES, MAX_TEXT_CLASSES } from '../../src/core/data/csv-limits';
import { shownList, shownText } from '../../src/core/data/shown-text';

const ctx = { file: 'd.csv', path: ['data', 'csv'], targetPath: ['data', 'target'], maxSamples: 1_000_000 };
const read = (text: string, options = {}, maxSamples = ctx.maxSamples) => csvToDataset(text, options, { ...ctx, maxSamples });
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('CSV: text that is not CSV', () => {
  it('stops at a NUL byte with its line and character', () => {
    const { problems } = read('a,b\n1,2\n3,\u00004\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'd.csv line 3, character 3: a NUL byte: this is a binary file, not CSV text');
  });

  it('names a control character (escaped), inside quotes too', () => {
    const plain = read('a,b\n1,\u001b[31m2\n').problems[0].message;
    assert.match(plain, /^d\.csv line 2, character 3: control character ESC \(\\x1b\): a CSV file holds plain text only$/);
    const quoted = read('a,b\n1,"x\ny\u0007"\n').problems[0].message;
    assert.match(quoted, /line 3, character 2: control character/);
    assert.doesNotMatch(plain + quoted, RAW_CONTROL);
  });

  it('says when bytes were not UTF-8 (UTF-16 with its BOM decoded as UTF-8)', () => {
    const text = new TextDecoder().decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]));
    assert.match(read(text).problems[0].message, /^d\.csv line 1, character 1: bytes that are not UTF-8 text/);
  });

  it('still accepts tabs, CRLF and a BOM', () => {
    assert.deepEqual(read('\ufeffa\tb\r\n1\t2\r\n3\t4\r\n').problems, []);
  });

  it('gives an unclosed quote its line and column', () => {
    assert.equal(read('a,b\n1,2\n3,"4\n5,6\n').problems[0].message, 'd.csv line 3, column 2: a quoted field is never closed (missing ")');
  });
});

describe('CSV: limits while parsing', () => {
  it('stops at the first row past the row limit, naming its line, without reading on', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(10) + 'x\u0000garbage that is never reached\n';
    const { problems } = read(text, {}, 5);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'd.csv line 7: more than 5 data rows, the limit of samples');
    assert.equal(problems[0].code, 'limit');
  });

  it('scanCsv hands rows one by one and stops when told', () => {
    const seen: number[] = [];
    const error = scanCsv('1,2\n3,4\n5,6\n7,\u0000\n', (row) => (seen.push(row.line), row.line < 2));
    assert.deepEqual(seen, [1, 2]);
    assert.equal(error, undefined);
  });

  it('refuses more columns than the limit on the first line', () => {
    const header = Array.from({ length: MAX_CSV_COLUMNS + 1 }, (_, j) => `c${j}`).join(',');
    assert.equal(read(`${header}\n`).problems[0].message, `d.csv line 1: more than 1,000 columns, the limit for a CSV file`);
  });

  it('refuses more values (rows × features) than the limit, at the row that passes it', () => {
    const features = 500;
    const rows = MAX_CSV_VALUES / features;
    const line = Array.from({ length: features + 1 }, () => '1').join(',') + '\n';
    const { problems } = read(line.repeat(rows + 1));
    assert.match(problems[0].message, new RegExp(`^d\\.csv line ${rows + 1}: more than 10,000,000 values`));
  });

  it('refuses a text target with more classes than the limit, before any one-hot table', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i % 3},label${i}`).join('\n');
    const { problems, data } = read(`x,y\n${rows}\n`);
    assert.equal(data, undefined);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0].message,
      /^d\.csv: target column "y" has more than 1,000 different values; a text target is read as class names, at most 1,000 classes/,
    );
    assert.deepEqual(problems[0].path, ['data', 'target']);
  });

  it('accepts exactly the class limit', () => {
    const rows = Array.from({ length: MAX_TEXT_CLASSES }, (_, i) => `${i},k${String(i).padStart(4, '0')}`).join('\n');
    const { data, problems } = read(`x,y\n${rows}\n`);
    assert.deepEqual(problems, []);
    assert.equal(data?.outputs, MAX_TEXT_CLASSES);
    assert.equal(data?.classNames?.[0], 'k0000');
    assert.equal(data?.y[0], 1);
  });
});

describe('CSV: file text in messages', () => {
  it('lists columns of a wrong target escaped and cut short', () => {
    const names = Array.from({ length: 50 }, (_, j) => `col${j}_` + 'x'.repeat(3000));
    const message = read(`${names.join(',')}\n${names.map(() => '1').join(',')}\n`, { target: 'nope' }).problems[0].message;
    assert.ok(message.length < 600, `${message.length} characters`);
    assert.match(message, /^d\.csv has no column "nope"\. Columns: col0_x+…, /);
    assert.match(message, /and \d+ more$/);
  });

  it('escapes and cuts a bad cell and the only class', () => {
    const long = 'z'.repeat(500);
    assert.match(read(`a,b,y\n1,${long},0\n2,3,1\n`).problems[0].message, /"z{40}…" is not a number$/);
    assert.match(read('a,y\n1,\u202esame\n2,\u202esame\n').problems[0].message, /holds only one class \("\\u202esame"\)/);
  });

  it('shownText and shownList', () => {
    assert.equal(shownText('a\u001b[2Jb'), 'a\\x1b[2Jb');
    assert.equal(shownText('abcdef', 3), 'abc…');
    assert.equal(shownText('\u202eevil'), '\\u202eevil');
    assert.equal(shownList(['a', 'b', 'c'], 2), 'a, b and 1 more');
  });
});

describe('CSV: pathological text stays linear', () => {
  it('a line of a million quotes after a letter, and a wrong target of 100,000 characters', () => {
    const quotes = read(`a,b\nx${'"'.repeat(1_000_000)},1\n`);
    assert.match(quotes.problems[0].message, /is not a number/);
    const long = read('a,b\n1,2\n', { target: 'q'.repeat(100_000) });
    assert.match(long.problems[0].message, /has no column "q{40}…"/);
  });
});

describe('CSV: counts what it does not list', () => {
  it('counts every empty text target cell beyond the listed ones', () => {
    const rows = Array.from({ length: 25 }, (_, i) => (i % 2 ? `${i},a` : `${i},`)).join('\n');
    const { problems } = read(`x,y\n${rows}\n1,b\n`);
    assert.equal(problems.length, 11);
    assert.match(problems[0].message, /line 2, column 2 \("y"\): empty target cell/);
    assert.match(problems[10].message, /: 3 more problems not listed$/);
  });

  it('stops a later row with too many fields as it is split', () => {
    const { problems } = read(`a,b\n1,2\n${','.repeat(5000)}\n`);
    assert.equal(problems[0].message, 'd.csv line 3: more than 1,000 columns, the limit for a CSV file');
  });
});
