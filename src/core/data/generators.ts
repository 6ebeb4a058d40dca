/**
 * Synthetic data sets in the spirit of the TensorFlow Playground: four 2-D classification
 * problems (xor, circle, spiral, gauss) and one 1-D regression (sine). Every draw comes
 * from the seeded `Rng`, so the same seed gives the same samples.
 *
 * Coordinates lie roughly in [−1, 1]². `noise` is the standard deviation of a Gaussian
 * jitter added to each coordinate after the label is fixed (for sine: added to y).
 * Classes are interleaved (sample i belongs to class i mod K), so any leading or
 * trailing slice holds every class in the same proportion.
 */
import { Rng } from '../rng';
import type { Dataset } from './dataset';
import type { GeneratorName } from '../config/types';
import { encodeClassIndices } from './targets';

/** Options of a generator, every one already checked and defaulted. */
export interface GeneratorOptions {
  samples: number;
  noise: number;
  classes: number;
  seed: number;
}

/** The generator names, in documentation order. */
export const GENERATOR_NAMES: readonly GeneratorName[] = ['xor', 'circle', 'spiral', 'gauss', 'sine'];

/** One line per generator, for hovers, the schema and the docs. */
export const GENERATOR_DOCS: Record<GeneratorName, string> = {
  xor: 'Points in the square [−1, 1]²; class 1 where x·y > 0 (first and third quadrants), else 0. Two classes.',
  circle: 'Class 1 inside radius 0.5, class 0 in the ring between radius 0.7 and 1. Two classes.',
  spiral: 'Interleaved spiral arms, one per class (`classes`, default 2), 1.75 turns each.',
  gauss: 'Gaussian clusters (σ = 0.2), one per class (`classes`, default 2), centred on a circle of radius 0.6.',
  sine: 'Regression: x uniform on [−π, π], y = sin(x) (+ noise). One input, one output.',
};

/** Default sample counts and noise levels. */
export const GENERATOR_DEFAULTS = {
  samples: (g: GeneratorName): number => (g === 'sine' ? 100 : 200),
  noise: (g: GeneratorName): number => (g === 'sine' ? 0 : 0.1),
  classes: 2,
};

/** Generators that accept a `classes` option. */
export const MULTICLASS_GENERATORS: readonly GeneratorName[] = ['spiral', 'gauss'];

/** Builds the named synthetic data set. */
export function generate(name: GeneratorName, options: GeneratorOptions): Dataset {
  const rng = new Rng(options.seed);
  const classes = MULTICLASS_GENERATORS.includes(name) ? options.classes : 2;
  const n = options.samples;
  if (name === 'sine') return sine(rng, n, options.noise);
  const points = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const [px, py] = POINT[name](rng, label, i, n, classes);
    points[2 * i] = px + options.noise * rng.normal();
    points[2 * i + 1] = py + options.noise * rng.normal();
    labels[i] = label;
  }
  return classificationDataset(points, 2, labels, n, classes);
}

type PointMaker = (rng: Rng, label: number, i: number, n: number, classes: number) => [number, number];

const POINT: Record<Exclude<GeneratorName, 'sine'>, PointMaker> = {
  /** x, y uniform in ±[0.05, 1] (kept off the axes); the label decides the quadrant pair. */
  xor(rng, label) {
    const a = 0.05 + 0.95 * rng.uniform();
    const b = 0.05 + 0.95 * rng.uniform();
    const sx = rng.uniform() < 0.5 ? -1 : 1;
    // label 1: x·y > 0 (same signs); label 0: x·y < 0
    const sy = label === 1 ? sx : -sx;
    return [sx * a, sy * b];
  },
  /** radius r ∈ [0, 0.5] for class 1, r ∈ [0.7, 1] for class 0; angle θ uniform. */
  circle(rng, label) {
    const r = label === 1 ? 0.5 * rng.uniform() : 0.7 + 0.3 * rng.uniform();
    const theta = 2 * Math.PI * rng.uniform();
    return [r * Math.cos(theta), r * Math.sin(theta)];
  },
  /** Arm c: r = s, θ = 1.75·2π·s + 2πc/K for s evenly spaced in [0, 1). */
  spiral(_rng, label, i, n, classes) {
    const perArm = Math.ceil(n / classes);
    const s = Math.floor(i / classes) / perArm;
    const theta = 1.75 * 2 * Math.PI * s + (2 * Math.PI * label) / classes;
    return [s * Math.sin(theta), s * Math.cos(theta)];
  },
  /** Centre μ_c = 0.6·(cos 2πc/K, sin 2πc/K) plus N(0, 0.2²) per coordinate. */
  gauss(rng, label, _i, _n, classes) {
    const phi = (2 * Math.PI * label) / classes + Math.PI / 4;
    return [0.6 * Math.cos(phi) + 0.2 * rng.normal(), 0.6 * Math.sin(phi) + 0.2 * rng.normal()];
  },
};

/** y = sin(x) + noise·N(0, 1) for x uniform on [−π, π]. */
function sine(rng: Rng, n: number, noise: number): Dataset {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.PI * (2 * rng.uniform() - 1);
    y[i] = Math.sin(x[i]) + (noise > 0 ? noise * rng.normal() : 0);
  }
  return { x, y, n, inputs: 1, outputs: 1, task: 'regression', featureNames: ['x'] };
}

/** A classification data set from inputs and class indices (targets encoded by `encodeClassIndices`). */
export function classificationDataset(x: Float64Array, inputs: number, labels: Int32Array, n: number, classes: number, classNames?: string[]): Dataset {
  const { y, outputs } = encodeClassIndices(labels, classes);
  return {
    x,
    y,
    n,
    inputs,
    outputs,
    task: 'classification',
    featureNames: inputs === 2 ? ['x', 'y'] : undefined,
    classNames: classNames ?? Array.from({ length: classes }, (_, c) => `class ${c}`),
  };
}
