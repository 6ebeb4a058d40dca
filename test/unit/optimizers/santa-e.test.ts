import { Rng } from '../../../src/core/rng';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SantaE', () => {
  it('first step by hand (exploration, seed 3)', () => {
    // Defaults η = 0.01, σ = 0.95, λ = 1, anne_rate = 0.5, burnin = 100, C = 5, N = 16.
    // p = [1, −1], g = [0.5, −2], t = 1 → β = 1, η/β = 0.01.
    // Rng(3) normals (NNLabRng of src/core/export/pytorch/python/rng.py): z = −1.1828885738527, 0.7897999051396, 1.0409593095696, 1.0317280847194
    // First use: u = √η·[z₁, z₂] = [−0.11828885738527, 0.07897999051396];  α = √η·C = 0.5
    // v = (1 − σ)·g²/N² = 0.05·[0.25, 4]/256 = [4.8828125e-5, 7.8125e-4]
    // G = 1/√(λ + √v) = 1/√(1 + [0.00698771242, 0.02795084972]) = [0.99652434836, 0.98631088275]
    // α ← α + u² − η/β = [0.5039922537815, 0.4962378389016]  (inside [0, 2]: no clipping)
    // First step: G_prev = G, so the kick η/β·(1 − G_prev/G)/u is 0 and the noise is √(2·η/β·G)·z₃,₄
    //   = [0.14117... ·1.04095930957, 0.14045... ·1.03172808472] = [0.14695782, 0.14490627]
    // u' = noise + (1 − α)·u − η·G·g
    //   u'₀ = 0.14695782 − 0.05867219 − 0.00498262 = 0.08330301
    //   u'₁ = 0.14490627 + 0.03978713 + 0.01972622 = 0.20441961
    // p ← p + G·u' = [1 + 0.99652435·0.08330301, −1 + 0.98631088·0.20441961] = [1.0830135, −0.7983787]
    assertCloseArray(firstStep('SantaE', {}, [1, -1], [0.5, -2], { rng: new Rng(3) }), [1.0830134790424604, -0.7983787105349957], 1e-7);
  });

  it('first step by hand in refinement (burnin = 0): u′ = (1 − α)·u − η·G·g, α unchanged', () => {
    // Same u and G as above; α = 0.5: u'₀ = 0.5·(−0.11828885739) − 0.00498262 = −0.06412705
    //                                  u'₁ = 0.5·0.07897999051 + 0.01972622 = 0.05921621
    // p = [1 + 0.99652435·(−0.06412705), −1 + 0.98631088·0.05921621] = [0.93609583, −0.94159440]
    // (no noise is drawn in refinement: only the two u draws)
    const p = firstStep('SantaE', { burnin: 0 }, [1, -1], [0.5, -2], { rng: new Rng(3) });
    assertCloseArray(p, [0.9360958328538614, -0.9415944047694944], 1e-7);
  });

  it('clips the friction α to [0, 2]: a huge first momentum does not grow without bound', () => {
    // With C = 100, α = √η·C = 10 > 2: unclipped, (1 − α)·u would multiply u by −9 at each step.
    const p = firstStep('SantaE', { C: 100, burnin: 0 }, [1, -1], [0, 0], { rng: new Rng(3) });
    // u' = (1 − 2)·u − 0 = −u, so p moves by G·(−u) with G = 1 (g = 0, v = 0, λ = 1).
    assertCloseArray(p, [1 + 0.1182888573852719, -1 - 0.0789799905139641], 1e-12);
  });

  fixtureTests('SantaE');

  const draws = (burnin: number) => (t: number, size: number, first: boolean) => (first ? size : 0) + (t < burnin ? size : 0);
  it('keeps separate state per tensor, exploration and refinement (same noise dealt to each tensor)', () =>
    assertSeparateState('SantaE', { burnin: 5, eta: 1e-3 }, draws(5)));
});
