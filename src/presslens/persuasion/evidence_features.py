"""Token features of the evidence tagger, shared by training and analysis.

A paragraph is cut into ``\\w+`` words and single punctuation marks (one regex for every
language, so Russian and Polish inflections are words like any other) and into sentences.
Every token gets a fixed number of hashed feature ids (its word, prefix, suffix, shape, its
neighbours, the bigrams around it, whether it is inside quotes, where it sits in its sentence),
and every sentence a bag of its words, whose weights every token of the sentence shares: that
is what lets a clause-long technique such as Doubt light up as a whole.

Hashing is ``zlib.crc32`` on the strings and a fixed integer mixer on top, never Python's
``hash()``, which changes from process to process: the model file would not match itself.
A feature id is technique-free here; :func:`technique_indices` salts it with the technique
(and with a shared salt) to index the weight table.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

#: One token: a run of word characters, or one other non-space character.
TOKEN = re.compile(r"\w+|[^\w\s]")
#: Changes whenever the features below change, so an old model file is refused, not misread.
FEATURE_VERSION = 1
#: Hashed features per token (the columns of :attr:`ParagraphTokens.token_features`).
N_TOKEN_FEATURES = 16

_QUOTES = frozenset('"«»“”„‘’‹›')
_SENTENCE_END = frozenset(".!?…")
_MASK = np.uint64(0xFFFFFFFF)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_BOUNDARY = zlib.crc32(b"w:<boundary>")


@dataclass(frozen=True, slots=True)
class ParagraphTokens:
    """A paragraph as the tagger sees it.

    ``offsets`` are ``(start, end)`` of each token in the text the paragraph was cut from;
    ``is_word`` is False for punctuation tokens, which evidence spans do not start or end on;
    ``token_features`` is ``(n_tokens, N_TOKEN_FEATURES)`` of technique-free ids;
    ``sentence_of`` maps each token to its sentence; ``bag_features``/``bag_sentence`` list
    the word ids of every sentence and the sentence each belongs to.
    """

    offsets: np.ndarray
    is_word: np.ndarray
    token_features: np.ndarray
    sentence_of: np.ndarray
    bag_features: np.ndarray
    bag_sentence: np.ndarray

    @property
    def n_sentences(self) -> int:
        return int(self.sentence_of[-1]) + 1 if len(self.sentence_of) else 0


def mix(values: np.ndarray, salt: int) -> np.ndarray:
    """A well-spread 32-bit id from ``values`` and a salt (splitmix64 finaliser, wrapping)."""
    offset = np.uint64((salt * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    x = (values.astype(np.uint64) + offset) * _MIX
    x ^= x >> np.uint64(31)
    x *= _GOLDEN
    x ^= x >> np.uint64(29)
    return x & _MASK


def technique_indices(features: np.ndarray, salt: int, bits: int) -> np.ndarray:
    """Rows of weight-table indices for technique-free ``features`` under one salt."""
    return (mix(features, salt) >> np.uint64(32 - bits)).astype(np.int64)


def tokenize(text: str, start: int, end: int) -> ParagraphTokens:
    """Tokens, sentences and feature ids of ``text[start:end]`` (offsets stay absolute)."""
    matches = list(TOKEN.finditer(text, start, end))
    if not matches:
        empty = np.zeros(0, dtype=np.int64)
        return ParagraphTokens(
            offsets=np.zeros((0, 2), dtype=np.int64),
            is_word=np.zeros(0, dtype=bool),
            token_features=np.zeros((0, N_TOKEN_FEATURES), dtype=np.uint32),
            sentence_of=empty,
            bag_features=np.zeros(0, dtype=np.uint32),
            bag_sentence=empty,
        )
    tokens = [m.group() for m in matches]
    offsets = np.array([m.span() for m in matches], dtype=np.int64)
    lexical = np.array([_lexical(t) for t in tokens], dtype=np.uint64)
    sentence_of = _sentences(tokens)
    in_quote = _inside_quotes(tokens)
    return ParagraphTokens(
        offsets=offsets,
        is_word=np.array([t[0].isalnum() or t[0] == "_" for t in tokens], dtype=bool),
        token_features=_token_features(lexical, sentence_of, in_quote, tokens),
        sentence_of=sentence_of,
        bag_features=mix(lexical[:, 0], 99).astype(np.uint32),
        bag_sentence=sentence_of,
    )


@lru_cache(maxsize=200_000)
def _lexical(token: str) -> tuple[int, int, int, int]:
    """(word, prefix, suffix, shape) ids of one token; cached since words repeat a lot."""
    lower = token.lower()
    return (
        zlib.crc32(b"w:" + lower.encode()),
        zlib.crc32(b"p:" + lower[:5].encode()),
        zlib.crc32(b"s:" + lower[-3:].encode()),
        zlib.crc32(b"h:" + _shape(token).encode()),
    )


def _shape(token: str) -> str:
    """Coarse orthographic class and length: capitals, digits, punctuation, long words."""
    if not token[0].isalnum() and token[0] != "_":
        return token
    if token.isdigit():
        return "0"
    case = "A" if token.isupper() and len(token) > 1 else "Aa" if token[0].isupper() else "a"
    return f"{case}{min(len(token), 12) // 4}"


def _sentences(tokens: list[str]) -> np.ndarray:
    """Sentence number of each token: a sentence ends after . ! ? … (and closing quotes)."""
    sentence_of = np.zeros(len(tokens), dtype=np.int64)
    current, ended = 0, False
    for i, token in enumerate(tokens):
        if ended and token not in _QUOTES and token not in _SENTENCE_END:
            current += 1
            ended = False
        sentence_of[i] = current
        if token in _SENTENCE_END:
            ended = True
    return sentence_of


def _inside_quotes(tokens: list[str]) -> np.ndarray:
    """1 for tokens after an odd number of quote marks in the paragraph (quoted words)."""
    flags = np.zeros(len(tokens), dtype=np.uint64)
    inside = False
    for i, token in enumerate(tokens):
        if token in _QUOTES:
            inside = not inside
        flags[i] = inside
    return flags


def _token_features(
    lexical: np.ndarray, sentence_of: np.ndarray, in_quote: np.ndarray, tokens: list[str]
) -> np.ndarray:
    """The ``(n, N_TOKEN_FEATURES)`` technique-free feature ids of a paragraph's tokens."""
    n = len(lexical)
    word, shape = lexical[:, 0], lexical[:, 3]
    pad = np.full(2, _BOUNDARY, dtype=np.uint64)
    padded = np.concatenate([pad, word, pad])
    prev1, next1 = padded[1 : n + 1], padded[3 : n + 3]
    prev2, next2 = padded[:n], padded[4 : n + 4]
    shape_pad = np.concatenate([pad[:1], shape, pad[:1]])
    position = _sentence_position(sentence_of)
    question = np.array([t == "?" for t in tokens], dtype=np.uint64)
    exclaim = np.array([t == "!" for t in tokens], dtype=np.uint64)
    n_sent = int(sentence_of[-1]) + 1
    flags = (np.bincount(sentence_of, weights=question, minlength=n_sent)[sentence_of] > 0).astype(
        np.uint64
    ) * np.uint64(2) + (
        np.bincount(sentence_of, weights=exclaim, minlength=n_sent)[sentence_of] > 0
    ).astype(np.uint64)
    columns = [
        np.zeros(n, dtype=np.uint64),
        word,
        lexical[:, 1],
        lexical[:, 2],
        shape,
        prev1,
        next1,
        prev2,
        next2,
        mix(prev1, 1) ^ word,
        mix(word, 2) ^ next1,
        in_quote,
        position,
        flags,
        mix(mix(shape_pad[:n], 3) ^ shape, 4) ^ shape_pad[2:],
        np.minimum(sentence_of, 3).astype(np.uint64),
    ]
    # Column k is salted with k so that equal raw values in two columns stay two features.
    return np.stack([mix(col, k + 101) for k, col in enumerate(columns)], axis=1).astype(np.uint32)


def _sentence_position(sentence_of: np.ndarray) -> np.ndarray:
    """0 first token, 1 last token, 2..5 quarter of the sentence the token sits in."""
    n = len(sentence_of)
    index = np.arange(n)
    starts = np.searchsorted(sentence_of, sentence_of, side="left")
    ends = np.searchsorted(sentence_of, sentence_of, side="right")
    relative = (index - starts) / np.maximum(ends - starts, 1)
    position = 2 + np.minimum((relative * 4).astype(np.int64), 3)
    position[index == starts] = 0
    position[index == ends - 1] = 1
    return position.astype(np.uint64)


@dataclass(frozen=True, slots=True)
class WeightIndices:
    """Where a paragraph's features land in the weight table under one salt.

    A token's logit is the sum of its ``tokens`` row plus its sentence's bag score: the sum
    of the ``bag`` weights of that sentence, times ``bag_scale`` (1/sqrt of its word count,
    so long sentences do not score high just for being long).
    """

    tokens: np.ndarray
    bag: np.ndarray
    bag_sentence: np.ndarray
    bag_scale: np.ndarray
    sentence_of: np.ndarray

    def logits(self, weights: np.ndarray) -> np.ndarray:
        bag = np.bincount(
            self.bag_sentence, weights=weights[self.bag], minlength=len(self.bag_scale)
        )
        return weights[self.tokens].sum(axis=1) + (bag * self.bag_scale)[self.sentence_of]


def weight_indices(tokens: ParagraphTokens, salt: int, bits: int) -> WeightIndices:
    """The indices of ``tokens``' features in a ``2**bits`` weight table under ``salt``."""
    counts = np.bincount(tokens.bag_sentence, minlength=tokens.n_sentences)
    return WeightIndices(
        tokens=technique_indices(tokens.token_features, salt, bits),
        bag=technique_indices(tokens.bag_features, salt, bits),
        bag_sentence=tokens.bag_sentence,
        bag_scale=1.0 / np.sqrt(np.maximum(counts, 1)),
        sentence_of=tokens.sentence_of,
    )
