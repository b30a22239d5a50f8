"""Near-duplicate articles (syndicated copies) by MinHash over word shingles, with LSH banding.

A syndicated copy shares almost all of its 5-word shingles with the original, while two
independent reports of the same incident share almost none, so the Jaccard similarity of the
shingle sets separates the two cases well (threshold ~0.8, as in datasketch's examples).
This is a small numpy implementation of the scheme datasketch implements, so that presslens
needs neither datasketch nor the scipy it pulls in.

Candidates come from LSH banding (16 bands of 4 rows: a pair with Jaccard 0.8 becomes a
candidate with probability > 0.999, one with 0.3 with about 0.12) and are then confirmed with
the exact Jaccard of the shingle sets, so the estimate never decides alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from presslens.incidents.tokens import tokenize

_SHIFT = np.uint64(32)
_MASK32 = np.uint64(0xFFFFFFFF)
#: Odd 64-bit multipliers mixing the word hashes of one shingle (any fixed odd constants do).
_MIXERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)  # fmt: skip
#: Shingles hashed per numpy call: bounds memory at ``permutations × chunk × 8`` bytes.
_CHUNK = 50_000

Shingles = NDArray[np.uint64]


class MinHasher:
    """MinHash signatures with fixed, seeded hash functions, over word shingles.

    The hash functions are multiply-shift ones, ``(a·x + b) mod 2⁶⁴ >> 32`` for random odd
    64-bit ``a``: as good as datasketch's ``(a·x + b) mod p`` for estimating Jaccard, and much
    faster in numpy because they need no modulo.
    """

    def __init__(self, *, shingle_words: int = 5, permutations: int = 64, seed: int = 1) -> None:
        if not 1 <= shingle_words <= len(_MIXERS):
            raise ValueError(f"shingle_words must be 1..{len(_MIXERS)}, got {shingle_words}")
        self.shingle_words = shingle_words
        rng = np.random.default_rng(seed)
        high = np.iinfo(np.uint64).max
        self._a = rng.integers(0, high, size=(permutations, 1), dtype=np.uint64, endpoint=True)
        self._a |= np.uint64(1)
        self._b = rng.integers(0, high, size=(permutations, 1), dtype=np.uint64, endpoint=True)

    @property
    def permutations(self) -> int:
        return int(self._a.shape[0])

    def shingles(self, words: NDArray[np.uint64]) -> Shingles:
        """Sorted distinct 32-bit hashes of the ``shingle_words``-word shingles of a text.

        ``words`` are the text's word hashes in order (:meth:`Tokenized.word_hashes`). A text
        shorter than one shingle is one shingle of all its words; an empty text has none.
        """
        if words.size == 0:
            return words
        width = min(self.shingle_words, int(words.size))
        count = int(words.size) - width + 1
        mixed = np.zeros(count, dtype=np.uint64)
        for offset in range(width):
            mixed ^= words[offset : offset + count] * _MIXERS[offset]
        folded = (mixed >> _SHIFT) ^ (mixed & _MASK32)
        return np.unique(folded)

    def text_shingles(self, texts: Sequence[str]) -> list[Shingles]:
        """The shingle sets of several texts (see :meth:`shingles`)."""
        tokenized = tokenize(texts)
        table = tokenized.word_hashes()
        return [self.shingles(table[ids]) for ids in tokenized.texts]

    def signatures(self, shingle_sets: Sequence[Shingles]) -> NDArray[np.uint64]:
        """One MinHash signature row per shingle set (an empty set gets all-max values)."""
        sizes = np.array([s.size for s in shingle_sets], dtype=np.int64)
        out = np.full((len(shingle_sets), self.permutations), _MASK32, dtype=np.uint64)
        filled = np.flatnonzero(sizes)
        start = 0
        while start < filled.size:
            stop, total = start, 0
            while stop < filled.size and (stop == start or total + sizes[filled[stop]] <= _CHUNK):
                total += int(sizes[filled[stop]])
                stop += 1
            rows = filled[start:stop]
            values = np.concatenate([shingle_sets[i] for i in rows])
            hashed = (self._a * values[None, :] + self._b) >> _SHIFT
            offsets = np.concatenate(([0], np.cumsum(sizes[rows])[:-1]))
            out[rows] = np.minimum.reduceat(hashed, offsets, axis=1).T
            start = stop
        return out


def jaccard(a: Shingles, b: Shingles) -> float:
    """Exact Jaccard similarity of two sorted, distinct shingle-hash arrays."""
    if a.size == 0 or b.size == 0:
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared)


def near_duplicate_pairs(
    texts: Sequence[str],
    *,
    threshold: float = 0.8,
    hasher: MinHasher | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)`` of texts, ``i < j``, whose shingle Jaccard is ≥ ``threshold``."""
    hasher = hasher or MinHasher()
    return similar_pairs(hasher.text_shingles(texts), threshold=threshold, hasher=hasher)


def similar_pairs(
    shingle_sets: Sequence[Shingles],
    *,
    threshold: float = 0.8,
    hasher: MinHasher | None = None,
    bands: int = 16,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)``, ``i < j``, of shingle sets with Jaccard ≥ ``threshold``.

    No all-pairs comparison: only pairs that agree on a whole LSH band are checked.
    """
    hasher = hasher or MinHasher()
    if hasher.permutations % bands:
        raise ValueError(f"bands ({bands}) must divide permutations ({hasher.permutations})")
    signatures = hasher.signatures(shingle_sets)
    rows = hasher.permutations // bands
    filled = np.flatnonzero([s.size for s in shingle_sets])
    candidates: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        block = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        for index in filled:
            buckets[block[index].tobytes()].append(int(index))
        for members in buckets.values():
            candidates.update(
                (members[i], members[j])
                for i in range(len(members))
                for j in range(i + 1, len(members))
            )
    pairs = []
    for i, j in sorted(candidates):
        similarity = jaccard(shingle_sets[i], shingle_sets[j])
        if similarity >= threshold:
            pairs.append((i, j, similarity))
    return pairs
