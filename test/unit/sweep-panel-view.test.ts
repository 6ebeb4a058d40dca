/**
 * The sweep panel's pure pieces: messages and saved state, sorting, axes and brushing, CSV, rows from
 * the runner's results, completion candidates, the editor's diagnostics of a sweep block, and the
 * "Apply to file" text (values written in, the sweep block kept).
 */
import { strict as assert } from 'assert';
import { parseSavedSweep, parseSweepMessage, applySweepRow, type SweepRow, type SweepState } from '../../src/protocol/sweep';
import {
  axisPosition,
  axisTicks,
  bestRows,
  boundSweepState,
  defaultSort,
  metricAxis,
  metricColumns,
  parameterAxis,
  passesBrushes,
  setBrush,
  sortRows,
  sweepCsv,
} from '../../src/protocol/view/sweep-view';
import { axisInfos, CurveKeeper, meanCurve, rowOfResult } from '../../src/protocol/view/sweep-rows';
import { sweepPathCandidates } from '../../src/core/editing/sweep-paths';
import { checkSweep } from '../../src/core/sweep/check-sweep';
import { resolveCombination } from '../../src/core/sweep/resolve-combination';
import { bestConfigText } from '../../src/core/sweep/write-best';
import { checkConfigText } from '../../src/node/editing/check-config';
import { DataFileCache } from '../../src/node/editing/data-file-cache';
import { rangeOfPath, treeOf } from '../../src/core/editing/json-locations';
import { formatPath } from '../../src/core/problems';
import type { SweepResult } from '../../src/core/sweep/sweep-results';

const row = (index: number, alpha: number, act: string, valLoss?: number, status: SweepRow['status'] = 'completed'): SweepRow => ({
  index,
  parameters: { 'optimizer.alpha': alpha, 'layers[0].activation': act },
  status,
  metrics: valLoss === undefined ? {} : { valLoss, loss: valLoss / 2 },
});

function state(rows: SweepRow[]): SweepState {
  return {
    file: 'm.nn.json',
    source: 'file:///tmp/m.nn.json',
    metric: 'valLoss',
    repeats: 1,
    parameters: [
      { key: 'optimizer.alpha', log: true, values: [0.001, 0.01, 0.1] },
      { key: 'layers[0].activation', log: false, values: ['tanh', 'ReLU'] },
    ],
    rows,
    done: rows.length,
    total: 6,
    finished: false,
    cancelled: false,
  };
}

const ROWS = [
  row(0, 0.001, 'tanh', 0.5),
  row(1, 0.01, 'ReLU', 0.1),
  row(2, 0.1, 'tanh', 0.3),
  row(3, 0.1, 'ReLU', undefined, 'diverged'),
  row(4, 0.01, 'tanh'),
];

describe('sweep panel: messages and saved state', () => {
  it('accepts the page messages and rejects malformed ones', () => {
    assert.deepEqual(parseSweepMessage({ type: 'open', index: 3 }), { type: 'open', index: 3 });
    assert.deepEqual(parseSweepMessage({ type: 'exportCsv', extra: 1 }), { type: 'exportCsv' });
    for (const bad of [null, [], { type: 'open' }, { type: 'apply', index: -1 }, { type: 'apply', index: 1.5 }, { type: 'rm' }])
      assert.equal(parseSweepMessage(bad), undefined);
  });

  it('replaces a row by index and counts done', () => {
    const s = state([row(0, 0.001, 'tanh', undefined, 'running')]);
    applySweepRow(s, row(0, 0.001, 'tanh', 0.4), 1);
    applySweepRow(s, row(1, 0.01, 'tanh', undefined, 'running'), 1);
    assert.deepEqual(
      s.rows.map((r) => [r.index, r.status]),
      [
        [0, 'completed'],
        [1, 'running'],
      ],
    );
    assert.equal(s.done, 1);
  });

  it('restores a saved sweep as finished, its running rows stopped, NaN losses kept as NaN', () => {
    const s = state([row(0, 0.001, 'tanh', 0.5), { ...row(1, 0.01, 'ReLU', undefined, 'running'), curve: [1, NaN, 0.5] }]);
    const restored = parseSavedSweep(JSON.parse(JSON.stringify(s)));
    assert.ok(restored);
    assert.equal(restored.finished, true);
    assert.equal(restored.cancelled, true, 'it was still running');
    assert.deepEqual(
      restored.rows.map((r) => r.status),
      ['completed', 'cancelled'],
    );
    assert.ok(Number.isNaN(restored.rows[1].curve?.[1]));
    assert.deepEqual(restored.parameters, s.parameters);
    for (const bad of [undefined, 1, { ...s, metric: 'bogus' }, { ...s, rows: [{ index: 0 }] }, { ...s, rows: [{ ...s.rows[0], status: 'odd' }] }])
      assert.equal(parseSavedSweep(JSON.parse(JSON.stringify(bad ?? null))), undefined);
  });

  it('saves the loss curves of the best rows only', () => {
    const rows = ROWS.map((r) => ({ ...r, curve: [1, 0.5] }));
    const bounded = boundSweepState(state(rows), 1);
    assert.deepEqual(
      bounded.rows.filter((r) => r.curve).map((r) => r.index),
      [1],
    );
    assert.equal(rows[0].curve.length, 2, 'the state itself is untouched');
  });
});

describe('sweep panel: table order', () => {
  it('sorts by the metric, best first, rows without it last', () => {
    assert.deepEqual(
      sortRows(ROWS, defaultSort('valLoss')).map((r) => r.index),
      [1, 2, 0, 3, 4],
    );
    assert.deepEqual(
      sortRows(ROWS, { column: { kind: 'metric', metric: 'valLoss' }, descending: true }).map((r) => r.index),
      [0, 2, 1, 3, 4],
      'descending keeps the rows without a value last',
    );
  });

  it('sorts by a numeric parameter, a categorical one, the status and the index', () => {
    assert.deepEqual(
      sortRows(ROWS, { column: { kind: 'param', key: 'optimizer.alpha' }, descending: false }).map((r) => r.index),
      [0, 1, 4, 2, 3],
    );
    assert.deepEqual(
      sortRows(ROWS, { column: { kind: 'param', key: 'layers[0].activation' }, descending: true }).map((r) => r.index),
      [0, 2, 4, 1, 3],
    );
    assert.deepEqual(
      sortRows(ROWS, { column: { kind: 'status' }, descending: false }).map((r) => r.status),
      ['completed', 'completed', 'completed', 'completed', 'diverged'],
    );
    assert.deepEqual(
      sortRows(ROWS, { column: { kind: 'index' }, descending: true }).map((r) => r.index),
      [4, 3, 2, 1, 0],
    );
  });

  it('picks the best completed rows (accuracy: highest first) and lists the metrics present', () => {
    assert.deepEqual(
      bestRows(ROWS, 'valLoss', 2).map((r) => r.index),
      [1, 2],
    );
    const acc = [row(0, 1, 'a'), row(1, 2, 'a')].map((r, i) => ({ ...r, metrics: { accuracy: [0.7, 0.9][i] } }));
    assert.deepEqual(
      bestRows(acc, 'accuracy').map((r) => r.index),
      [1, 0],
    );
    assert.deepEqual(metricColumns(state(ROWS)), ['valLoss', 'loss']);
  });
});

describe('sweep panel: axes and brushing', () => {
  const s = state(ROWS);
  const alpha = parameterAxis(s.parameters[0], ROWS);
  const act = parameterAxis(s.parameters[1], ROWS);
  const metric = metricAxis('valLoss', ROWS);
  const axes = [alpha, act, metric];

  it('places log-scale values evenly by decade and categories as evenly spaced ticks', () => {
    assert.equal(alpha.kind, 'log');
    assert.ok(Math.abs((axisPosition(alpha, 0.01) ?? NaN) - 0.5) < 1e-12, 'log10: halfway between 0.001 and 0.1');
    assert.equal(axisPosition(alpha, 0.001), 0);
    assert.equal(axisPosition(alpha, 0.1), 1);
    assert.equal(act.kind, 'category');
    assert.deepEqual(act.categories, ['tanh', 'ReLU']);
    assert.equal(axisPosition(act, 'ReLU'), 1);
    assert.equal(axisPosition(act, 'GELU'), undefined);
    assert.equal(metric.kind, 'linear', 'valLoss from 0.1 to 0.5 spans less than a decade');
    assert.ok(Math.abs((axisPosition(metric, 0.3) ?? NaN) - 0.5) < 1e-12);
    assert.deepEqual(
      axisTicks(alpha).map((t) => t.label),
      ['0.001', '0.01', '0.1'],
      'listed numbers are ticked one by one',
    );
    assert.deepEqual(
      axisTicks(metric).map((t) => t.label),
      ['0.1', '0.3', '0.5'],
    );
  });

  it('filters by every brush; an empty interval removes a brush', () => {
    let brushes = setBrush([], 'optimizer.alpha', 1, 0.4); // 0.01 and 0.1
    assert.deepEqual(brushes, [{ key: 'optimizer.alpha', lo: 0.4, hi: 1 }]);
    assert.deepEqual(
      ROWS.filter((r) => passesBrushes(r, axes, brushes)).map((r) => r.index),
      [1, 2, 3, 4],
    );
    brushes = setBrush(brushes, 'metric:valLoss', 0, 0.6); // valLoss ≤ 0.34: rows without it drop out
    assert.deepEqual(
      ROWS.filter((r) => passesBrushes(r, axes, brushes)).map((r) => r.index),
      [1, 2],
    );
    brushes = setBrush(brushes, 'layers[0].activation', 0.9, 1.2);
    assert.deepEqual(
      ROWS.filter((r) => passesBrushes(r, axes, brushes)).map((r) => r.index),
      [1],
    );
    brushes = setBrush(brushes, 'optimizer.alpha', 0.3, 0.3);
    assert.deepEqual(
      brushes.map((b) => b.key),
      ['metric:valLoss', 'layers[0].activation'],
    );
  });

  it('makes log axes of listed positive numbers spanning more than a decade, and of log ranges', () => {
    const spec = checkSweep({
      layers: [{ units: 2 }],
      sweep: {
        method: 'random',
        runs: 3,
        parameters: {
          'optimizer.alpha': { values: [0.001, 0.1] },
          'layers[0].units': { values: [8, 16] },
          'training.l2': { min: 1e-6, max: 1e-2, scale: 'log' },
        },
      },
    }).spec;
    assert.ok(spec);
    assert.deepEqual(
      axisInfos(spec).map((a) => [a.key, a.log]),
      [
        ['optimizer.alpha', true],
        ['layers[0].units', false],
        ['training.l2', true],
      ],
    );
  });
});

describe('sweep panel: CSV and rows', () => {
  it('writes one row per combination in index order, quoting text with commas and quotes', () => {
    const rows = [
      { ...row(1, 0.01, 'ReLU', 0.1) },
      { ...row(0, 0.001, 'a,"b"', undefined, 'invalid'), message: 'layers[0].activation = "a,\\"b\\"": unknown' },
    ];
    assert.equal(
      sweepCsv(state(rows)),
      [
        'index,optimizer.alpha,layers[0].activation,status,valLoss,loss,message',
        '0,0.001,"a,""b""",invalid,,,"layers[0].activation = ""a,\\""b\\"""": unknown"',
        '1,0.01,ReLU,completed,0.1,0.05,',
        '',
      ].join('\n'),
    );
  });

  it('averages the repeats\u2019 curves with their band', () => {
    assert.deepEqual(
      meanCurve([
        [1, 2, 3],
        [3, 4],
      ]),
      { curve: [2, 3], low: [1, 2], high: [3, 4] },
    );
    const run = (repeat: number, curve: number[]) => ({
      index: 2,
      repeat,
      seed: repeat,
      status: 'completed' as const,
      metrics: { loss: curve[1] },
      epochs: 10,
      seconds: 1,
      curve,
    });
    const result: SweepResult = {
      index: 2,
      parameters: { a: 1 },
      status: 'completed',
      metrics: { loss: 0.5 },
      spread: { loss: [0.4, 0.6] },
      runs: [run(0, [1, 0.4]), run(1, [1, 0.6])],
    };
    const r = rowOfResult(result);
    assert.deepEqual(r.curve, [1, 0.5]);
    assert.deepEqual(r.curveLow, [1, 0.4]);
    assert.deepEqual(r.curveHigh, [1, 0.6]);
    assert.equal(r.epochs, 10);
    assert.deepEqual(r.spread, { loss: [0.4, 0.6] });
  });
});

const TEXT = `{
  "layers": [
    { "units": 8, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "data": { "generator": "xor", "samples": 40 },
  "optimizer": { "name": "Adam", "alpha": 0.02 },
  "training": { "epochs": 5 },
  "sweep": {
    "parameters": {
      "optimizer.alpha": { "values": [0.1, 0.2] },
      "layers[0].units": { "values": [2] }
    }
  }
}
`;

describe('sweep panel: bounded curves', () => {
  it('keeps the curves of the best k rows only, however many arrive', () => {
    const keeper = new CurveKeeper('valLoss', 2);
    const arrive = (index: number, valLoss: number, status: SweepRow['status'] = 'completed') => {
      const r = { ...row(index, 0.1, 'tanh', valLoss, status), curve: [1, valLoss] };
      const { row: kept, evicted } = keeper.admit(r);
      return [kept.curve !== undefined, evicted ?? null];
    };
    assert.deepEqual(arrive(0, 0.5), [true, null]);
    assert.deepEqual(arrive(1, 0.4), [true, null]);
    assert.deepEqual(arrive(2, 0.9), [false, null], 'worse than the two kept: never needed');
    assert.deepEqual(arrive(3, 0.1), [true, 0], 'the worst kept one drops its curve');
    assert.deepEqual(arrive(4, 0.05, 'diverged'), [false, null], 'a run that did not complete keeps none');
    assert.deepEqual(arrive(5, 0.4), [false, null], 'a tie goes to the lower index');
    const acc = new CurveKeeper('accuracy', 1);
    const r = (index: number, accuracy: number): SweepRow => ({ index, parameters: {}, status: 'completed', metrics: { accuracy }, curve: [1] });
    assert.equal(acc.admit(r(0, 0.7)).evicted, undefined);
    assert.equal(acc.admit(r(1, 0.9)).evicted, 0, 'higher accuracy is better');
  });
});

describe('sweep editor support', () => {
  it('offers the config\u2019s own settings and the common ones as parameter paths', () => {
    const keys = sweepPathCandidates(JSON.parse(TEXT)).map((c) => c.key);
    for (const k of ['layers[0].units', 'layers[1].activation', 'data.samples', 'optimizer.alpha', 'training.epochs', 'training.l2', 'training.batchSize'])
      assert.ok(keys.includes(k), k);
    assert.ok(!keys.some((k) => k.startsWith('sweep')), 'never the sweep block itself');
    const inline = sweepPathCandidates({ data: { inline: { x: Array.from({ length: 100 }, () => [1, 2]) } } }).map((c) => c.key);
    assert.ok(!inline.some((k) => k.startsWith('data.inline')), 'inline data is not offered');
  });

  it('reports the sweep block\u2019s problems as `nn-lab check` does, at their place in the text', async () => {
    const cases: [string, RegExp][] = [
      [TEXT.replace('"layers[0].units"', '"layers[9].units"'), /"layers\[9\]\.units"/], // an unknown path: on the key
      [TEXT.replace('[0.1, 0.2]', '[0.1, "fast"]'), /^"fast"$/], // a value of the wrong type: on the value
    ];
    for (const [text, place] of cases) {
      const problems = (await checkConfigText(text, '/nonexistent', new DataFileCache())).problems.filter((p) => p.path[0] === 'sweep');
      const expected = checkSweep(JSON.parse(text)).problems;
      assert.equal(expected.length, 1, JSON.stringify(expected));
      assert.deepEqual(
        problems.map((p) => [formatPath(p.path), p.severity, p.message]),
        expected.map((p) => [formatPath(p.path), p.severity, p.message]),
      );
      const at = rangeOfPath(treeOf(text), problems[0].path, problems[0].code === 'unknown-key');
      assert.match(text.slice(at.start, at.end), place, formatPath(problems[0].path));
    }
  });

  it('warns about a grid of more than 1,000 runs in the editor', async () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    const text = TEXT.replace('[0.1, 0.2]', JSON.stringify(values.map((v) => v / 100))).replace('"values": [2]', `"values": ${JSON.stringify(values)}`);
    const problems = (await checkConfigText(text, '/nonexistent', new DataFileCache())).problems;
    assert.ok(
      problems.some((p) => p.severity === 'warning' && formatPath(p.path).startsWith('sweep')),
      JSON.stringify(problems),
    );
  });

  it('"Apply to file" writes the values in and keeps the sweep block', () => {
    const spec = checkSweep(JSON.parse(TEXT)).spec;
    assert.ok(spec);
    const resolved = resolveCombination(JSON.parse(TEXT), spec, { index: 1, values: { 'optimizer.alpha': 0.2, 'layers[0].units': 2 } });
    const kept = JSON.parse(bestConfigText(TEXT, spec, resolved, { keepSweep: true }));
    assert.equal(kept.optimizer.alpha, 0.2);
    assert.equal(kept.layers[0].units, 2);
    assert.deepEqual(kept.sweep, JSON.parse(TEXT).sweep);
    const best = JSON.parse(bestConfigText(TEXT, spec, resolved));
    assert.equal(best.sweep, undefined);
  });
});
