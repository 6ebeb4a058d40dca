/**
 * Timings of a run for the log: epochs per second, samples per second and total seconds.
 */

/** What the log says about the speed of a run. */
export interface RunTimings {
  seconds: number;
  epochsPerSecond: number;
  samplesPerSecond: number;
}

/** Speeds of `epochs` epochs of `samplesPerEpoch` training samples in `milliseconds` (0 speeds when no time passed). */
export function runTimings(epochs: number, samplesPerEpoch: number, milliseconds: number): RunTimings {
  const seconds = Math.max(0, milliseconds) / 1000;
  return {
    seconds,
    epochsPerSecond: seconds > 0 ? epochs / seconds : 0,
    samplesPerSecond: seconds > 0 ? (epochs * samplesPerEpoch) / seconds : 0,
  };
}

/** e.g. `120 epochs in 1.52 s (78.9 epochs/s, 15,789 samples/s)`. */
export function formatTimings(epochs: number, t: RunTimings): string {
  const round = (x: number): string => Math.round(x).toLocaleString('en-US');
  return `${epochs} epochs in ${t.seconds.toFixed(2)} s (${t.epochsPerSecond.toFixed(1)} epochs/s, ${round(t.samplesPerSecond)} samples/s)`;
}
