/**
 * The two-thread WebAssembly kernel: big products are split by output rows between the calling
 * thread and one helper thread sharing the kernel's memory (see kernel-helper.ts). A product is
 * split only when it is worth the hand-over (n·k·m multiply–adds at or above `threshold`), so
 * small models never wake the helper; and the helper is started lazily, on the first such
 * product, through the host's `spawn` function (the core itself has no threads).
 * Until the helper reports ready, products run on the calling thread alone.
 */
import type { Precision } from '../config/types';
import { CONTROL, SpawnKernelHelper } from './kernel-helper';
import { WasmKernel } from './wasm-kernel';
import type { WasmBuild } from './wasm-module';

/** Default split threshold in multiply–adds: about 50 µs of float64 work on one core. */
export const DEFAULT_SPLIT_THRESHOLD = 1 << 20;

/** Spins on the helper's answer before sleeping. */
const WAIT_SPINS = 200000;

/** Options of `ThreadedWasmKernel`. */
export interface ThreadedKernelOptions {
  precision?: Precision;
  /** Starts the helper thread (e.g. a Node worker_threads Worker). */
  spawn: SpawnKernelHelper;
  /** Products with n·k·m below this run on one thread. */
  threshold?: number;
  /** The module build (see `WasmKernelOptions.build`). */
  build?: WasmBuild;
}

/** A `WasmKernel` that hands half of each big product to a helper thread. */
export class ThreadedWasmKernel extends WasmKernel {
  /** Products split between the two threads so far (for tests and benchmarks). */
  splitCount = 0;
  private readonly ctl: Int32Array;
  private readonly controlAt: number;
  private readonly spawn: SpawnKernelHelper;
  private readonly threshold: number;
  private helper: { terminate(): void } | undefined;
  private seq = 0;
  /** Stops the helper if the kernel is dropped without `dispose()`. */
  private static readonly finalizer = new FinalizationRegistry<{ terminate(): void }>((helper) => helper.terminate());

  constructor(options: ThreadedKernelOptions) {
    super({ precision: options.precision, build: options.build }, 2);
    this.spawn = options.spawn;
    this.threshold = options.threshold ?? DEFAULT_SPLIT_THRESHOLD;
    this.controlAt = this.arena.reserve(CONTROL.size * 4);
    this.ctl = new Int32Array(this.arena.memory.buffer, this.controlAt, CONTROL.size);
    const single = this.runGemm;
    const fns = this.fns;
    this.runGemm = (fn, a, ars, aqs, b, c, n, k, m) => {
      if (n < 8 || n * k * m < this.threshold || !this.helperReady()) {
        single(fn, a, ars, aqs, b, c, n, k, m);
        return;
      }
      // The helper takes the lower rows [n0, n); n0 is half of n rounded down to a multiple of 4.
      const n0 = (n >> 3) << 2;
      const ctl = this.ctl,
        p = CONTROL.args;
      const bytes = fn === 0 ? 8 : 4;
      ctl[CONTROL.fn] = fn;
      ctl[p] = a + n0 * ars;
      ctl[p + 1] = ars;
      ctl[p + 2] = aqs;
      ctl[p + 3] = b;
      ctl[p + 4] = c + n0 * m * bytes;
      ctl[p + 5] = n - n0;
      ctl[p + 6] = k;
      ctl[p + 7] = m;
      const seq = ++this.seq | 0;
      Atomics.store(ctl, CONTROL.seq, seq);
      Atomics.notify(ctl, CONTROL.seq);
      (fn === 0 ? fns.gemm64 : fn === 1 ? fns.gemm32 : fns.gemm32to)(a, ars, aqs, b, c, n0, k, m);
      this.splitCount++;
      let spins = 0;
      for (;;) {
        const done = Atomics.load(ctl, CONTROL.done);
        if (done === seq) break;
        if (++spins > WAIT_SPINS) Atomics.wait(ctl, CONTROL.done, done, 1);
      }
    };
  }

  /** True while the helper thread runs and takes jobs. */
  get helperRunning(): boolean {
    return this.helper !== undefined && Atomics.load(this.ctl, CONTROL.ready) === 1;
  }

  /** Starts the helper thread now rather than at the first big product. */
  startHelper(): void {
    this.helperReady();
  }

  /** Stops the helper thread (the kernel keeps working on one thread). */
  dispose(): void {
    if (!this.helper) return;
    this.ctl[CONTROL.fn] = -1;
    Atomics.store(this.ctl, CONTROL.seq, ++this.seq | 0);
    Atomics.notify(this.ctl, CONTROL.seq);
    this.helper.terminate();
    ThreadedWasmKernel.finalizer.unregister(this);
    this.helper = undefined;
    Atomics.store(this.ctl, CONTROL.ready, 0);
  }

  /** True once the helper runs; starts it on first call. */
  private helperReady(): boolean {
    if (!this.helper) {
      this.helper = this.spawn({ kind: 'nn-lab-kernel-helper', memory: this.arena.memory, control: this.controlAt, module: this.module });
      ThreadedWasmKernel.finalizer.register(this, this.helper, this);
      return false;
    }
    return Atomics.load(this.ctl, CONTROL.ready) === 1;
  }
}
