/** Two-thread kernels for the benchmarks (filled in with the threaded kernel). */
import type { DenseKernel } from '../src/core/linalg/kernel';
import type { Precision } from '../src/core/config/types';

/** A kernel using a helper thread, and how to stop that thread; undefined until implemented. */
export async function createThreadedKernel(_precision: Precision): Promise<{ kernel: DenseKernel; close(): void } | undefined> {
  return undefined;
}
