import { Rng } from '../../../src/core/rng';
import { assertCloseArray, assertSeparateState, firstStep, fixtureTests } from './helpers';

describe('optimizer SantaSSS', () => {
  it('first step by hand (exploration, seed 3)', () => {
    // Defaults η = 0.01, σ = 0.95, λ = 1e-8, anne_rate = 0.5, burnin = 100, C = 5, N = 16.
    // p = [1, −1], g = [0.5, −2], t = 1 → β = 1, η/β = 0.01.  Rng(3) normals: −1.1828885738527, 0.7897999051396, …
    // u = √η·z = [−0.11828885738527, 0.07897999051396];  α = 0.5;  G = [11.96278168990, 5.98139405490] (as SantaE)
    // α ← α + (u² − η/β)/2 = [0.5019961268908, 0.4981189194508];  e^(−α/2) = [0.7780238782432, 0.7795336211516]
    // inner = e^(−α/2)·u − G·g·η + √(2·G_prev·η/β)·z + η/β·(1 − G_prev/G)/u   (G_prev = 0)
    //   i=0: −0.0920315555759 − 0.0598139084495 + 0 − 0.0845388164282 = −0.2363842804536
    //   i=1:  0.0615675580039 + 0.1196278810980 + 0 + 0.1266143479497 =  0.3078097870516
    // u' = e^(−α/2)·inner = [−0.1839126146343, 0.2399480779262]
    // p ← p + G·u'/2 = [1 − 1.1000532294444, −1 + 0.7176120033964] = [−0.1000532294444, −0.2823879966036]
    assertCloseArray(firstStep('SantaSSS', {}, [1, -1], [0.5, -2], { rng: new Rng(3) }), [-0.1000532294444, -0.2823879966036], 1e-11);
  });

  it('first step by hand in refinement (burnin = 0): u′ = e^(−α/2)·(e^(−α/2)·u − G·g·η)', () => {
    // α = 0.5 stays; e^(−0.25) = 0.7788007830714
    // i=0: u' = 0.7788007831·(0.7788007831·(−0.1182888574) − 0.0598139084)
    //         = 0.7788007831·(−0.0921234548 − 0.0598139084) = 0.7788007831·(−0.1519373632) = −0.1183289374
    // i=1: u' = 0.7788007831·(0.7788007831·0.0789799905 + 0.1196278811)
    //         = 0.7788007831·(0.0615096784 + 0.1196278811) = 0.7788007831·0.1811375596 = 0.1410700732
    // p = [1 + 0.5·11.9627816899·(−0.1183289374), −1 + 0.5·5.9813940549·0.1410700732] = [0.2922283769, −0.5781021513]
    assertCloseArray(firstStep('SantaSSS', { burnin: 0 }, [1, -1], [0.5, -2], { rng: new Rng(3) }), [0.2922283769, -0.5781021513], 1e-9);
  });

  fixtureTests('SantaSSS');

  const draws = (burnin: number) => (t: number, size: number, first: boolean) => (first ? size : 0) + (t < burnin ? size : 0);
  it('keeps separate state per tensor, exploration and refinement (same noise dealt to each tensor)', () =>
    assertSeparateState('SantaSSS', { burnin: 5, eta: 1e-3 }, draws(5)));
});
