/**
 * Property-based fuzzing of the config front end: 10,000+ generated descriptions per run (fixed,
 * printed seed; `FUZZ_SEED=n` reproduces another run) through `parseConfigText`, `validateConfig`,
 * `prepareRun` and, for valid ones, one epoch of training on their (tiny) data. Invariants: nothing
 * throws, every message is one line with no raw control character and at most 520 characters
 * (200 of them quoted user text), no problem is an "internal" one, and nothing non-finite is
 * accepted: a valid description resolves to finite numbers and a trained epoch reports a finite
 * loss or a divergence.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { parseConfigText } from '../../src/core/config/parse-json';
import { validateConfig } from '../../src/core/config/validate';
import { prepareRun } from '../../src/core/config/load';
import { TrainingRun } from '../../src/core/train/trainer';
import { activationRegistry } from '../../src/core/activations';
import { optimizerRegistry } from '../../src/core/optimizers';
import { lossRegistry } from '../../src/core/losses';
import type { Problem } from '../../src/core/problems';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = 20_000;

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'propertyIsEnumerable',
  'toLocaleString',
];

/** Strings a person (or an attacker) might write: names, inherited names, control characters, any code unit. */
const userString = fc.oneof(
  fc.constantFrom(...INHERITED, ...activationRegistry.names(), ...optimizerRegistry.names(), ...lossRegistry.names(), 'relu', 'adam', 'SDG', ''),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('\u001b', '[', '3', '1', 'm', '\u0000', '\u007f', '\u009b', '\u202e', '\u2028', '\ud800', '\n', 'a'), maxLength: 10 }),
  fc.constant('x'.repeat(400)),
);

/** Any JSON value, small. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, -1, 1.5, 1e9, -1e300, 1e300, 2 ** 53, null, true, '2', [], {}), userString);

/** An object with a few keys drawn from `keys` (plus hostile ones) and values from `value`. */
function objectOf(keys: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: userString }), value), { maxLength: 5 })
    .map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
}

const smallInt = fc.integer({ min: -1, max: 5 });
const named = (names: readonly string[], params: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...names),
    userString,
    fc
      .record({ name: fc.oneof(fc.constantFrom(...names), userString) })
      .chain((base) => objectOf(params, fc.oneof(fc.double({ noNaN: true, min: -10, max: 10 }), anyValue)).map((rest) => ({ ...rest, ...base }))),
    anyValue,
  );

const paramNames = [...new Set([...activationRegistry.entries, ...optimizerRegistry.entries].flatMap((e) => e.params.map((p) => p.name)))];

const data = fc.oneof(
  fc.record(
    {
      generator: fc.oneof(fc.constantFrom('xor', 'circle', 'spiral', 'gauss', 'sine'), userString),
      samples: fc.oneof(fc.integer({ min: 2, max: 24 }), anyValue),
      noise: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyValue),
    },
    { requiredKeys: ['generator'] },
  ),
  fc.record({
    inputs: fc.oneof(fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 6 }), anyValue),
    targets: fc.oneof(fc.array(fc.constantFrom(0, 1), { minLength: 2, maxLength: 6 }), anyValue),
  }),
  fc.record({ dataset: fc.oneof(fc.constant('iris'), userString) }),
  objectOf(['generator', 'dataset', 'csv', 'inputs', 'targets', 'samples'], anyValue),
  anyValue,
);

const layer = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        units: fc.oneof(fc.integer({ min: 1, max: 4 }), smallInt, anyValue),
        activation: named(activationRegistry.names(), paramNames),
        type: fc.constantFrom('dense', 'maxout', 'conv'),
        pieces: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: ['units'] },
    ),
  },
  { weight: 1, arbitrary: objectOf(['units', 'activation', 'type', 'init', 'initScale', 'pieces'], anyValue) },
  { weight: 1, arbitrary: anyValue },
);

const hostileConfig = fc
  .record(
    {
      data,
      layers: fc.oneof({ weight: 6, arbitrary: fc.array(layer, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: anyValue }),
      loss: fc.oneof(fc.constantFrom(...lossRegistry.names()), userString, anyValue),
      optimizer: named(optimizerRegistry.names(), paramNames),
      training: fc.oneof(
        fc.record(
          {
            epochs: fc.oneof(fc.constant(1), anyValue),
            batchSize: fc.oneof(fc.integer({ min: 1, max: 8 }), anyValue),
            validationSplit: fc.oneof(fc.double({ min: 0, max: 0.9, noNaN: true }), anyValue),
            seed: fc.nat(),
          },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
      extra: objectOf([...INHERITED, 'epochs', 'lr', 'name', 'description'], anyValue),
    },
    { requiredKeys: ['data', 'layers'] },
  )
  .map(({ extra, ...rest }) => {
    const out: Record<string, unknown> = { ...rest };
    const more = extra ?? {};
    for (const k of Object.keys(more)) Object.defineProperty(out, k, { value: more[k], enumerable: true, writable: true, configurable: true });
    return out;
  });

/** A description that is valid more often than not: known names, small sizes, sometimes one hostile key. */
const plausibleConfig = fc
  .record({
    generator: fc.constantFrom('xor', 'circle', 'spiral', 'gauss', 'sine'),
    samples: fc.integer({ min: 2, max: 24 }),
    hidden: fc.array(fc.record({ units: fc.integer({ min: 1, max: 4 }), activation: fc.constantFrom(...activationRegistry.names()) }), { maxLength: 2 }),
    output: fc.constantFrom('sigmoid', 'softmax', 'identity', 'tanh'),
    loss: fc.option(fc.constantFrom(...lossRegistry.names()), { nil: undefined }),
    optimizer: fc.oneof(
      fc.constantFrom(...optimizerRegistry.names()),
      fc.record({ name: fc.constantFrom(...optimizerRegistry.names()), eta: fc.double({ min: 1e-6, max: 1e3, noNaN: true }) }),
    ),
    batchSize: fc.integer({ min: 1, max: 8 }),
    hostile: fc.option(fc.tuple(fc.constantFrom('root', 'layer', 'optimizer', 'training', 'data'), userString, anyValue), { freq: 2, nil: undefined }),
  })
  .map((c) => {
    const out: Record<string, unknown> = {
      data: { generator: c.generator, samples: c.samples },
      layers: [...c.hidden, { units: c.generator === 'sine' ? 1 : 1, activation: c.output }],
      optimizer: c.optimizer,
      training: { epochs: 1, batchSize: c.batchSize },
    };
    if (c.loss !== undefined) out.loss = c.loss;
    if (c.hostile) {
      const [where, key, value] = c.hostile;
      const target = (
        where === 'root'
          ? out
          : where === 'layer'
            ? (out.layers as object[])[0]
            : where === 'optimizer' && typeof out.optimizer === 'object'
              ? out.optimizer
              : where === 'training'
                ? out.training
                : out.data
      ) as object;
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });

const config = fc.oneof(hostileConfig, plausibleConfig);

/** A text edit: delete, insert a troublesome character, truncate, or turn a number into 1e400. */
const textEdit = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: fc.constant('none') }, { weight: 4, arbitrary: fc.constantFrom('delete', 'insert', 'truncate', 'overflow', 'duplicate') }),
  fc.nat(),
  fc.constantFrom(',', '{', '}', '[', ']', '"', ':', '/', '/*', '\u0000', '\u001b', "'", 'NaN', '\ufeff', '\\'),
);

function edit(text: string, [kind, at, ch]: [string, number, string]): string {
  const i = text.length ? at % text.length : 0;
  switch (kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + ch + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
    case 'overflow':
      return text.replace(/\d+(\.\d+)?/, '1e400');
    case 'duplicate':
      return text.replace(/^\{("[^"]*":)/, '{$1 0, $1');
    default:
      return text;
  }
}

function assertSafe(problems: readonly Problem[], input: string): void {
  for (const p of problems) {
    assert.ok(typeof p.message === 'string' && p.message.length > 0, `empty message for ${input}`);
    assert.ok(!p.message.includes('\n') && !RAW_CONTROL.test(p.message), `not one safe line: ${JSON.stringify(p.message)} for ${input}`);
    assert.ok(p.message.length <= 520, `${p.message.length} characters: ${p.message.slice(0, 120)}… for ${input}`);
    assert.notEqual(p.code, 'internal', `internal error: ${p.message} for ${input}`);
    assert.ok(Array.isArray(p.path), 'a path');
  }
}

/** True when every number in `v` is finite. */
function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(allFinite);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(allFinite);
  return true;
}

describe('config front end under fuzzing', function () {
  this.timeout(180_000);
  it(`holds its invariants for ${RUNS} generated descriptions (seed ${SEED})`, () => {
    console.log(`      fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run), ${RUNS} runs`);
    let valid = 0;
    let trained = 0;
    fc.assert(
      fc.property(config, textEdit, (cfg, change) => {
        const text = edit(JSON.stringify(cfg), change);
        const input = text.length > 300 ? `${text.slice(0, 300)}…` : text;
        const parsed = parseConfigText(text);
        assertSafe(parsed.problems, input);
        if (parsed.value === undefined) {
          assert.ok(
            parsed.problems.some((p) => p.severity === 'error'),
            `no value and no error for ${input}`,
          );
          return;
        }
        const checked = validateConfig(parsed.value);
        assertSafe(checked.problems, input);
        const run = prepareRun(parsed.value);
        assertSafe(run.problems, input);
        if (!run.config || !run.data) return;
        valid++;
        assert.ok(allFinite(run.config), `a non-finite number was accepted: ${input}`);
        const training = new TrainingRun({ ...run.config, training: { ...run.config.training, epochs: 1 } }, run.data);
        const report = training.runEpoch();
        if (report) {
          trained++;
          assert.ok(Number.isFinite(report.loss), `a completed epoch reported loss ${report.loss}: ${input}`);
        } else assert.equal(training.status, 'diverged', `no report, status ${training.status}: ${input}`);
        if (training.message) assert.ok(!training.message.includes('\n') && !RAW_CONTROL.test(training.message));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`      ${valid} valid descriptions, ${trained} trained one epoch`);
    assert.ok(valid > 100, `too few valid descriptions (${valid}) to exercise the trainer`);
  });
});
