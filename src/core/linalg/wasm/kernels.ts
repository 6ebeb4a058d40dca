// AssemblyScript entry point (compiled by asc in scripts/build.mjs, not by tsc): the exports of
// the WebAssembly SIMD dense kernel. Every routine works on byte addresses in the imported
// memory that the JavaScript side (../wasm-kernel.ts) lays out; nothing here allocates.
// Names ending in 32 (and im2colF32, convOutputGrad32f) take float32 data arrays: the numbers of
// the layers' TypeScript loops run on Float32Array, bit for bit.
export { gemm64, fillRows64, transpose64 } from './gemm64';
export { gemm32, gemm32to, fillRows32, transpose32, demote, promote } from './gemm32';
export { firstRunaway64, firstRunaway32 } from './finite';
export { reluForward64, reluBackward64, reluForward32, reluBackward32 } from './relu';
export { dropoutForward64, dropoutBackward64, dropoutForward32, dropoutBackward32 } from './dropout';
export { batchNormForward64, batchNormBackward64 } from './batch-norm';
export { batchNormForward32, batchNormBackward32 } from './batch-norm32';
export { im2col64, im2col32, col2im64, convOutput64, convOutputGrad64, maxPoolForward64, maxPoolBackward64 } from './conv';
export { im2colF32, col2im32, convOutput32, convOutputGrad32f, maxPoolForward32, maxPoolBackward32 } from './conv32';
export { im2colRuns32, col2imRuns32 } from './conv32-runs';
export { avgPoolForward64, avgPoolForward32, avgPoolBackward64, avgPoolBackward32 } from './avg-pool';
export { sgdStep, msgdStep, nagStep, adamStep, amsgradStep, adamaxStep, nadamStep, boundStep } from './optimizer-steps';
