/**
 * The cross-build comparison of the WebAssembly kernel (plain SIMD vs relaxed SIMD), shared by the
 * unit test (test/unit/kernel-relaxed.test.ts) and the end-to-end stage (test/e2e/kernel-relaxed.test.ts).
 * Relaxed SIMD needs Node ≥ 22: the comparison runs relaxed-builds-main.ts under this process's
 * Node when its engine validates the relaxed build, else under the test host's Node 24
 * (scripts/vscode-host/paths.ts: `.nn-lab-host/` at the repository root, or NN_LAB_HOST_DIR),
 * which `npm test` installs in its end-to-end stage.
 *
 * Tolerances, stated:
 * - float64: the relaxed build runs the plain build's float64 code, so products and whole-run
 *   loss histories must be bit-identical;
 * - float32 products: |ĉ_relaxed − ĉ_plain| ≤ 4(k + 1)·u·(|bias| + Σ_q |â_q||b̂_q|), u = 2⁻²⁴
 *   (see relaxed-builds-main.ts), and on a CPU with FMA some entries must differ (the fused
 *   build really fuses);
 * - float32 training (spiral.nn.json, both losses every epoch): relative difference ≤ 1e-4 over
 *   the first `HISTORY_EPOCHS_32` epochs. A float32 model stores every weight and moment in float32,
 *   so a last-bit difference of one product changes a stored weight and the two runs part like any
 *   two chaotic trajectories (spiral's Adam at α = 0.01 is noisy): measured on x86-64 with FMA, the
 *   worse of the two losses differs by 7e-9 relative after epoch 1, 2e-6 at 20, 4e-4 at 30 and 3e-2
 *   at 37, then stays near 1e-2.
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { wasmKernelAvailable } from '../../src/core/linalg/wasm-module';
import { node24 } from '../../scripts/vscode-host/paths';
import type { CrossBuildReport } from './relaxed-builds-main';
import { HISTORY_EPOCHS_32, HISTORY_TOLERANCE_32 } from './relaxed-builds-limits';
import { runProcess } from './run-process';
import { useTempDir } from './temp-dir';

/** A Node binary whose engine has relaxed SIMD: this one, or the test host's Node 24; undefined when neither. */
export function relaxedNode(): string | undefined {
  if (wasmKernelAvailable('relaxed-simd')) return process.execPath;
  return existsSync(node24) ? node24 : undefined;
}

/** True when the CPU fuses multiply–adds (x86 `fma` flag, or any arm64, whose SIMD always has fused forms). */
function cpuHasFma(): boolean {
  if (process.arch === 'arm64') return true;
  try {
    return /^flags\s*:.*\bfma\b/m.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Registers the comparison's tests. With `required`, a missing relaxed-capable Node fails the
 * test (the e2e stage, after the host install); without, the test is skipped with a message
 * saying why and where the comparison runs instead.
 */
export function describeCrossBuild(required: boolean): void {
  describe('the relaxed-SIMD build vs the plain SIMD build of the WebAssembly kernel', function () {
    this.timeout(180_000);
    const tmp = useTempDir('relaxed-builds');
    let report: CrossBuildReport | undefined;

    before(async function () {
      const node = relaxedNode();
      if (!node) {
        const why = `no Node with relaxed SIMD here (this is ${process.version}; the test host's Node 24 is not installed at ${node24})`;
        if (required) assert.fail(`${why}: run \`npm run test:host\` first`);
        console.log(`      skipped: ${why}; the e2e stage (test/e2e/kernel-relaxed.test.ts) runs this comparison after installing it`);
        this.skip();
      }
      const script = join(__dirname, 'relaxed-builds-main.ts');
      const result = await runProcess(node, ['--require', require.resolve('tsx/cjs'), script], tmp.path, { timeoutMs: 170_000 });
      assert.equal(result.code, 0, `${node} ${script} failed:\n${result.err}`);
      report = JSON.parse(result.out) as CrossBuildReport;
    });

    it('names each build: wasm64/wasm32 and wasm64-relaxed/wasm32-relaxed', () => {
      assert.deepEqual(report!.names, {
        simd: { float64: 'wasm64', float32: 'wasm32' },
        'relaxed-simd': { float64: 'wasm64-relaxed', float32: 'wasm32-relaxed' },
      });
    });

    it('float64: the products and a 60-epoch loss history are bit-identical', () => {
      const p = report!.products.float64;
      assert.equal(p.differing, 0, `${p.differing} of ${p.entries} float64 product entries differ`);
      assert.ok(report!.histories.float64.identical, `float64 losses differ by up to ${report!.histories.float64.worstRelative} relative`);
    });

    it('float32: every product entry within 4(k+1)·u·(|bias| + Σ|a||b|) of the plain build; fused where the CPU has FMA', () => {
      const p = report!.products.float32;
      assert.ok(p.worstRatio <= 1, `worst |Δ| is ${p.worstRatio} × the bound`);
      if (cpuHasFma()) assert.ok(p.differing > 0, 'no float32 entry differs: the relaxed build does not fuse its multiply–adds');
    });

    it(`float32: a ${HISTORY_EPOCHS_32}-epoch loss history within ${HISTORY_TOLERANCE_32} relative of the plain build`, () => {
      const h = report!.histories.float32;
      assert.ok(h.worstRelative <= HISTORY_TOLERANCE_32, `worst relative loss difference ${h.worstRelative}`);
    });
  });
}
