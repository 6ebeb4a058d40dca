/**
 * The end-to-end stage's run of the cross-build comparison of the WebAssembly kernel (see
 * test/support/relaxed-builds.ts): by now `npm test` has installed the test host and its Node 24,
 * whose engine has relaxed SIMD, so a missing relaxed-capable Node fails here instead of skipping.
 * The unit suite runs the same comparison earlier when the host is already installed.
 */
import { describeCrossBuild } from '../support/relaxed-builds';

describeCrossBuild(true);
