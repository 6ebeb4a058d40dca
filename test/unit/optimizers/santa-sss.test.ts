import { Rng } from '../../../src/core/rng';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SantaSSS', () => {
  it('first step by hand (exploration, seed 3)', () => {
    // Defaults η = 0.01, σ = 0.95, λ = 1, anne_rate = 0.5, burnin = 100, C = 5, N = 16.
    // p = [1, −1], g = [0.5, −2], t = 1 → β = 1, η/β = 0.01.  Rng(3) normals: −1.1828885738527, 0.7897999051396, 1.0409593095696, 1.0317280847194
    // u = √η·z = [−0.11828885738527, 0.07897999051396];  α = 0.5;  G = [0.99652434836, 0.98631088275] (as SantaE)
    // α ← α + (u² − η/β)/2 = [0.5019961268908, 0.4981189194508];  e^(−α/2) = [0.7780238782432, 0.7795336211516]
    // inner = e^(−α/2)·u − G·g·η + √(2·G_prev·η/β)·z + η/β·(1 − G_prev/G)/u   (first step: G_prev = G, no kick)
    //   i=0: −0.09203156 − 0.00498262 + 0.14695782 + 0 = 0.04994365
    //   i=1:  0.06156756 + 0.01972622 + 0.14490627 + 0 = 0.22620004
    // u' = e^(−α/2)·inner = [0.03885735, 0.17633054]
    // p ← p + G·u'/2 = [1.01936115, −0.91304164]
    assertCloseArray(firstStep('SantaSSS', {}, [1, -1], [0.5, -2], { rng: new Rng(3) }), [1.0193611469892212, -0.913041636234144], 1e-7);
  });

  it('first step by hand in refinement (burnin = 0): u′ = e^(−α/2)·(e^(−α/2)·u − G·g·η)', () => {
    // α = 0.5 stays; e^(−0.25) = 0.7788007830714
    // i=0: u' = 0.7788007831·(−0.09212345 − 0.00498262) = 0.7788007831·(−0.09710608) = −0.07562629
    // i=1: u' = 0.7788007831·(0.06150968 + 0.01972622) = 0.7788007831·0.08123590 = 0.06326658
    // p = [1 + 0.5·0.99652435·(−0.07562629), −1 + 0.5·0.98631088·0.06326658] = [0.96231828, −0.96879974]
    assertCloseArray(firstStep('SantaSSS', { burnin: 0 }, [1, -1], [0.5, -2], { rng: new Rng(3) }), [0.9623182811064508, -0.9687997420587112], 1e-7);
  });

  fixtureTests('SantaSSS');

  const draws = (burnin: number) => (t: number, size: number, first: boolean) => (first ? size : 0) + (t < burnin ? size : 0);
  it('keeps separate state per tensor, exploration and refinement (same noise dealt to each tensor)', () =>
    assertSeparateState('SantaSSS', { burnin: 5, eta: 1e-3 }, draws(5)));
});
