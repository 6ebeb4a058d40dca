/**
 * Reusable per-batch storage: a layer keeps one of these per intermediate array and asks for
 * exactly `length` entries each batch. Storage grows when needed and is otherwise reused, so a
 * smaller last batch costs a view, not a new allocation of the data. Storage comes from
 * `allocate` (default `new Float64Array`), e.g. a WebAssembly kernel's memory.
 */
import type { FloatArray } from '../linalg/float-array';
export class BatchBuffer {
  private storage: FloatArray = new Float64Array(0);
  private current: FloatArray = new Float64Array(0);

  constructor(private readonly allocate: (length: number) => FloatArray = (length) => new Float64Array(length)) {}

  /** The buffer's current view (length as last requested by `fit`). */
  get view(): FloatArray {
    return this.current;
  }

  /** A view of exactly `length` entries over reused storage (contents are unspecified). */
  fit(length: number): FloatArray {
    if (length === this.current.length) return this.current;
    if (length > this.storage.length) this.storage = this.allocate(length);
    this.current = length === this.storage.length ? this.storage : this.storage.subarray(0, length);
    return this.current;
  }
}

/** Integer counterpart of `BatchBuffer` (e.g. maxout's arg-max indices). */
export class IndexBuffer {
  private storage: Int32Array = new Int32Array(0);
  private current: Int32Array = new Int32Array(0);

  constructor(private readonly allocate: (length: number) => Int32Array = (length) => new Int32Array(length)) {}

  /** A view of exactly `length` entries over reused storage (contents are unspecified). */
  fit(length: number): Int32Array {
    if (length === this.current.length) return this.current;
    if (length > this.storage.length) this.storage = this.allocate(length);
    this.current = length === this.storage.length ? this.storage : this.storage.subarray(0, length);
    return this.current;
  }
}
