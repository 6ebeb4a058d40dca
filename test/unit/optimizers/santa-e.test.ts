import { Rng } from '../../../src/core/rng';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SantaE', () => {
  it('first step by hand (exploration, seed 3)', () => {
    // Defaults η = 0.01, σ = 0.95, λ = 1e-8, anne_rate = 0.5, burnin = 100, C = 5, N = 16.
    // p = [1, −1], g = [0.5, −2], t = 1 → β = 1, η/β = 0.01.
    // Rng(3) normals (test/fixtures/rng.py): z = −1.1828885738527, 0.7897999051396, 1.0409593095696, …
    // First use: u = √η·[z₁, z₂] = [−0.11828885738527, 0.07897999051396];  α = √η·C = 0.5
    // v = (1 − σ)·g²/N² = 0.05·[0.25, 4]/256 = [4.8828125e-5, 7.8125e-4]
    // G = 1/√(λ + √v) = 1/√([0.00698771242, 0.02795084972] + 1e-8) = [11.96278168990, 5.98139405490]
    // α ← α + u² − η/β = [0.5039922537815, 0.4962378389016]
    // G_prev = 0, so: u' = η/β·1/u + √0·z + (1 − α)·u − η·G·g
    //   u'₀ = 0.01/(−0.11828885739) + 0 + 0.49600774622·(−0.11828885739) − 0.01·11.9627816899·0.5
    //       = −0.0845387168 − 0.0586721910 − 0.0598139084 = −0.2030249144
    //   u'₁ = 0.01/0.07897999051 + 0.50376216110·0.07897999051 + 0.01·5.9813940549·2
    //       = 0.1266143467 + 0.0397871982 + 0.1196278811 = 0.2860293598
    // (the noise draws z₃, z₄ are taken but multiplied by √(2·η/β·G_prev) = 0)
    // p ← p + G·u' = [1 + 11.9627816899·(−0.2030249144), −1 + 5.9813940549·0.2860293598]
    //   = [−1.4287427290, 0.7108543120]
    assertCloseArray(firstStep('SantaE', {}, [1, -1], [0.5, -2], { rng: new Rng(3) }), [-1.428742728963487, 0.7108543119510848], 1e-12);
  });

  it('first step by hand in refinement (burnin = 0): u′ = (1 − α)·u − η·G·g, α unchanged', () => {
    // Same u and G as above; α = 0.5: u'₀ = 0.5·(−0.11828885739) − 0.0598139084 = −0.1189583371
    //                                  u'₁ = 0.5·0.07897999051 + 0.1196278811 = 0.1591178764
    // p = [1 + 11.9627816899·(−0.1189583371), −1 + 5.9813940549·0.1591178764] = [−0.4230726174, −0.0482532803]
    // (no noise is drawn in refinement: only the two u draws)
    const p = firstStep('SantaE', { burnin: 0 }, [1, -1], [0.5, -2], { rng: new Rng(3) });
    assertCloseArray(p, [-0.4230726174254, -0.0482532803418], 1e-11);
  });

  fixtureTests('SantaE');

  const draws = (burnin: number) => (t: number, size: number, first: boolean) => (first ? size : 0) + (t < burnin ? size : 0);
  it('keeps separate state per tensor, exploration and refinement (same noise dealt to each tensor)', () =>
    assertSeparateState('SantaE', { burnin: 5, eta: 1e-3 }, draws(5)));
});
