"""NN Lab's random number generator (src/core/rng.ts) in Python: xoshiro128** seeded through splitmix32,
53-bit uniforms, Box-Muller normals and the Fisher-Yates shuffle, so the exported script draws the same
validation split, initial weights, shuffles and noise as NN Lab. The one Python port: the exported script
embeds it, and the test fixtures (test/fixtures/make_optimizer_fixtures.py) import it.
"""
import math

# ---- exported ----

_MASK32 = 0xFFFFFFFF


def _rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & _MASK32


class NNLabRng:
    """xoshiro128** (Blackman & Vigna) over four uint32 words, seeded from one integer by splitmix32,
    exactly as NN Lab's Rng: the same seed gives the same numbers."""

    def __init__(self, seed):
        x = int(seed) & _MASK32
        words = []
        for _ in range(4):
            x = (x + 0x9E3779B9) & _MASK32
            z = x
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & _MASK32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & _MASK32
            words.append(z ^ (z >> 16))
        self.s = words

    def next_u32(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl32((s1 * 5) & _MASK32, 7) * 9) & _MASK32
        t = (s1 << 9) & _MASK32
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s = [s0, s1, s2, _rotl32(s3, 11)]
        return result

    def uniform(self):
        """Uniform in [0, 1) from 53 random bits: (a 2^26 + b) / 2^53, a = u32 >> 5, b = u32 >> 6."""
        a = self.next_u32() >> 5
        b = self.next_u32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def normal(self):
        """Standard normal by Box-Muller, no cached second value: sqrt(-2 ln u1) cos(2 pi u2), u1 in (0, 1]."""
        u1 = 1 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def int(self, n):
        """Uniform integer in [0, n)."""
        return math.floor(self.uniform() * n)

    def shuffle(self, a):
        """Fisher-Yates shuffle of the list a in place."""
        for i in range(len(a) - 1, 0, -1):
            j = self.int(i + 1)
            a[i], a[j] = a[j], a[i]
