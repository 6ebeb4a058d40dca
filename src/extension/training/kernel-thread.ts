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
 * A spawn function starting `script` (the running bundle or entry file) as the helper thread,
 * or undefined on a single-core machine. The thread does not keep the process alive.
 */
export function nodeKernelSpawner(script: string): SpawnKernelHelper | undefined {
  if (availableParallelism() < 2) return undefined;
  return (init) => {
    const worker = new Worker(script, { workerData: init });
    worker.unref();
    // A helper that fails to start leaves the kernel on one thread (it never reports ready).
    worker.on('error', () => undefined);
    return { terminate: () => void worker.terminate() };
  };
}
