/**
 * Size limits checked before anything is allocated, so a typo such as a billion units is a
 * clear error rather than an out-of-memory crash.
 */

/** Upper bounds on a model description. */
export interface Limits {
  /** Units of one layer. */
  maxUnits: number;
  /** Number of layers. */
  maxLayers: number;
  /** Trainable parameters of the whole model (weights and biases). */
  maxParams: number;
  /** Training epochs. */
  maxEpochs: number;
  /** Samples of the data set. */
  maxSamples: number;
  /** Pieces of a maxout unit. */
  maxPieces: number;
  /** Classes of a generated data set. */
  maxClasses: number;
}

/** The limits used unless the caller passes others. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxUnits: 4096,
  maxLayers: 64,
  maxParams: 5_000_000,
  maxEpochs: 100_000,
  maxSamples: 1_000_000,
  maxPieces: 16,
  maxClasses: 10,
});

/** The defaults overridden by whatever `partial` sets. */
export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
