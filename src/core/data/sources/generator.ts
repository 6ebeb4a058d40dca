/**
 * Generated data: `{ "generator": "spiral", "samples": 300, "noise": 0.05, "classes": 3 }`, four
 * 2-D classification problems and one 1-D regression drawn from a seeded generator.
 */
import type { Checker } from '../../config/checks';
import { checkKeyValue, type KeySpecs, type NumberKeySpec } from '../../config/key-spec';
import { MAX_NOISE } from '../../config/keys';
import type { GeneratorName } from '../../config/types';
import { MAX_SEED } from '../../config/validate-training';
import type { JsonPath } from '../../problems';
import { generate, GENERATOR_DEFAULTS, GENERATOR_DOCS, GENERATOR_NAMES, MULTICLASS_GENERATORS } from '../generators';
import type { DataSource, SourceShape } from './source';

/** A generator block with its defaults filled in (the seed of the samples resolved too). */
export interface GeneratorSpec {
  kind: 'generator';
  generator: GeneratorName;
  samples: number;
  noise: number;
  classes: number;
  seed: number;
}

const samples: NumberKeySpec = {
  type: 'integer',
  min: 2,
  max: 'maxSamples',
  default: GENERATOR_DEFAULTS.samples('xor'),
  docDefault: `\`${GENERATOR_DEFAULTS.samples('xor')}\` (\`sine\`: \`${GENERATOR_DEFAULTS.samples('sine')}\`)`,
  doc: `Number of generated samples (default ${GENERATOR_DEFAULTS.samples('xor')}; sine ${GENERATOR_DEFAULTS.samples('sine')}).`,
};
const noise: NumberKeySpec = {
  type: 'number',
  min: 0,
  max: MAX_NOISE,
  default: GENERATOR_DEFAULTS.noise('xor'),
  docDefault: `\`${GENERATOR_DEFAULTS.noise('xor')}\` (\`sine\`: \`${GENERATOR_DEFAULTS.noise('sine')}\`)`,
  doc: `Standard deviation of the Gaussian jitter added to each coordinate (sine: to y). Default ${GENERATOR_DEFAULTS.noise('xor')}; sine ${GENERATOR_DEFAULTS.noise('sine')}.`,
};
const classes: NumberKeySpec = {
  type: 'integer',
  min: 2,
  max: 'maxClasses',
  default: GENERATOR_DEFAULTS.classes,
  doc: 'Spiral arms or Gaussian clusters (`spiral` and `gauss` only). Two classes give one 0/1 target column, more give one-hot columns.',
};
const seed: NumberKeySpec = {
  type: 'integer',
  min: 0,
  max: MAX_SEED,
  docDefault: 'the training seed',
  doc: 'Seed of the generated samples (default: the training seed).',
};

const keys: KeySpecs = {
  generator: {
    type: 'choice',
    choices: GENERATOR_NAMES,
    choiceDocs: GENERATOR_DOCS,
    required: true,
    doc: 'A synthetic data set: `xor`, `circle`, `spiral`, `gauss` (2-D classification) or `sine` (1-D regression).',
  },
  samples,
  noise,
  classes,
  seed,
};

/** The generator source. */
export const generatorSource: DataSource<GeneratorSpec> = {
  kind: 'generator',
  selector: 'generator',
  hint: '"generator" (xor, circle, spiral, gauss, sine)',
  title: 'Generated data',
  keys,
  snippets: [{ label: 'generated data', body: { generator: '${1|xor,circle,spiral,gauss,sine|}', samples: 200, noise: 0.1 } }],

  check(c: Checker, value: Record<string, unknown>, path: JsonPath, dataSeed: number) {
    const generator = checkKeyValue(c, keys.generator, value.generator, [...path, 'generator'], 'generator') as GeneratorName | undefined;
    const g = generator ?? 'xor';
    const n =
      value.samples === undefined
        ? GENERATOR_DEFAULTS.samples(g)
        : (checkKeyValue(c, samples, value.samples, [...path, 'samples'], 'samples') as number | undefined);
    const sd =
      value.noise === undefined ? GENERATOR_DEFAULTS.noise(g) : (checkKeyValue(c, noise, value.noise, [...path, 'noise'], 'noise') as number | undefined);
    let k: number | undefined = GENERATOR_DEFAULTS.classes;
    if (value.classes !== undefined) {
      if (generator !== undefined && !MULTICLASS_GENERATORS.includes(generator))
        c.warning([...path, 'classes'], `"${generator}" data always has 2 classes; "classes" only applies to spiral and gauss`, 'ignored');
      else k = checkKeyValue(c, classes, value.classes, [...path, 'classes'], 'classes') as number | undefined;
    }
    const s = value.seed === undefined ? dataSeed : (checkKeyValue(c, seed, value.seed, [...path, 'seed'], 'seed') as number | undefined);
    if (generator === undefined || n === undefined || sd === undefined || k === undefined || s === undefined) return undefined;
    return { kind: 'generator', generator, samples: n, noise: sd, classes: k, seed: s };
  },

  staticShape(spec): SourceShape {
    if (spec.generator === 'sine') return { inputs: 1, outputs: 1, n: spec.samples, task: 'regression', features: [1] };
    const k = MULTICLASS_GENERATORS.includes(spec.generator) ? spec.classes : 2;
    return { inputs: 2, outputs: k === 2 ? 1 : k, n: spec.samples, task: 'classification', features: [2] };
  },

  files: () => [],

  load: (spec) => ({ data: generate(spec.generator, spec), problems: [] }),
};
