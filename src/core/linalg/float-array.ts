/**
 * The arrays the core computes on. A model of `"precision": "float64"` keeps every array
 * (weights, gradients, activations, optimizer state) in Float64Array; a `"float32"` model built
 * on the WebAssembly kernel keeps them all in Float32Array. Code that only indexes, reads and
 * writes works on either: arithmetic runs in double and a Float32Array rounds each stored value
 * to the nearest float32 (for one +, −, ×, ÷ or √ that is exactly the float32 operation's result).
 */
export type FloatArray = Float64Array | Float32Array;

/** A zeroed array of `length` of the same element type as `like`. */
export function zerosLike(like: FloatArray, length: number): FloatArray {
  return like instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
}
