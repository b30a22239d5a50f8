"""Who did it, to whom, with what: a learnt tagger of MUC-4's role fillers.

:class:`RoleTagger` is a linear token tagger with one sigmoid per role (PerpInd, PerpOrg,
Target, Victim, Weapon) over the hashed features of :mod:`presslens.events.roles_features`.
Rules alone find the phrases near a trigger but cannot tell which of a wire story's many
attacks, victims and guerrilla groups are *the* incident's; the tagger learns that from the
words, the lexicons, the nearest verbs and how early a phrase comes.

Decoding works at the document level, as the role fillers are document-level: a token goes to
the role whose probability most exceeds that role's threshold; runs of tokens with the same role
(punctuation breaks a run) are candidate phrases scored by their mean probability; each phrase
keeps its best occurrence; a phrase whose words lie inside a better one of the same role ("the
guerrillas" beside "urban guerrillas") is the same entity and is dropped; and each role keeps
at most its ``limit`` best phrases. Thresholds and limits are tuned on a validation split carved
from MUC-4's training documents (see :mod:`presslens.events.roles_train`).

Inference is pure numpy; the model file is a float16 weight table plus the decoding numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.errors import ModelError
from presslens.events.roles_features import FEATURE_VERSION, DocumentTokens, tokenize
from presslens.numeric import sigmoid

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "roles.npz"
_ARTICLES = frozenset(("the", "a", "an"))
_POSSESSIVES = frozenset(("'s", "’s"))


@dataclass(frozen=True, slots=True)
class RoleFiller:
    """One entity's best phrase: its role, text, character range and mean probability."""

    role: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Decoding:
    """Per role, the probability a token needs and the most phrases a document keeps."""

    thresholds: tuple[float, ...]
    limits: tuple[int, ...]
    #: A phrase grows over neighbours whose probability reaches ``grow`` times the threshold.
    grow: float = 1.0


def feature_matrix(tokens: DocumentTokens, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, columns)`` of the tokens' features folded into a table of ``2**bits`` rows."""
    lengths = [len(f) for f in tokens.features]
    rows = np.repeat(np.arange(len(lengths)), lengths)
    flat = np.fromiter((h for f in tokens.features for h in f), dtype=np.int64, count=sum(lengths))
    return rows, flat & ((1 << bits) - 1)


def _key(words: list[str]) -> tuple[str, ...]:
    """A phrase's identity: its words without articles (as the metric normalises)."""
    return tuple(w for w in words if w not in _ARTICLES)


def _inside(small: tuple[str, ...], large: tuple[str, ...]) -> bool:
    """Whether ``small`` is a contiguous run of ``large``'s words (or a plural-less copy)."""
    n = len(small)
    stems = tuple(w.rstrip("s") for w in large)
    short = tuple(w.rstrip("s") for w in small)
    return any(stems[i : i + n] == short for i in range(len(large) - n + 1))


def _in_phrase(word: str) -> bool:
    """Words and a possessive "'s" may be inside a phrase; other punctuation ends it."""
    return word[0].isalnum() or word in _POSSESSIVES


def _runs(labels: np.ndarray, words: list[str]) -> list[tuple[int, int, int]]:
    """``(role, first, end)`` token runs with the same role; punctuation breaks a run."""
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(labels):
        role = int(labels[i])
        if role < 0 or not _in_phrase(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == role and _in_phrase(words[j]):
            j += 1
        runs.append((role, i, j))
        i = j
    return runs


def _grow(
    run: tuple[int, int, int], words: list[str], probabilities: np.ndarray, floor: float
) -> tuple[int, int]:
    """A run grown over neighbours whose probability of the role reaches ``floor``.

    Tokens are tagged one by one, so a long name often has a confident core and weaker edges
    ("farabundo *marti* national liberation front"): the edges join at a lower probability.
    """
    role, first, end = run
    while first > 0 and _in_phrase(words[first - 1]) and probabilities[first - 1, role] >= floor:
        first -= 1
    while end < len(words) and _in_phrase(words[end]) and probabilities[end, role] >= floor:
        end += 1
    while first < end and (words[first] in _ARTICLES or not words[first][0].isalnum()):
        first += 1
    while end > first and not words[end - 1][0].isalnum():
        end -= 1
    return first, end


def decode(
    text: str, tokens: DocumentTokens, probabilities: np.ndarray, decoding: Decoding
) -> dict[str, list[RoleFiller]]:
    """Role fillers of one document from its token probabilities (see the module docstring)."""
    result: dict[str, list[RoleFiller]] = {role: [] for role in ROLES}
    if not len(tokens.words):
        return result
    ratio = probabilities / np.asarray(decoding.thresholds)
    labels = np.where(ratio.max(axis=1) >= 1.0, ratio.argmax(axis=1), -1)
    best: dict[tuple[int, tuple[str, ...]], RoleFiller] = {}
    for run in _runs(labels, tokens.words):
        role = run[0]
        floor = decoding.thresholds[role] * decoding.grow
        first, end = _grow(run, tokens.words, probabilities, floor)
        if first == end:
            continue
        key = (role, _key(tokens.words[first:end]))
        value = float(probabilities[first:end, role].mean())
        if key not in best or value > best[key].score:
            start, stop = tokens.offsets[first][0], tokens.offsets[end - 1][1]
            best[key] = RoleFiller(ROLES[role], text[start:stop], start, stop, value)
    ranked = sorted(best.items(), key=lambda item: -item[1].score)
    kept: dict[int, list[tuple[str, ...]]] = {}
    for (role, words), filler in ranked:
        others = kept.setdefault(role, [])
        if len(others) >= decoding.limits[role]:
            continue
        if any(_inside(words, other) or _inside(other, words) for other in others):
            continue
        others.append(words)
        result[ROLES[role]].append(filler)
    return result


class RoleTagger:
    """The role tagger: a hashed weight table, per-role biases and the decoding numbers."""

    def __init__(
        self, weights: np.ndarray, bias: np.ndarray, decoding: Decoding, bits: int
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.decoding = decoding
        self.bits = bits

    def probabilities(self, tokens: DocumentTokens) -> np.ndarray:
        """``(n_tokens, 5)``: the probability of each token lying in a filler of each role."""
        if not tokens.features:
            return np.zeros((0, len(ROLES)))
        rows, columns = feature_matrix(tokens, self.bits)
        scores = np.zeros((len(tokens.features), len(ROLES)), dtype=np.float64)
        np.add.at(scores, rows, self.weights[columns].astype(np.float64))
        return sigmoid(scores + self.bias)

    def fillers(self, text: str) -> dict[str, list[RoleFiller]]:
        """The role fillers of a document, each role's best first."""
        tokens = tokenize(text)
        return decode(text, tokens, self.probabilities(tokens), self.decoding)

    def save(self, path: Path) -> None:
        """Write the model as a compressed ``.npz`` of plain arrays (no pickle)."""
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            thresholds=np.asarray(self.decoding.thresholds, dtype=np.float64),
            limits=np.asarray(self.decoding.limits, dtype=np.int32),
            grow=np.float64(self.decoding.grow),
            bits=np.int32(self.bits),
            feature_version=np.int32(FEATURE_VERSION),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> RoleTagger:
        """Read a model written by :meth:`save`; a missing or stale file is a model error."""
        if not path.is_file():
            raise ModelError(
                f"role tagger model {path} not found: train it with "
                "`python -m presslens.events.roles_train --data ../shared/data/muc4`"
            )
        with np.load(path, allow_pickle=False) as data:
            if int(data["feature_version"]) != FEATURE_VERSION:
                raise ModelError(
                    f"role tagger model {path} was trained on other features "
                    f"(version {int(data['feature_version'])}, code has {FEATURE_VERSION}): "
                    "retrain it with `python -m presslens.events.roles_train`"
                )
            decoding = Decoding(
                tuple(float(t) for t in data["thresholds"]),
                tuple(int(k) for k in data["limits"]),
                float(data["grow"]),
            )
            return cls(data["weights"], data["bias"], decoding, int(data["bits"]))


@lru_cache(maxsize=1)
def default_tagger() -> RoleTagger:
    """The shipped model, read once per process."""
    return RoleTagger.load()
