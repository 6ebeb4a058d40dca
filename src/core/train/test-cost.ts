/**
 * When the test set is evaluated every epoch. A forward pass costs about a third of a training step
 * (forward + backward), so evaluating n_test samples costs about n_test / (3·n_train) of an epoch.
 */

/** Test sets this small are always evaluated every epoch. */
export const SMALL_TEST_SET = 2000;

/** Largest share of an epoch's time the per-epoch test evaluation may take (≈ n_test / (3·n_train)). */
export const TEST_COST_SHARE = 0.1;

/**
 * True when the test set is evaluated after every epoch: n_test ≤ 2000, or n_test ≤ 3·0.1·n_train
 * (its forward pass then costs at most ~10 % of an epoch). Otherwise only after the last epoch.
 */
export function testEveryEpoch(testSamples: number, trainSamples: number): boolean {
  return testSamples <= SMALL_TEST_SET || testSamples <= 3 * TEST_COST_SHARE * trainSamples;
}
