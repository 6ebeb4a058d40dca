/**
 * Node's side of the two-thread kernel: starts the core's kernel helper (core/linalg/kernel-helper.ts)
 * in a worker_threads Worker. The helper runs the same bundle as its parent (dist/worker.js,
 * dist/cli.js), which checks `runIfKernelHelper()` first and then does nothing else.
 * Used by the training worker and by the CLI (no vscode import here).
 */
import { availableParallelism } from 'os';
import { isMainThread, Worker, workerData } from 'worker_threads';
import { KernelHelperInit, runKernelHelper, SpawnKernelHelper } from '../../core/linalg/kernel-helper';

/** True in a thread started by `nodeKernelSpawner`. */
export function isKernelHelperThread(): boolean {
  return !isMainThread && (workerData as Partial<KernelHelperInit> | undefined)?.kind === 'nn-lab-kernel-helper';
}

/** In a helper thread: runs the helper loop (until told to exit) and returns true; elsewhere false. */
export function runIfKernelHelper(): boolean {
  if (!isKernelHelperThread()) return false;
  runKernelHelper(workerData as KernelHelperInit);
  return true;
}

/**
 * Fewest logical CPUs for which training uses a second thread by default. Two logical CPUs are
 * often one physical core (or a shared VM): there the two halves of a product mostly take
 * turns, and on this project's 2-CPU machine two threads measured 0.8–1.2× one (bench/RESULTS.md).
 */
export const MIN_CPUS_FOR_TWO_THREADS = 4;

/**
 * A spawn function starting `script` (the running bundle or entry file) as the helper thread,
 * or undefined with fewer than `minCpus` logical CPUs. The thread does not keep the process alive.
 */
export function nodeKernelSpawner(script: string, minCpus = MIN_CPUS_FOR_TWO_THREADS): SpawnKernelHelper | undefined {
  if (availableParallelism() < minCpus) return undefined;
  return (init) => {
    const worker = new Worker(script, { workerData: init });
    worker.unref();
    // A helper that fails to start leaves the kernel on one thread (it never reports ready).
    worker.on('error', () => undefined);
    return { terminate: () => void worker.terminate() };
  };
}
