// AssemblyScript entry point (compiled by asc in scripts/build.mjs, not by tsc): the exports of
// the WebAssembly SIMD dense kernel. Every routine works on byte addresses in the imported
// memory that the JavaScript side (../wasm-kernel.ts) lays out; nothing here allocates.
export { gemm64, fillRows64, transpose64 } from './gemm64';
export { gemm32, fillRows32, transpose32, demote, promote } from './gemm32';
export { firstNonFinite64 } from './finite';
export { reluForward64, reluBackward64 } from './relu';
export { dropoutForward64, dropoutBackward64 } from './dropout';
export { batchNormForward64, batchNormBackward64 } from './batch-norm';
export { im2col64, im2col32, col2im64, convOutput64, convOutputGrad64, convOutputGrad32, maxPoolForward64, maxPoolBackward64 } from './conv';
export { sgdStep, msgdStep, nagStep, adamStep, amsgradStep, adamaxStep, nadamStep, boundStep } from './optimizer-steps';
