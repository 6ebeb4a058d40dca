/**
 * The two builds of the WebAssembly kernel (wasm-module.ts): the choice at run time, and (through
 * test/support/relaxed-builds.ts, under a Node with relaxed SIMD) the comparison of their numbers.
 * Under this machine's Node 20 the relaxed build does not validate, so the plain build runs; the
 * comparison then runs under the test host's Node 24 when it is installed (`.nn-lab-host/`), and
 * is skipped with a message otherwise; test/e2e/kernel-relaxed.test.ts runs it after `npm test`
 * has installed the host, so it never goes unchecked.
 */
import { strict as assert } from 'assert';
import { createKernel } from '../../src/core/linalg/default-kernel';
import { createWasmKernel } from '../../src/core/linalg/wasm-kernel';
import { kernelBytes, kernelModule, preferredBuild, wasmApi, wasmKernelAvailable } from '../../src/core/linalg/wasm-module';
import { describeCrossBuild } from '../support/relaxed-builds';

describe('choosing the build of the WebAssembly kernel', () => {
  const relaxedHere = wasmApi()!.validate(kernelBytes('relaxed-simd'));

  it('embeds two different modules; the plain one validates here', () => {
    assert.ok(wasmApi()!.validate(kernelBytes('simd')));
    assert.notDeepEqual(kernelBytes('simd'), kernelBytes('relaxed-simd'));
  });

  it(`prefers relaxed SIMD exactly where the engine validates it (here: ${relaxedHere ? 'yes' : 'no'}, Node ${process.version})`, () => {
    assert.equal(wasmKernelAvailable('relaxed-simd'), relaxedHere);
    assert.equal(preferredBuild(), relaxedHere ? 'relaxed-simd' : 'simd');
    assert.equal(kernelModule(), kernelModule(preferredBuild()));
    const suffix = relaxedHere ? '-relaxed' : '';
    assert.equal(createWasmKernel({ precision: 'float64' })!.name, `wasm64${suffix}`);
    assert.equal(createWasmKernel({ precision: 'float32' })!.name, `wasm32${suffix}`);
    assert.equal(createKernel('float32').name, `wasm32${suffix}`);
    // Asked for explicitly: the plain build always, the relaxed one only where it validates.
    assert.equal(createWasmKernel({ precision: 'float32', build: 'simd' })!.name, 'wasm32');
    assert.equal(createWasmKernel({ precision: 'float32', build: 'relaxed-simd' })?.name, relaxedHere ? 'wasm32-relaxed' : undefined);
  });

  it('NN_LAB_WASM=simd forces the plain build', () => {
    const before = process.env.NN_LAB_WASM;
    process.env.NN_LAB_WASM = 'simd';
    try {
      assert.equal(preferredBuild(), 'simd');
      const k = createWasmKernel({ precision: 'float32' })!;
      assert.equal(k.name, 'wasm32');
      assert.equal(k.module, kernelModule('simd'));
    } finally {
      if (before === undefined) delete process.env.NN_LAB_WASM;
      else process.env.NN_LAB_WASM = before;
    }
  });
});

describeCrossBuild(false);
