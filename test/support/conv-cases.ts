/** Convolution cases shared by the layer and kernel tests. */
import type { Padding } from '../../src/core/layers/conv-geometry';

/** One convolution case: input [c, h, w], filters, kernel, stride, padding. */
export interface ConvCase {
  input: [number, number, number];
  filters: number;
  kernel: [number, number];
  stride: [number, number];
  padding: Padding;
}

/** Odd sizes, strides 1 and 2, every kind of padding, one to three channels: the kernel tests' common cases. */
export const KERNEL_CONV_CASES: readonly ConvCase[] = [
  { input: [1, 5, 5], filters: 2, kernel: [3, 3], stride: [1, 1], padding: 'valid' },
  { input: [2, 6, 5], filters: 3, kernel: [3, 3], stride: [1, 1], padding: 'same' },
  { input: [2, 7, 7], filters: 4, kernel: [3, 3], stride: [2, 2], padding: 1 },
  { input: [3, 5, 6], filters: 3, kernel: [4, 3], stride: [1, 2], padding: 2 },
];
