/**
 * Two-thread kernels when running from TypeScript sources (benchmarks, tests under tsx): the
 * helper thread loads tsx and the core's kernel-helper.ts, then runs the helper loop.
 */
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { Precision } from '../src/core/config/types';
import type { SpawnKernelHelper } from '../src/core/linalg/kernel-helper';
import { ThreadedWasmKernel } from '../src/core/linalg/threaded-kernel';
import { wasmKernelAvailable } from '../src/core/linalg/wasm-module';

const HELPER = join(__dirname, '..', 'src', 'core', 'linalg', 'kernel-helper.ts');

/** Starts the core's helper loop in a Worker that compiles TypeScript with tsx. */
export const sourceSpawner: SpawnKernelHelper = (init) => {
  const code = `require('tsx/cjs'); require(${JSON.stringify(HELPER)}).runKernelHelper(require('worker_threads').workerData);`;
  const worker = new Worker(code, { eval: true, workerData: init });
  worker.unref();
  return { terminate: () => void worker.terminate() };
};

/** A two-thread kernel whose helper is already running, or undefined without WebAssembly SIMD. */
export async function createThreadedKernel(precision: Precision, threshold?: number): Promise<{ kernel: ThreadedWasmKernel; close(): void } | undefined> {
  if (!wasmKernelAvailable()) return undefined;
  const kernel = new ThreadedWasmKernel({ precision, spawn: sourceSpawner, threshold });
  kernel.startHelper();
  for (let waited = 0; !kernel.helperRunning; waited += 10) {
    if (waited > 20000) throw new Error('the kernel helper thread did not start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { kernel, close: () => kernel.dispose() };
}
