/**
 * The memory of a WebAssembly kernel: one shared `WebAssembly.Memory` and a bump allocator over
 * it. Because the memory is shared, growing it never detaches the arrays already handed out, so
 * layers can keep their weights and batch buffers in it for their whole life and the kernel
 * reads them in place. Scratch regions (copies of foreign arrays, transposes, float32 mirrors)
 * are reused between calls and only replaced by a bigger one when a call needs more room.
 */
import { createSharedMemory, MAX_PAGES, WasmMemory } from './wasm-module';

const PAGE = 65536;
/** Alignment of every region: one cache line. */
const ALIGN = 64;
/** Bytes kept free at address 0 so that 0 can mean "no bias". */
const RESERVED = 1024;

/** A reusable scratch region: its byte address and capacity. */
export interface Scratch {
  at: number;
  bytes: number;
}

/** A shared WebAssembly memory with a bump allocator and float views of all of it. */
export class WasmArena {
  readonly memory: WasmMemory;
  /** The whole memory as float64 / float32 / int32 (refreshed after every growth). */
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  /** Regions created by `alloc`/`scratch` (for tests and benchmarks: growth must stop after warm-up). */
  allocations = 0;
  private top = RESERVED;
  /** Every buffer object this memory has had (one per growth); arrays on any of them are ours. */
  private readonly buffers: ArrayBufferLike[] = [];

  constructor(initialPages = 32) {
    this.memory = createSharedMemory(initialPages);
    this.f64 = new Float64Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
    this.buffers.push(this.memory.buffer);
  }

  /** Byte address of `a` when it lives in this memory, else -1. */
  addressOf(a: ArrayBufferView): number {
    const buf = a.buffer;
    if (buf === this.buffers[this.buffers.length - 1]) return a.byteOffset;
    for (let i = this.buffers.length - 2; i >= 0; i--) if (buf === this.buffers[i]) return a.byteOffset;
    // The engine may hand out a new buffer object for the same shared memory without a growth of ours
    // (seen in V8 after other kernels trained in the same process): arrays on it are ours too.
    if (buf === this.memory.buffer) {
      this.adoptCurrentBuffer();
      return a.byteOffset;
    }
    return -1;
  }

  /** Records the memory's current buffer object and refreshes the views over all of it. */
  private adoptCurrentBuffer(): void {
    const current = this.memory.buffer;
    if (this.buffers[this.buffers.length - 1] === current) return;
    this.buffers.push(current);
    this.f64 = new Float64Array(current);
    this.f32 = new Float32Array(current);
    this.i32 = new Int32Array(current);
  }

  /** Reserves `bytes` (aligned) and returns their byte address, growing the memory if needed. */
  reserve(bytes: number): number {
    const at = this.top;
    const end = at + Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      // Grow by at least half again, so a run of growing requests costs few growths.
      const need = Math.ceil((end - have) / PAGE);
      const current = have / PAGE;
      if (need > MAX_PAGES - current)
        throw new Error(
          `the model's arrays need more than the kernel's ${(MAX_PAGES * PAGE) / 2 ** 30} GiB of WebAssembly memory (use smaller layers, batches or validation sets)`,
        );
      const pages = Math.max(need, Math.ceil(current / 2));
      this.memory.grow(Math.min(pages, MAX_PAGES - current));
      this.adoptCurrentBuffer();
    }
    this.top = end;
    this.allocations++;
    return at;
  }

  /** A zeroed float64 array of `length` living in this memory (valid for the arena's life). */
  alloc(length: number): Float64Array {
    const at = this.reserve(length * 8);
    return new Float64Array(this.memory.buffer, at, length);
  }

  /** A zeroed float32 array of `length` living in this memory (a float32 model's arrays; valid for the arena's life). */
  alloc32(length: number): Float32Array {
    const at = this.reserve(length * 4);
    return new Float32Array(this.memory.buffer, at, length);
  }

  /** A zeroed int32 array of `length` living in this memory (valid for the arena's life). */
  allocIndex(length: number): Int32Array {
    const at = this.reserve(length * 4);
    return new Int32Array(this.memory.buffer, at, length);
  }

  /** Byte address of `slot` with room for `bytes`, replacing it by a bigger region when needed. */
  scratch(slot: Scratch, bytes: number): number {
    if (bytes > slot.bytes) {
      slot.at = this.reserve(bytes);
      slot.bytes = bytes;
    }
    return slot.at;
  }
}
