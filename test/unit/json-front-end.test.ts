/**
 * The one JSON front end (`parseConfigText`) and the helpers that make user text safe in messages.
 */
import { strict as assert } from 'assert';
import { excerptAt, MAX_JSON_DEPTH, parseConfigText } from '../../src/core/config/parse-json';
import { formatPath, listNames, oneLine, quote, safeText, unknownNameMessage } from '../../src/core/problems';
import { validateConfig } from '../../src/core/config/validate';

describe('parseConfigText (strict JSON)', () => {
  it('keeps "__proto__" and "constructor" as own keys, never as a prototype', () => {
    const { value } = parseConfigText('{ "__proto__": { "polluted": 1 }, "constructor": 2 }');
    const obj = value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(obj), Object.prototype);
    assert.deepEqual(Object.keys(obj), ['__proto__', 'constructor']);
    assert.equal((obj as { polluted?: number }).polluted, undefined);
    assert.equal(({} as { polluted?: number }).polluted, undefined);
  });

  it('reports the first syntax error at its line and column, with an excerpt and a caret', () => {
    const r = parseConfigText('{\n  "a": 1,\n  "b": [1, 2,]\n}');
    assert.equal(r.value, undefined);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /^JSON syntax error at line 3, column 14: trailing comma before "\]"/);
    assert.deepEqual(r.syntaxError, { offset: 25, line: 3, column: 14 });
    assert.equal(r.problems[0].excerpt, '  "b": [1, 2,]\n             ^');
  });

  it('points at a raw control character inside a string, not at the string', () => {
    const r = parseConfigText('{ "name": "ab\u001bc" }');
    assert.match(r.problems[0].message, /column 14: a string holds the raw control character "\\x1b"/);
  });

  it('reports each duplicate key with both positions', () => {
    const r = parseConfigText('{ "a": 1,\n  "b": 2,\n  "a": 3 }');
    assert.equal(r.value, undefined);
    assert.match(r.problems[0].message, /^duplicate key "a" at line 3, column 3 \(first at line 1, column 3\): keep one$/);
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    const r = parseConfigText('['.repeat(200_000));
    assert.match(r.problems[0].message, new RegExp(`column ${MAX_JSON_DEPTH + 1}: nesting deeper than ${MAX_JSON_DEPTH} levels`));
  });

  it('ignores a byte-order mark and counts columns without it', () => {
    assert.deepEqual(parseConfigText('\ufeff{"a":1}').value, { a: 1 });
    assert.match(parseConfigText('\ufeff{"a":}').problems[0].message, /line 1, column 6/);
  });

  it('cuts a long line to a window around the column', () => {
    const text = 'x'.repeat(500) + '!' + 'y'.repeat(500);
    const [line, caret] = excerptAt(text, 500).split('\n');
    assert.ok(line.length < 80 && line.startsWith('…') && line.endsWith('…'));
    assert.equal(line[caret.indexOf('^')], '!');
  });
});

describe('user text in messages', () => {
  it('escapes C0, DEL, C1, lone surrogates and invisible format characters', () => {
    assert.equal(safeText('a\u001b[31mb\u0000\u007f\u009b\n\t'), 'a\\x1b[31mb\\x00\\x7f\\x9b\\n\\t');
    assert.equal(safeText('x\ud800y\udc00'), 'x\\ud800y\\udc00');
    assert.equal(safeText('evil\u202etxt\u2028'), 'evil\\u202etxt\\u2028');
    assert.equal(safeText('ok 😀 é'), 'ok 😀 é', 'pairs and plain text stay');
  });

  it('cuts after 200 characters with "…", never inside a surrogate pair or an escape', () => {
    assert.equal(safeText('a'.repeat(1000)), 'a'.repeat(200) + '…');
    assert.equal(safeText('😀'.repeat(150)), '😀'.repeat(100) + '…');
    assert.equal(safeText('\u0001'.repeat(100)), '\\x01'.repeat(50) + '…');
    assert.equal(quote('a'.repeat(5), 3), '"aaa…"');
  });

  it('oneLine escapes a whole message without cutting it', () => {
    assert.equal(oneLine('a\nb'), 'a\\nb');
    assert.equal(oneLine('x'.repeat(1000)).length, 1000);
  });

  it('formatPath quotes keys that are not identifiers', () => {
    assert.equal(formatPath(['layers', 0, 'activation']), 'layers[0].activation');
    assert.equal(formatPath(['a b', 'c\u001b']), '["a b"]["c\\x1b"]');
  });

  it('lists long name lists only in part', () => {
    const names = Array.from({ length: 40 }, (_, i) => `name${i}`);
    assert.match(listNames(names), /, … \(40 in all\)$/);
    assert.equal(listNames(['a', 'b']), 'a, b');
    assert.match(unknownNameMessage('loss', 'x', ['Square']).message, /Known losses: Square\./);
  });

  it('answers inherited names like any unknown key or name', () => {
    const { value } = parseConfigText(
      '{ "data": { "generator": "xor" }, "layers": [{ "units": 1, "activation": "toString" }], "constructor": 1, "__proto__": 2 }',
    );
    const messages = validateConfig(value).problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.startsWith('unknown key "constructor" in the description')));
    assert.ok(messages.some((m) => m.startsWith('unknown key "__proto__" in the description')));
    assert.ok(messages.some((m) => m.startsWith('Unknown activation "toString"')));
    assert.ok(messages.every((m) => !m.includes('native code')));
  });
});
