/**
 * The second thread of a two-thread WebAssembly kernel. The kernel's main thread and this helper
 * share the kernel's WebAssembly memory; a small control block in it carries one job at a time:
 *
 *   main:   writes the job's arguments, seq += 1, notify      helper: waits for seq to change,
 *           runs its own rows, waits for done = seq                   runs the job's rows,
 *                                                                     done = seq, notify
 *
 * Waiting spins briefly before sleeping (Atomics.wait), since jobs come every few hundred
 * microseconds during training. Pure JavaScript + WebAssembly: the host (Node's worker_threads,
 * a browser Worker) starts the thread and calls `runKernelHelper` in it.
 */
import { instantiateKernel, kernelModule, WasmMemory, WasmModule } from './wasm-module';

/** Int32 slots of the control block. */
export const CONTROL = {
  /** Job counter, bumped by the main thread for each job. */
  seq: 0,
  /** The last job the helper finished. */
  done: 1,
  /** 0 = gemm64, 1 = gemm32, 2 = gemm32to, -1 = exit. */
  fn: 2,
  /** 1 once the helper is running and waiting for jobs. */
  ready: 3,
  /** The job's arguments: a, ars, aqs, b, c, n, k, m (slots 4–11). */
  args: 4,
  /** Slots in all. */
  size: 16,
} as const;

/**
 * What the helper thread needs: the shared memory, the byte address of the control block, and
 * the compiled module (posted along, so the helper runs the already optimised code).
 */
export interface KernelHelperInit {
  kind: 'nn-lab-kernel-helper';
  memory: WasmMemory;
  control: number;
  module?: WasmModule;
}

/** Starts a thread that runs `runKernelHelper(init)`; returns how to stop it. Injected by the host. */
export type SpawnKernelHelper = (init: KernelHelperInit) => { terminate(): void };

/** Spins (Atomics.load) before falling asleep in Atomics.wait: about 20–50 µs. */
export const SPIN_LIMIT = 20000;

/** The helper's loop: runs jobs until told to exit. Blocks its thread (meant for a worker). */
export function runKernelHelper(init: KernelHelperInit): void {
  const module = init.module ?? kernelModule();
  if (!module) return;
  const fns = instantiateKernel(module, init.memory);
  const ctl = new Int32Array(init.memory.buffer, init.control, CONTROL.size);
  let last = Atomics.load(ctl, CONTROL.seq);
  Atomics.store(ctl, CONTROL.ready, 1);
  for (;;) {
    let spins = 0;
    while (Atomics.load(ctl, CONTROL.seq) === last) {
      if (++spins > SPIN_LIMIT) {
        Atomics.wait(ctl, CONTROL.seq, last);
        spins = 0;
      }
    }
    last = Atomics.load(ctl, CONTROL.seq);
    const fn = ctl[CONTROL.fn];
    if (fn < 0) {
      Atomics.store(ctl, CONTROL.ready, 0);
      return;
    }
    const p = CONTROL.args;
    const gemm = fn === 0 ? fns.gemm64 : fn === 1 ? fns.gemm32 : fns.gemm32to;
    gemm(ctl[p] >>> 0, ctl[p + 1], ctl[p + 2], ctl[p + 3] >>> 0, ctl[p + 4] >>> 0, ctl[p + 5], ctl[p + 6], ctl[p + 7]);
    Atomics.store(ctl, CONTROL.done, last);
    Atomics.notify(ctl, CONTROL.done);
  }
}
